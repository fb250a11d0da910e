import type { Knex } from 'knex';

/**
 * Drafting: a version per item for optimistic locking, the supplementary-agenda
 * flag, the meeting's publication time and version, and confirmation of budget
 * tables whose numbers disagree with their formulas.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('agenda_items', (t) => {
    t.integer('version').notNullable().defaultTo(1);
    t.boolean('supplementary').notNullable().defaultTo(false);
  });
  await knex.schema.alterTable('meetings', (t) => {
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('agenda_published_at', { useTz: true });
  });
  await knex.schema.alterTable('budget_tables', (t) => {
    t.text('confirmed_definition_hash');
    t.integer('confirmed_by_user_id').references('users.id').onDelete('SET NULL');
    t.timestamp('confirmed_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('budget_tables', (t) => {
    t.dropColumn('confirmed_at');
    t.dropColumn('confirmed_by_user_id');
    t.dropColumn('confirmed_definition_hash');
  });
  await knex.schema.alterTable('meetings', (t) => {
    t.dropColumn('agenda_published_at');
    t.dropColumn('version');
  });
  await knex.schema.alterTable('agenda_items', (t) => {
    t.dropColumn('supplementary');
    t.dropColumn('version');
  });
}
