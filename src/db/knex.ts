import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';

// Return DATE columns as 'YYYY-MM-DD' strings, not JS Dates shifted by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
// bigint counts (COUNT(*), sizes) fit comfortably in a JS number here.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number.parseInt(value, 10));

export type Db = Knex;

/** What each pool was made with: knex keeps it parsed, its password out of sight */
const connectionStrings = new WeakMap<Db, string>();

export function createDb(connectionString: string, pool: { min?: number; max?: number } = {}): Db {
  const db = knexFactory({
    client: 'pg',
    connection: connectionString,
    pool: { min: pool.min ?? 0, max: pool.max ?? 10 },
  });
  connectionStrings.set(db, connectionString);
  return db;
}

/** The connection string a pool was made with (createDb): a worker thread opens a pool of its own with it. */
export function connectionStringOf(db: Db): string {
  const connectionString = connectionStrings.get(db);
  if (connectionString === undefined) throw new Error('Databasen blev ikke åbnet med createDb');
  return connectionString;
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

/** A query for manyColumns and manyRows: the `fields`, expressions over `from` (after the CTEs of `with`), in the order of `orderBy`. */
export interface ManyRowsQuery<N extends string> {
  with?: string;
  fields: ReadonlyArray<readonly [name: N, expression: string]>;
  from: string;
  orderBy: string;
}

/**
 * Rows of a few columns, tens of thousands of them (a publish's keys), as one JSON array per column, read in
 * one row: node-postgres parses a row at a time into an object, about half again as much work (53,000 pairs:
 * 62 ms against 88 ms; a JSON object per row is slower still, 110 ms).
 */
export async function manyColumns<N extends string>(db: Db, query: ManyRowsQuery<N>, bindings: readonly unknown[] = []): Promise<Record<N, unknown[]>> {
  // Every aggregate has the same ORDER BY, so PostgreSQL sorts the rows once for all of them.
  const columns = query.fields.map(([, expression], i) => `coalesce(json_agg(${expression} ORDER BY ${query.orderBy}), '[]') AS c${i}`).join(', ');
  const result = await db.raw<{ rows: Array<Record<string, unknown[]>> }>(`${query.with ?? ''} SELECT ${columns} FROM ${query.from}`, bindings as unknown[]);
  const row = result.rows[0] ?? {};
  return Object.fromEntries(query.fields.map(([name], i) => [name, row[`c${i}`] ?? []])) as Record<N, unknown[]>;
}

/**
 * A subquery giving the rows of `from` as one JSON array of objects (name → expression), in `orderBy`'s order:
 * several of them in one SELECT read several small sets in one round trip (src/modules/items/repository.ts).
 * For tens of thousands of rows, manyColumns parses faster.
 */
export function jsonRows(columns: Record<string, string>, from: string, orderBy: string): string {
  const fields = Object.entries(columns).map(([name, expression]) => `'${name}', ${expression}`);
  return `(SELECT coalesce(json_agg(json_build_object(${fields.join(', ')}) ORDER BY ${orderBy}), '[]') FROM ${from})`;
}

/** manyColumns, as objects. */
export async function manyRows<T extends Record<string, unknown>>(db: Db, query: ManyRowsQuery<keyof T & string>, bindings: readonly unknown[] = []): Promise<T[]> {
  const columns = await manyColumns(db, query, bindings);
  const names = query.fields.map(([name]) => name);
  const count = names.length === 0 ? 0 : columns[names[0] as keyof T & string].length;
  const objects: T[] = new Array(count);
  for (let k = 0; k < count; k++) {
    const object: Record<string, unknown> = {};
    for (const name of names) object[name] = columns[name][k];
    objects[k] = object as T;
  }
  return objects;
}
