import { createDb, type Db } from '../../src/db/knex';
import { fullTextSearch, withSearchTransaction } from '../../src/modules/search/repository';
import { searchPublic } from '../../src/modules/search/service';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

/**
 * The search's statements are prepared on each connection (src/modules/search/repository.ts),
 * but not a phrase's, and only so many texts: what is typed decides a statement's text,
 * and a prepared statement stays for the connection's life.
 */
describe('prepared search statements', () => {
  let t: TestDb;
  let one: Db;
  beforeAll(async () => {
    t = await cloneDemoDatabase();
    // One connection: every search below runs on it, so its prepared statements can be counted.
    one = createDb(t.url, { max: 1 });
    t.onDrop(() => one.destroy());
  });
  afterAll(() => t.drop());

  const prepared = async () => Number((await one.raw<{ rows: Array<{ n: string }> }>('SELECT count(*) AS n FROM pg_prepared_statements')).rows[0]?.n);
  const search = (text: string) => searchPublic(one, { text, filters: {}, page: 1 });

  it('answers a search prepared as it answered it the first time', async () => {
    const first = await search('budget');
    expect(first.total).toBeGreaterThan(0);
    const before = await prepared();
    expect(before).toBeGreaterThan(0);
    // The same shape of search again: no statement is added, and the hits are the same.
    const again = await search('budget');
    expect(again).toEqual(first);
    expect(await search('Budget')).toEqual(first);
    expect(await prepared()).toBe(before);
  });

  it('plans each prepared statement once, not again for each search', async () => {
    // PostgreSQL would plan a statement anew for its values at least five times, and the page's hits for ever.
    for (let i = 0; i < 7; i++) expect((await search(i % 2 ? 'budget' : 'skole')).total).toBeGreaterThan(0);
    // The statement that reads the query sets the transaction's plan settings, so it is planned before they hold
    // (a list of function calls); the ranking and the page's hits are planned under them.
    const plans = (await one.raw<{ rows: Array<{ generic: string; custom: string }> }>(
      "SELECT generic_plans AS generic, custom_plans AS custom FROM pg_prepared_statements WHERE name LIKE 'search\\_%' AND statement NOT LIKE '%websearch_to_tsquery%'",
    )).rows;
    expect(plans.length).toBeGreaterThanOrEqual(2);
    for (const plan of plans) expect({ custom: Number(plan.custom), generic: Number(plan.generic) > 0 }).toEqual({ custom: 0, generic: true });
  });

  it('leaves the plans of a search with a phrase to PostgreSQL: the phrase is planned for its words', async () => {
    const modeAfter = (text: string) =>
      withSearchTransaction(one, async (search) => {
        expect((await fullTextSearch(search, { kind: 'typed', text }, {}, { limit: 20, offset: 0 })).total).toBeGreaterThan(0);
        return ((await search.trx.raw<{ rows: Array<{ mode: string }> }>("SELECT current_setting('plan_cache_mode') AS mode")).rows[0] as { mode: string }).mode;
      });
    expect(await modeAfter('økonomiske konsekvenser')).toBe('force_generic_plan');
    expect(await modeAfter('"økonomiske konsekvenser"')).toBe('auto');
    expect(await modeAfter('budget "økonomiske konsekvenser"')).toBe('auto');
    // The setting is the transaction's alone.
    expect(((await one.raw<{ rows: Array<{ mode: string }> }>("SELECT current_setting('plan_cache_mode') AS mode")).rows[0] as { mode: string }).mode).toBe('auto');
  });

  it('prepares no statement for a phrase: however many shapes of phrases are typed, the statements stay as few', async () => {
    // A phrase's statement is planned for its words every time (repository.ts): a prepared one would come to use a generic plan.
    const phrase = await search('"økonomiske konsekvenser"');
    expect(phrase.total).toBeGreaterThan(0);
    const before = await prepared();
    // Each search adds one phrase more: each is a statement text of its own.
    const words = ['budget', 'skole', 'borger', 'kommune', 'udvalg', 'plan', 'vej', 'park', 'klima', 'ældre'];
    const texts: string[] = [];
    for (let n = 1; n <= 40; n++) {
      const phrases = Array.from({ length: n }, (_, i) => `"${words[i % words.length]} ${words[(i + 1) % words.length]}"`);
      texts.push(phrases.join(' or '), `${phrases.join(' or ')} -park`);
    }
    for (const text of texts) await search(text);
    expect(await prepared()).toBe(before);
    expect(before).toBeLessThanOrEqual(64);
    // The phrase, planned anew, answers as it did the first time.
    expect(await search('"økonomiske konsekvenser"')).toEqual(phrase);
    // A filter is a shape of its own: prepared, and answered.
    const minutes = await searchPublic(one, { text: 'budget', filters: { type: 'referat' }, page: 1 });
    expect(minutes.total).toBeGreaterThan(0);
    for (const hit of minutes.hits) expect(hit.minutes).toBe(true);
    expect(await prepared()).toBeLessThanOrEqual(64);
  });
});
