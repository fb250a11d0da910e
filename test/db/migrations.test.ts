import { loadDemoData } from '../../seeds/demo/load';
import { migrateLatest, migrationConfig } from '../../src/db/knex';
import { TEST_TODAY } from '../helpers/clock';
import { emptyDatabase, type TestDb } from '../helpers/test-db';

async function tables(t: TestDb): Promise<string[]> {
  const rows = await t.db('pg_tables').where({ schemaname: 'public' }).orderBy('tablename').pluck('tablename');
  return rows as string[];
}

describe('migrations', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await emptyDatabase();
  });
  afterAll(() => t.drop());

  it('run up, all the way down, and up again', async () => {
    await migrateLatest(t.db);
    const up = await tables(t);
    expect(up).toEqual(
      expect.arrayContaining(['bodies', 'committees', 'people', 'memberships', 'meetings', 'attendance', 'cases', 'agenda_items', 'budget_tables', 'recommendation_points', 'amendments', 'votes', 'vote_ballots', 'dissents', 'item_absences', 'sub_points', 'attachments']),
    );
    // Roll back one migration at a time, so each down() is exercised on its own.
    for (;;) {
      const [, log] = (await t.db.migrate.rollback(migrationConfig())) as [number, string[]];
      if (log.length === 0) break;
    }
    expect((await tables(t)).filter((name) => !name.startsWith('knex_'))).toEqual([]);
    await migrateLatest(t.db);
    expect(await tables(t)).toEqual(up);
  });

  it('load the demo data once, and a second load changes nothing', async () => {
    expect(await loadDemoData(t.db, { today: TEST_TODAY })).toBe(true);
    const count = async () => Number((await t.db('agenda_items').count<{ count: number }[]>('* as count'))[0]?.count);
    const items = await count();
    expect(items).toBeGreaterThan(60);
    expect(await loadDemoData(t.db, { today: TEST_TODAY })).toBe(false);
    expect(await count()).toBe(items);
  });

  it('enforce the model in the database: one list of meeting states, valid slugs, unique item numbers', async () => {
    const meeting = await t.db('meetings').where({ status: 'agenda_published' }).first('id', 'committee_id');
    await expect(t.db('meetings').where({ id: meeting.id }).update({ status: 'draft' })).rejects.toThrow(/meetings_status_check/);
    await expect(t.db('committees').where({ id: meeting.committee_id }).update({ slug: 'Øko nomi' })).rejects.toThrow(/committees_slug_format/);
    const item = await t.db('agenda_items').where({ meeting_id: meeting.id }).first('number');
    await expect(
      t.db('agenda_items').insert({ meeting_id: meeting.id, position: 999, number: item.number, title: 'Dublet' }),
    ).rejects.toThrow(/unique/);
  });

  it('lock approved minutes in the database itself, whatever the application does', async () => {
    const locked = await t.db('meetings').where({ slug: 'social-og-sundhedsudvalget-06-04-2021' }).first('id', 'status');
    expect(locked.status).toBe('minutes_published');
    const item = await t.db('agenda_items').where({ meeting_id: locked.id, number: 14 }).first('id');
    await expect(t.db('agenda_items').where({ id: item.id }).update({ title: 'Forfalsket' })).rejects.toThrow(/Referatet er godkendt og låst/);
    await expect(t.db('recommendation_points').where({ item_id: item.id }).update({ decision: '<p>Forkastet</p>' })).rejects.toThrow(/låst/);
    await expect(t.db('vote_ballots').update({ choice: 'for' })).rejects.toThrow(/låst/);
    await expect(t.db('attendance').where({ meeting_id: locked.id }).delete()).rejects.toThrow(/låst/);
    await expect(t.db('agenda_items').insert({ meeting_id: locked.id, position: 99, number: 99, title: 'Indsmuglet' })).rejects.toThrow(/låst/);
    await expect(t.db('meetings').where({ id: locked.id }).update({ location: 'Et andet sted' })).rejects.toThrow(/låst/);
    await expect(t.db('meetings').where({ id: locked.id }).delete()).rejects.toThrow(/låst/);
    expect((await t.db('agenda_items').where({ id: item.id }).first('title')).title).toBe('Sundhedspolitik');
  });

  it('sort Danish names in Danish order (æ, ø, å after z; aa as å)', async () => {
    const result = await t.db.raw<{ rows: Array<{ names: string }> }>(
      "SELECT string_agg(x, ',' ORDER BY x) AS names FROM unnest(ARRAY['Åby','Zealand','Ærø','Aabenraa','Øster','Bent']) x",
    );
    expect(result.rows[0]?.names).toBe('Bent,Zealand,Ærø,Øster,Aabenraa,Åby');
  });
});
