import type { Express } from 'express';
import request from 'supertest';
import { testApp } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { hitsOf, linksOf, searchPath, statusOf } from './search-page';

/**
 * A word in more documents than the search ranks or counts in full
 * (src/modules/search/repository.ts): 1.200 items on 60 meetings of one committee.
 */
const MEETINGS = 60;
const ITEMS_PER_MEETING = 20;
const WORD = 'skovmærkeordningen';

describe('a search that matches more than a thousand items', () => {
  let t: TestDb;
  let app: Express;
  let best: string;
  let second: string;
  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    const committee = (await t.db('committees').where({ slug: 'social-og-sundhedsudvalget' }).first('id')).id as number;
    for (let m = 0; m < MEETINGS; m++) {
      // Oldest first; the meetings lie before the demo's, 2001–2005.
      const startsAt = new Date(Date.UTC(2001 + Math.floor(m / 12), m % 12, 10, 15));
      const slug = `mange-${m + 1}`;
      const [meeting] = (await t.db('meetings').insert({ committee_id: committee, slug, starts_at: startsAt, status: 'agenda_published' }).returning('id')) as Array<{ id: number }>;
      const items = Array.from({ length: ITEMS_PER_MEETING }, (_, i) => ({
        meeting_id: (meeting as { id: number }).id,
        position: i + 1,
        number: i + 1,
        title: m === 0 && i === 0 ? 'Skovmærkeordningen' : m === 1 && i === 0 ? 'Evaluering af skovmærkeordningen og meget andet i det gamle skovdistrikt' : `Driftssag ${m + 1}.${i + 1}`,
        background: `<p>Sagen nævner ${WORD} én gang blandt mange andre ord om drift, vedligehold og planlægning af området.</p>`,
      }));
      await t.db('agenda_items').insert(items);
    }
    best = '/dagsorden/mange-1/punkt-1';
    second = '/dagsorden/mange-2/punkt-1';
  });
  afterAll(() => t.drop());

  const search = async (params: Record<string, string> = {}) => {
    const res = await request(app).get(searchPath(WORD, params)).expect(200);
    return { html: res.text, hits: hitsOf(res.text), status: statusOf(res.text) };
  };

  it('says there are more than 1.000 and puts the best title matches first, however old', async () => {
    const first = await search();
    expect(first.status).toBe(`Viser 1–20 af mere end 1.000 resultater for »${WORD}«.`);
    expect(first.hits).toHaveLength(20);
    expect(first.hits.slice(0, 2).map((h) => h.href)).toEqual([best, second]);
    // The others tie on the text: newest meeting first.
    expect(first.hits[2]?.href).toMatch(new RegExp(`^/dagsorden/mange-${MEETINGS}/punkt-\\d+$`));
    expect(linksOf(first.html)).toContain(`/soeg?q=${encodeURIComponent(WORD)}&side=50`);
  });

  it('pages through the first 1.000 of them, each once, in a stable order', async () => {
    const seen = new Set<string>();
    let previous: string[] = [];
    for (let side = 1; side <= 50; side++) {
      const { hits } = await search({ side: String(side) });
      expect({ side, count: hits.length }).toEqual({ side, count: 20 });
      for (const h of hits) {
        expect(seen.has(h.href)).toBe(false);
        seen.add(h.href);
      }
      previous = hits.map((h) => h.href);
    }
    expect(seen.size).toBe(1000);
    // The same page asked again is the same page.
    expect((await search({ side: '50' })).hits.map((h) => h.href)).toEqual(previous);
    const beyond = await search({ side: '51' });
    expect(beyond.hits).toHaveLength(0);
    expect(pageText(beyond.html)).toContain('Der er mere end 1.000 resultater, men ikke så mange sider.');
  });

  it('counts exactly again when a filter narrows the matches', async () => {
    const year = await search({ aar: '2003' });
    expect(year.status).toBe(`Viser 1–20 af 240 resultater for »${WORD}«.`);
    for (const h of year.hits) expect(h.meta).toMatch(/ 2003 · Dagsorden$/);
    // Few enough to rank them all: the title match of 2001 is not among them, the 2003 items tie and come newest first.
    expect(year.hits[0]?.href).toMatch(/^\/dagsorden\/mange-36\/punkt-\d+$/);
    const phrase = await search({ q: `"nævner ${WORD}"` });
    expect(phrase.status).toMatch(/mere end 1\.000 resultater/);
  });

  it('follows a meeting moved to another day or committee in the filters', async () => {
    const council = (await t.db('committees').where({ slug: 'kommunalbestyrelsen' }).first('id')).id as number;
    await t.db('meetings').where({ slug: 'mange-1' }).update({ starts_at: new Date(Date.UTC(2009, 5, 3, 15)) });
    await t.db('meetings').where({ slug: 'mange-2' }).update({ committee_id: council });
    const year = await search({ aar: '2009' });
    expect(year.status).toBe(`${ITEMS_PER_MEETING} resultater for »${WORD}«.`);
    expect(year.hits[0]?.href).toBe(best);
    expect((await search({ aar: '2001' })).status).toBe(`Viser 1–20 af ${11 * ITEMS_PER_MEETING} resultater for »${WORD}«.`);
    const moved = await search({ udvalg: 'kommunalbestyrelsen' });
    expect(moved.status).toBe(`${ITEMS_PER_MEETING} resultater for »${WORD}«.`);
    expect(moved.hits[0]?.href).toBe(second);
    for (const h of moved.hits) expect(h.meta).toMatch(/^Kommunalbestyrelsen, /);
  });
});
