import type { Knex } from 'knex';

/**
 * Trigram matching (pg_trgm ships with PostgreSQL and is a trusted extension):
 * the public search falls back to it for misspelled words.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP EXTENSION IF EXISTS pg_trgm');
}
