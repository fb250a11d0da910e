import type { Express } from 'express';
import request from 'supertest';
import { testApp } from '../helpers/app';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { hitsOf, searchPath, statusOf } from './search-page';

/**
 * A phrase in more documents than the search ranks in full (src/modules/search/repository.ts):
 * its best title matches are found among the documents with the phrase, even where many
 * shorter titles hold its words without it.
 */
const PHRASE = 'gælder vandløbsregulativet';

describe('a phrase that matches more than the search ranks', () => {
  let t: TestDb;
  let app: Express;
  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    const committee = (await t.db('committees').where({ slug: 'social-og-sundhedsudvalget' }).first('id')).id as number;
    const meeting = async (slug: string, startsAt: Date) =>
      ((await t.db('meetings').insert({ committee_id: committee, slug, starts_at: startsAt, status: 'agenda_published' }).returning('id')) as Array<{ id: number }>)[0]?.id as number;
    // 300 items with the phrase, 2001–2003; the oldest has the only title with the phrase's word.
    for (let m = 0; m < 30; m++) {
      const id = await meeting(`regulativ-${m + 1}`, new Date(Date.UTC(2001 + Math.floor(m / 12), m % 12, 10, 15)));
      await t.db('agenda_items').insert(
        Array.from({ length: 10 }, (_, i) => ({
          meeting_id: id,
          position: i + 1,
          number: i + 1,
          title: m === 0 && i === 0 ? 'Revision af vandløbsregulativet for Kildebækken med tilløb og grøfter' : `Driftssag ${m + 1}.${i + 1}`,
          background: `<p>Sagen ${PHRASE} for området og dets drift.</p>`,
        })),
      );
    }
    // 150 newer items whose short titles hold the word, without the phrase in their text.
    const newer = await meeting('regulativer-2004', new Date(Date.UTC(2004, 2, 10, 15)));
    await t.db('agenda_items').insert(
      Array.from({ length: 150 }, (_, i) => ({ meeting_id: newer, position: i + 1, number: i + 1, title: 'Vandløbsregulativet', background: '<p>Et andet regulativ for et andet vandløb.</p>' })),
    );
  });
  afterAll(() => t.drop());

  it('puts the one title match with the phrase first, though 150 better title matches lack it and it is the oldest', async () => {
    const res = await request(app).get(searchPath(`"${PHRASE}"`)).expect(200);
    expect(statusOf(res.text)).toBe(`Viser 1–20 af 300 resultater for »"${PHRASE}"«.`);
    const hits = hitsOf(res.text);
    expect(hits[0]?.href).toBe('/dagsorden/regulativ-1/punkt-1');
    // The others tie on the text: newest meeting first, none of the 2004 titles (they lack the phrase).
    expect(hits[1]?.href).toMatch(/^\/dagsorden\/regulativ-30\/punkt-\d+$/);
    for (const h of hits) expect(h.href).not.toMatch(/regulativer-2004/);
  });
});
