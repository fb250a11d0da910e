import { warmSearchIndex } from '../../src/modules/search/warm';
import { cloneDemoDatabase, inRolledBack, type TestDb } from '../helpers/test-db';

/**
 * The search index read into PostgreSQL's cache after a start (src/modules/search/warm.ts), checked in the
 * cache itself (pg_buffercache): the relations' blocks are there after it, in priority order within the budget.
 */
describe('reading the search index into the cache', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await cloneDemoDatabase();
    await t.db.raw('CREATE EXTENSION IF NOT EXISTS pg_buffercache');
  });
  afterAll(() => t.drop());

  /** search_documents and search_words, their indexes, their TOAST tables and those tables' indexes, with their sizes in bytes and in blocks. */
  const searchRelations = async () =>
    (
      await t.db.raw<{ rows: Array<{ name: string; bytes: number; blocks: number }> }>(
        `SELECT c.oid::regclass::text AS name, pg_relation_size(c.oid)::int AS bytes, (pg_relation_size(c.oid) / current_setting('block_size')::int)::int AS blocks
           FROM pg_class c, pg_class s
          WHERE s.oid IN ('search_documents'::regclass, 'search_words'::regclass)
            AND (c.oid = s.oid OR c.oid = s.reltoastrelid
                 OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN (s.oid, s.reltoastrelid)))`,
      )
    ).rows;
  /** How many blocks of a relation's data (its main fork) the cache holds now. */
  const cached = async (name: string) =>
    (
      await t.db.raw<{ rows: Array<{ n: number }> }>(
        `SELECT count(*)::int AS n FROM pg_buffercache b
          WHERE b.reldatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND b.relforknumber = 0 AND b.relfilenode = pg_relation_filenode(?::regclass)`,
        [name],
      )
    ).rows[0]?.n;

  /** Takes a relation's blocks out of the cache, as a start of PostgreSQL leaves it (pg_buffercache_evict, PostgreSQL 17). */
  const evict = (name: string) =>
    t.db.raw(
      `SELECT pg_buffercache_evict(b.bufferid) FROM pg_buffercache b
        WHERE b.reldatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND b.relfilenode = pg_relation_filenode(?::regclass)`,
      [name],
    );

  it('reads every part of the search index into the cache, the indexes first', async () => {
    const relations = await searchRelations();
    expect(relations.map((r) => r.name)).toEqual(expect.arrayContaining(['search_documents', 'search_words', 'search_documents_tsv_index']));
    expect(relations.length).toBeGreaterThanOrEqual(10);
    for (const relation of relations) {
      await evict(relation.name);
      expect(await cached(relation.name)).toBe(0);
    }
    const outcome = await warmSearchIndex(t.db);
    expect(outcome.skipped).toBeNull();
    expect(outcome.left).toEqual([]);
    expect(new Set(outcome.warmed.map((w) => w.name))).toEqual(new Set(relations.map((r) => r.name)));
    for (const relation of relations) {
      expect(outcome.warmed.find((w) => w.name === relation.name)?.bytes).toBe(relation.bytes);
      expect(await cached(relation.name)).toBe(relation.blocks);
    }
    expect(outcome.warmed[0]?.name).toMatch(/^search_documents_.*(index|pkey)$/);
    expect(outcome.warmed.at(-1)?.name).toMatch(/^pg_toast\.pg_toast_\d+$/);
  });

  it('leaves out what the cache cannot hold too', async () => {
    const relations = await searchRelations();
    // The largest TOAST table: search_documents' (the documents' vectors and text).
    const toast = relations.filter((r) => /^pg_toast\.pg_toast_\d+$/.test(r.name)).sort((a, b) => b.blocks - a.blocks)[0];
    expect(toast?.blocks).toBeGreaterThan(0);
    const all = relations.reduce((sum, r) => sum + r.bytes, 0);
    const outcome = await warmSearchIndex(t.db, { budgetBytes: all - (toast?.bytes ?? 0) });
    expect(outcome.left).toEqual([toast?.name]);
    expect(outcome.warmed).toHaveLength(relations.length - 1);
  });

  it('reads nothing where the extension is not there', async () => {
    const outcome = await inRolledBack(t.db, async (trx) => {
      await trx.raw('DROP EXTENSION pg_prewarm');
      return warmSearchIndex(trx);
    });
    expect(outcome).toEqual({ warmed: [], left: [], skipped: 'no-extension' });
  });
});
