import { migrateLatest } from '../../src/db/knex';
import { generateMunicipality, prng, verifyGenerated, type GeneratedData } from '../../src/bench/generator';
import { emptyDatabase, inRolledBack, type TestDb } from '../helpers/test-db';

const TINY = { committees: 1, meetingsPerYear: 2, years: 1, itemsPerMeeting: 4 };
/** Small, but with every kind of row: closed items, votes, dissents, budget tables, hidden attachments, announcements. */
const SMALL = { committees: 2, meetingsPerYear: 5, years: 1, itemsPerMeeting: 15 };

/** Everything a reader sees of the generated content, without database ids. */
async function contentOf(t: TestDb): Promise<unknown> {
  const items = await t.db('agenda_items as i')
    .join('meetings as m', 'm.id', 'i.meeting_id')
    .orderBy(['m.slug', 'i.number'])
    .select('m.slug', 'm.status', 'i.number', 'i.kind', 'i.title', 'i.case_presentation', 'i.decision');
  const tables = await t.db('budget_tables').orderBy('id').pluck('definition');
  const ballots = await t.db('vote_ballots').orderBy(['vote_id', 'position']).pluck('choice');
  return { items, tables, ballots };
}

async function generated(dbs: TestDb[], size: typeof TINY, seed: number): Promise<{ t: TestDb; data: GeneratedData }> {
  const t = await emptyDatabase();
  dbs.push(t);
  await migrateLatest(t.db);
  return { t, data: await generateMunicipality(t.db, size, seed) };
}

describe('bench generator', () => {
  const dbs: TestDb[] = [];
  afterAll(async () => {
    for (const t of dbs) await t.drop();
  });

  it('makes the same municipality from the same seed', async () => {
    const contents: unknown[] = [];
    for (let run = 0; run < 2; run++) {
      const { t, data } = await generated(dbs, TINY, 7);
      expect(data.meetings).toHaveLength(2);
      expect(data.items).toBeGreaterThan(0);
      contents.push(await contentOf(t));
    }
    expect(contents[1]).toEqual(contents[0]);
    // Approved minutes are published (and so locked) once written.
    const statuses = (contents[0] as { items: Array<{ status: string }> }).items.map((i) => i.status);
    expect(new Set(statuses)).toEqual(new Set(['minutes_published', 'agenda_published']));
  });

  describe('writes what the application itself would have written', () => {
    let t: TestDb;
    let data: GeneratedData;
    beforeAll(async () => {
      ({ t, data } = await generated(dbs, SMALL, 11));
    });

    it('has every kind of row the bench measures', async () => {
      const count = async (sql: string) => Number((await t.db.raw<{ rows: Array<{ n: number }> }>(`SELECT count(*)::int AS n FROM ${sql}`)).rows[0]?.n);
      expect(await count('agenda_items WHERE is_closed')).toBeGreaterThan(0);
      expect(await count('votes')).toBeGreaterThan(0);
      expect(await count('dissents')).toBeGreaterThan(0);
      expect(await count('budget_tables')).toBeGreaterThan(0);
      expect(await count('sub_points')).toBeGreaterThan(0);
      expect(await count('attachments WHERE NOT is_public')).toBeGreaterThan(0);
      expect(await count("recommendation_points WHERE decision IS NOT NULL")).toBeGreaterThan(0);
      // Closed items of published minutes: their sealed hash is part of the canonical form checked below.
      expect(await count("agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.is_closed AND m.status = 'minutes_published'")).toBeGreaterThan(0);
    });

    it('has the search documents search_refresh_item() makes, and the minutes canonicalMinutes() makes, for every item and meeting', async () => {
      await expect(verifyGenerated(t.db, data, { items: 'all', meetings: 'all' })).resolves.toBeUndefined();
      // No document for a closed item.
      const closedWithDocument = await t.db('search_documents as d').join('agenda_items as i', 'i.id', 'd.item_id').where('i.is_closed', true).count<{ count: number }[]>('* as count');
      expect(Number(closedWithDocument[0]?.count)).toBe(0);
    });

    it('has the words search_note_words() notes, once each', async () => {
      const words = async () => (await t.db.raw<{ rows: Array<{ word: string }> }>('SELECT word FROM search_words ORDER BY word COLLATE "C"')).rows.map((r) => r.word);
      const generatedWords = await words();
      expect(generatedWords.length).toBeGreaterThan(50);
      expect(new Set(generatedWords).size).toBe(generatedWords.length);
      // Every document afresh through the application's function, one after another as the app writes them.
      await inRolledBack(t.db, async (trx) => {
        await trx.raw('DELETE FROM search_documents');
        await trx.raw('DELETE FROM search_words');
        await trx.raw('SELECT count(search_refresh_item(id)) FROM (SELECT id FROM agenda_items ORDER BY id) i');
        const rebuilt = (await trx.raw<{ rows: Array<{ word: string }> }>('SELECT word FROM search_words ORDER BY word COLLATE "C"')).rows.map((r) => r.word);
        expect(rebuilt).toEqual(generatedWords);
      });
    });

    it('logs every meeting and the site as changed, and leaves the minutes locked', async () => {
      const logged = (await t.db('content_changes').distinct('meeting_id').pluck('meeting_id')) as Array<number | null>;
      expect(new Set(logged)).toEqual(new Set([null, ...data.meetings.map((m) => m.id)]));
      const published = data.meetings.find((m) => m.published);
      const item = (await t.db('agenda_items').where({ meeting_id: published?.id }).first('id')) as { id: number };
      await expect(t.db('agenda_items').where({ id: item.id }).update({ title: 'Ændret' })).rejects.toThrow(/låst/);
    });

    it('fails when a document or the minutes differ from what the application makes', async () => {
      await inRolledBack(t.db, async (trx) => {
        const doc = (await trx('search_documents').orderBy('item_id').first('item_id')) as { item_id: number };
        await trx('search_documents').where({ item_id: doc.item_id }).update({ body: trx.raw("body || ' ekstra'") });
        await expect(verifyGenerated(trx, data, { items: 'all', meetings: 0 })).rejects.toThrow(`item ${doc.item_id}: the document differs`);
      });
      const published = data.meetings.find((m) => m.published) as GeneratedData['meetings'][number];
      await inRolledBack(t.db, async (trx) => {
        await trx('minutes_snapshots').where({ meeting_id: published.id }).update({ canonical: trx.raw("replace(canonical, '\"format\"', '\"formatet\"')") });
        await expect(verifyGenerated(trx, { ...data, meetings: [published] }, { items: 0, meetings: 'all' })).rejects.toThrow(`meeting ${published.slug}: the minutes snapshot`);
      });
    });
  });

  it('has a deterministic PRNG that differs by seed', () => {
    const a = prng(1);
    const b = prng(1);
    const c = prng(2);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
  });
});
