import type { Express } from 'express';
import type { Knex } from 'knex';
import request from 'supertest';
import { testApp } from '../helpers/app';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { hitsOf, searchPath } from './search-page';

/**
 * The search index is maintained by triggers inside the writing transaction
 * (migrations/20261126160300_maintain_search_documents.ts). Two transactions that
 * change different meetings must never wait for each other there, or they can
 * deadlock: each holds a new word of the vocabulary (search_words) the other needs.
 */
describe('search index maintenance under concurrent writes', () => {
  let t: TestDb;
  let app: Express;
  let committeeId: number;
  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    committeeId = (await t.db('committees').where({ slug: 'social-og-sundhedsudvalget' }).first('id')).id as number;
  });
  afterAll(() => t.drop());

  /** A meeting with a published agenda and two items; the second has a decision, not public until the minutes are. */
  let meetings = 0;
  const meetingWith = async (decision: string) => {
    meetings += 1;
    const slug = `samtidighed-${meetings}`;
    const [meeting] = (await t.db('meetings')
      .insert({ committee_id: committeeId, slug, starts_at: new Date(Date.UTC(2027, 2, meetings, 15)), status: 'agenda_published' })
      .returning('id')) as Array<{ id: number }>;
    const meetingId = (meeting as { id: number }).id;
    const [first, second] = (await t.db('agenda_items')
      .insert([
        { meeting_id: meetingId, position: 1, number: 1, title: 'Første punkt', summary: '<p>Intet nyt.</p>' },
        { meeting_id: meetingId, position: 2, number: 2, title: 'Andet punkt', summary: '<p>Intet nyt.</p>', decision: `<p>${decision}</p>` },
      ])
      .returning('id')) as Array<{ id: number }>;
    return { meetingId, href: `/dagsorden/${slug}`, first: (first as { id: number }).id, second: (second as { id: number }).id };
  };

  const search = async (q: string) => hitsOf((await request(app).get(searchPath(q)).expect(200)).text);

  it('publishes two meetings’ minutes at once, each holding a new word the other brings', async () => {
    // Words no document holds yet, in both orders: sorting inside one statement must not be what saves us.
    for (const [x, y] of [
      ['abrikoslund', 'zinnoberhave'],
      ['zirkonbrud', 'agatskrænt'],
    ] as Array<[string, string]>) {
      const a = await meetingWith(`Beslutningen nævner ${y}.`);
      const b = await meetingWith(`Beslutningen nævner ${x}.`);
      const one = await t.db.transaction();
      const two = await t.db.transaction();
      const settle = async (trx: Knex.Transaction, work: Promise<unknown>) => {
        try {
          await work;
          await trx.commit();
        } catch (error) {
          await trx.rollback().catch(() => undefined);
          throw error;
        }
      };
      try {
        // Each transaction first edits an item of its own meeting, bringing a new word…
        await one('agenda_items').where({ id: a.first }).update({ summary: `<p>Nyt: ${x}.</p>` });
        await two('agenda_items').where({ id: b.first }).update({ summary: `<p>Nyt: ${y}.</p>` });
        // …then publishes its meeting's minutes, whose decision holds the other's new word.
        const results = await Promise.allSettled([
          settle(one, one('meetings').where({ id: a.meetingId }).update({ status: 'minutes_published' })),
          settle(two, two('meetings').where({ id: b.meetingId }).update({ status: 'minutes_published' })),
        ]);
        expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'committed'))).toEqual(['committed', 'committed']);
      } finally {
        if (!one.isCompleted()) await one.rollback().catch(() => undefined);
        if (!two.isCompleted()) await two.rollback().catch(() => undefined);
      }
      // Both landed whole: documents and vocabulary.
      expect((await search(x)).map((h) => h.href).sort()).toEqual([`${a.href}/punkt-1`, `${b.href}/punkt-2`]);
      expect((await search(y)).map((h) => h.href).sort()).toEqual([`${a.href}/punkt-2`, `${b.href}/punkt-1`]);
      expect(await t.db('search_words').whereIn('word', [x, y]).distinct('word').orderBy('word').pluck('word')).toEqual([x, y].sort());
    }
  });

  it('keeps a word in the vocabulary when the other transaction that brought it rolls back', async () => {
    const word = 'tranebærmose';
    expect(await t.db('search_words').where({ word }).first()).toBeUndefined();
    const a = await meetingWith('Intet.');
    const b = await meetingWith('Intet.');
    const one = await t.db.transaction();
    const two = await t.db.transaction();
    try {
      await one('agenda_items').where({ id: a.first }).update({ summary: `<p>${word}</p>` });
      const written = two('agenda_items').where({ id: b.first }).update({ summary: `<p>${word}</p>` }).then(() => two.commit());
      await one.rollback();
      await written;
    } finally {
      if (!one.isCompleted()) await one.rollback().catch(() => undefined);
      if (!two.isCompleted()) await two.rollback().catch(() => undefined);
    }
    expect(await t.db('search_words').where({ word }).pluck('word')).toContain(word);
    // And the misspelling fallback finds it.
    expect((await search('tranebærmosse')).map((h) => h.href)).toEqual([`${b.href}/punkt-1`]);
  });
});
