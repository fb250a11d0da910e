import type { Knex } from 'knex';

/**
 * The headings of a meeting's items (number, title, closed or not) in position order, as an index they can be
 * read from alone: the calendars and feeds list every meeting's item titles (src/modules/feeds), and reading them
 * from agenda_items read the items' rows, which hold their texts. For the calendar of 2,750 meetings that was
 * 17,600 pages (about 140 MB) where this index is 2.6 MB: 480 ms against 250 ms for its first query after a start.
 *
 * An index entry holds at most 2,704 bytes, so an item's title is bounded: 600 characters are at most 2,400
 * bytes in UTF-8 (MAX_ITEM_TITLE_CHARS in src/modules/items/kinds.ts). The secretariat's form takes 300; an import
 * with a longer title skips that meeting and says why.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE agenda_items ADD CONSTRAINT agenda_items_title_length CHECK (char_length(title) <= 600)');
  await knex.raw('CREATE INDEX agenda_items_meeting_headings ON agenda_items (meeting_id, position) INCLUDE (number, is_closed, title)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX agenda_items_meeting_headings');
  await knex.raw('ALTER TABLE agenda_items DROP CONSTRAINT agenda_items_title_length');
}
