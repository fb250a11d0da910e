import type { Knex } from 'knex';

/**
 * pg_prewarm (ships with PostgreSQL) reads a relation into PostgreSQL's cache: the
 * server uses it after a start to load the search index (src/modules/search/warm.ts).
 * It is not a trusted extension: a database user who may not create it (an outside
 * DATABASE_URL) goes without, and the search reads the index from disk at first.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    DO $$
    BEGIN
      CREATE EXTENSION IF NOT EXISTS pg_prewarm;
    EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
      RAISE NOTICE 'pg_prewarm is not available: %', SQLERRM;
    END $$`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP EXTENSION IF EXISTS pg_prewarm');
}
