import { searchPublic } from '../../src/modules/search/service';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

/**
 * The search's text indexes take a change into their trees at once
 * (migrations/20261130100000_search_indexes_without_pending_lists.ts): with a pending list, every search
 * reads the list whole until a vacuum empties it, and a long one turns a phrase search's plan.
 */
describe('search indexes without pending lists', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await cloneDemoDatabase();
  });
  afterAll(() => t.drop());

  const textIndexes = async () =>
    (
      await t.db.raw<{ rows: Array<{ name: string; options: string[] | null }> }>(
        `SELECT c.relname AS name, c.reloptions AS options
           FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
          WHERE i.indrelid IN ('search_documents'::regclass, 'search_words'::regclass) AND a.amname = 'gin'
          ORDER BY c.relname`,
      )
    ).rows;

  it('leaves nothing waiting in any text index of the search after items change, and finds the change at once', async () => {
    const indexes = await textIndexes();
    expect(indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['search_documents_tsv_index', 'search_documents_phrases_index', 'search_documents_title_tsv_index', 'search_words_trgm_index']));
    // Every one of them, a later one too.
    for (const index of indexes) expect(index.options ?? []).toContain('fastupdate=off');

    const items = (await t.db('agenda_items as i')
      .join('meetings as m', 'm.id', 'i.meeting_id')
      .where('m.status', 'agenda_published')
      .where('i.is_closed', false)
      .orderBy('i.id')
      .limit(3)
      .select('i.id')) as Array<{ id: number }>;
    expect(items).toHaveLength(3);
    // Each change rebuilds the item's search document (and adds its new word to the vocabulary).
    for (const [n, item] of items.entries()) {
      await t.db('agenda_items').where({ id: item.id }).update({ title: `Kvælstofudledningsplan vandløbsrestaurering, del ${n + 1}` });
    }
    const found = await searchPublic(t.db, { text: '"kvælstofudledningsplan vandløbsrestaurering"', filters: {}, page: 1 });
    expect(found.total).toBe(3);

    // gin_clean_pending_list moves what waits into the tree and answers how many pages it was: none.
    for (const index of indexes) {
      const waiting = await t.db.raw<{ rows: Array<{ pages: string }> }>('SELECT gin_clean_pending_list(?::regclass) AS pages', [index.name]);
      expect({ index: index.name, pages: Number(waiting.rows[0]?.pages) }).toEqual({ index: index.name, pages: 0 });
    }
  });
});
