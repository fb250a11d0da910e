import type { Knex } from 'knex';

/**
 * The columns of an agenda item that the publisher's and the OParl API's lists read for every item (its
 * meeting, id, whether it is closed, its case, its times), as an index they can be read from alone. An item's
 * row is its texts too (1,6 KB on average): ten years of a large municipality are 66 MB of rows, read in full
 * by each of the dozen scans a publish makes, where this index is 3 MB. It also serves a meeting's latest
 * item change (its OParl `modified`) without reading the items.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX agenda_items_meeting_keys ON agenda_items (meeting_id, id) INCLUDE (is_closed, case_id, created_at, updated_at)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX agenda_items_meeting_keys');
}
