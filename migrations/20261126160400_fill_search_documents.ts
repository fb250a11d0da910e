import type { Knex } from 'knex';

/** Indexes the items that existed before the search: the triggers keep it up to date from here on. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('SELECT search_refresh_item(id) FROM (SELECT id FROM agenda_items ORDER BY id) i');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DELETE FROM search_words');
  await knex.raw('DELETE FROM search_documents');
}
