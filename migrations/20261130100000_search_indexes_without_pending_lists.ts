import type { Knex } from 'knex';

/**
 * The search's text indexes (GIN) take each change into their trees at once, not into a pending list.
 *
 * With PostgreSQL's default (fastupdate), a changed search document's entries wait in a list of up to 4 MB that
 * every search reads whole, until a vacuum or an analyze of the table moves them into the tree; for 40,000
 * documents autovacuum comes after thousands of changes. A document's pairs of words (`phrases`) are thousands
 * of entries, so 245 item changes filled the phrases index's list with 495 pages. On the bench's data a phrase
 * search then read those pages (15 ms) and, the index now priced dear, was planned to check the pairs of every
 * title match instead: 12,000 pages and 37 ms, where the emptied index answers it in 1,259 pages.
 *
 * A change of an item costs more this way: 24 ms instead of 8 ms for a document of the bench's size (a pending
 * list of 128 kB instead cost a change 80 ms in ten, when it was emptied). The secretariat changes items one at
 * a time; citizens search all the time.
 */
const GIN_INDEXES = ['search_documents_tsv_index', 'search_documents_words_index', 'search_documents_title_trgm_index', 'search_documents_title_tsv_index', 'search_documents_phrases_index', 'search_words_trgm_index'];

export async function up(knex: Knex): Promise<void> {
  for (const index of GIN_INDEXES) {
    await knex.raw('ALTER INDEX ?? SET (fastupdate = off)', [index]);
    // What waits in the list already is moved into the tree: searches would go on reading it.
    await knex.raw('SELECT gin_clean_pending_list(?::regclass)', [index]);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const index of GIN_INDEXES) await knex.raw('ALTER INDEX ?? RESET (fastupdate)', [index]);
}
