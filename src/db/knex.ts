import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';

// Return DATE columns as 'YYYY-MM-DD' strings, not JS Dates shifted by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
// bigint counts (COUNT(*), sizes) fit comfortably in a JS number here.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number.parseInt(value, 10));

export type Db = Knex;

export function createDb(connectionString: string, pool: { min?: number; max?: number } = {}): Db {
  return knexFactory({
    client: 'pg',
    connection: connectionString,
    pool: { min: pool.min ?? 0, max: pool.max ?? 10 },
  });
}

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../migrations');

export function migrationConfig(): Knex.MigratorConfig {
  return { directory: MIGRATIONS_DIR, loadExtensions: ['.ts'], tableName: 'knex_migrations' };
}

export async function migrateLatest(db: Db): Promise<void> {
  await db.migrate.latest(migrationConfig());
}

/** Runs every mutation of a request or command in one transaction: all of it lands or none does. */
export function inTransaction<T>(db: Db, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return db.transaction(work);
}

/**
 * Runs independent queries in parallel on a pool, one after another inside a
 * transaction (a transaction is one connection: parallel queries on it are queued
 * by pg with a deprecation warning).
 */
export async function concurrently<T extends readonly unknown[]>(db: Db, thunks: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  if ((db as Knex & { isTransaction?: boolean }).isTransaction) {
    const results: unknown[] = [];
    for (const thunk of thunks) results.push(await thunk());
    return results as unknown as T;
  }
  return (await Promise.all(thunks.map((thunk) => thunk()))) as unknown as T;
}
