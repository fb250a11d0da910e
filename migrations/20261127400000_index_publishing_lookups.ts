import type { Knex } from 'knex';

/**
 * Lookups the static publisher makes over every meeting, which were scans:
 * - an amendment's votes, by amendment (the OParl motions list each amendment's vote events): every vote
 *   scanned for every amendment, a second for 5,000 amendments;
 * - postponed items (a meeting's stamp covers the meeting an item was postponed from or to): two scans of
 *   every item to find the few that were postponed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX votes_amendment_id ON votes (amendment_id) WHERE amendment_id IS NOT NULL');
  await knex.raw('CREATE INDEX agenda_items_postponed_from ON agenda_items (postponed_from_item_id) WHERE postponed_from_item_id IS NOT NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX agenda_items_postponed_from');
  await knex.raw('DROP INDEX votes_amendment_id');
}
