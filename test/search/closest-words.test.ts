import type { Knex } from 'knex';
import { closestWords } from '../../src/modules/search/repository';
import { cloneDemoDatabase, inRolledBack, type TestDb } from '../helpers/test-db';

/**
 * The misspelling fallback's suggestions (closestWords): the most similar word that occurs in a public
 * document. Whether a word occurs is asked first of a sample of its documents (search_word_in_sample,
 * migrations/20261202100000_search_word_in_sample.ts) and, when the sample holds none, exactly.
 */
describe('the most similar public word for a misspelled one', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await cloneDemoDatabase();
  });
  afterAll(() => t.drop());

  const closest = (trx: Knex.Transaction, terms: string[]) => closestWords({ trx, settingsApplied: false }, terms);

  it('is the most similar word in a public document, or none', async () => {
    expect(await inRolledBack(t.db, (trx) => closest(trx, ['sundhedspoliitk', 'xqzwvk']))).toEqual([
      { term: 'sundhedspoliitk', word: 'sundhedspolitik' },
      { term: 'xqzwvk', word: null },
    ]);
  });

  it('passes over a more similar word that no public document holds', async () => {
    const suggested = await inRolledBack(t.db, async (trx) => {
      // The vocabulary only grows: a word of an item since closed or withdrawn stays in it.
      await trx('search_words').insert({ word: 'sundhedspoliitk' });
      return closest(trx, ['sundhedspoliitk']);
    });
    expect(suggested).toEqual([{ term: 'sundhedspoliitk', word: 'sundhedspolitik' }]);
  });

  it('gives the same answer when the sample of a word\'s documents holds none of them', async () => {
    const sampled = await inRolledBack(t.db, async (trx) => {
      expect((await trx.raw("SELECT search_word_in_sample('sundhedspolitik') AS found")).rows[0]).toEqual({ found: true });
      // A sample that always misses: the exact look-up answers.
      await trx.raw("CREATE OR REPLACE FUNCTION search_word_in_sample(word text) RETURNS boolean LANGUAGE sql STABLE AS 'SELECT false'");
      return closest(trx, ['sundhedspoliitk', 'xqzwvk']);
    });
    expect(sampled).toEqual([
      { term: 'sundhedspoliitk', word: 'sundhedspolitik' },
      { term: 'xqzwvk', word: null },
    ]);
  });
});
