import { migrateLatest } from '../../src/db/knex';
import { generateMunicipality, prng } from '../../src/bench/generator';
import { emptyDatabase, type TestDb } from '../helpers/test-db';

const TINY = { committees: 1, meetingsPerYear: 2, years: 1, itemsPerMeeting: 4 };

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

describe('bench generator', () => {
  const dbs: TestDb[] = [];
  afterAll(async () => {
    for (const t of dbs) await t.drop();
  });

  it('makes the same municipality from the same seed', async () => {
    const contents: unknown[] = [];
    for (let run = 0; run < 2; run++) {
      const t = await emptyDatabase();
      dbs.push(t);
      await migrateLatest(t.db);
      const data = await generateMunicipality(t.db, TINY, 7);
      expect(data.meetings).toHaveLength(2);
      expect(data.items).toBeGreaterThan(0);
      contents.push(await contentOf(t));
    }
    expect(contents[1]).toEqual(contents[0]);
    // Approved minutes are published (and so locked) once written.
    const statuses = (contents[0] as { items: Array<{ status: string }> }).items.map((i) => i.status);
    expect(new Set(statuses)).toEqual(new Set(['minutes_published', 'agenda_published']));
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
