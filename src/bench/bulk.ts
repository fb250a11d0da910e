import type { Knex } from 'knex';
import type pg from 'pg';

/**
 * Bulk writing for the bench generator: rows go to the database with COPY … FROM
 * STDIN (text format), the way pg_restore loads a table, on a connection taken from
 * the knex pool. Ids are reserved from the tables' own sequences beforehand, so rows
 * that refer to each other can be written without reading anything back.
 */

export type Connection = pg.Client;

/** Runs `work` on `count` connections of the pool (raw node-postgres clients), returned to the pool afterwards. */
export async function withConnections<T>(db: Knex, count: number, work: (connections: Connection[]) => Promise<T>): Promise<T> {
  const connections: Connection[] = [];
  try {
    for (let i = 0; i < count; i++) connections.push((await db.client.acquireConnection()) as Connection);
    return await work(connections);
  } finally {
    for (const connection of connections) await db.client.releaseConnection(connection);
  }
}

export async function query<R extends object = Record<string, unknown>>(connection: Connection, sql: string, values?: unknown[]): Promise<R[]> {
  return (await connection.query<R>(sql, values)).rows;
}

/** A value already in PostgreSQL's text form for its column (a tsvector, an array literal). */
export class Literal {
  constructor(readonly text: string) {}
}

/** A text[] literal. */
export function textArray(values: readonly string[]): Literal {
  return new Literal(`{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`);
}

const NEEDS_ESCAPE = /[\\\n\r\t]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const escapeText = (text: string) => (NEEDS_ESCAPE.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c] as string) : text);

/** One value in COPY's text format. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a number for COPY: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Literal) return escapeText(value.text);
  return escapeText(JSON.stringify(value)); // json, jsonb
}

const CHUNK = 1 << 20;

/**
 * COPY table (columns) FROM STDIN with the rows (values in the order of `columns`).
 * Defaults apply to the columns left out; triggers fire as for INSERT (none under
 * session_replication_role = replica).
 */
export function copyRows(connection: Connection, table: string, columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>): Promise<void> {
  if (rows.length === 0) return Promise.resolve();
  const chunks: Buffer[] = [];
  let text = '';
  for (const row of rows) {
    if (row.length !== columns.length) throw new Error(`${table}: ${row.length} values for ${columns.length} columns`);
    text += `${row.map(copyValue).join('\t')}\n`;
    if (text.length >= CHUNK) {
      chunks.push(Buffer.from(text, 'utf8'));
      text = '';
    }
  }
  if (text) chunks.push(Buffer.from(text, 'utf8'));
  const statement = `COPY ${quote(table)} (${columns.map(quote).join(', ')}) FROM STDIN`;
  return new Promise<void>((resolve, reject) => {
    connection.query(new CopyIn(statement, chunks, (error) => (error ? reject(error) : resolve())) as unknown as pg.QueryConfig);
  });
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** A query object for node-postgres (a "submittable") that answers the server's CopyInResponse with the data. */
class CopyIn {
  private error: Error | undefined;

  constructor(
    readonly text: string,
    private readonly chunks: Buffer[],
    private readonly done: (error?: Error) => void,
  ) {}

  submit(connection: { query(text: string): void }): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: { sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void }): void {
    for (const chunk of this.chunks) connection.sendCopyFromChunk(chunk);
    connection.endCopyFrom();
  }

  handleError(error: Error): void {
    this.error = error;
  }

  handleReadyForQuery(): void {
    this.done(this.error);
  }

  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** `count` new ids from each table's own sequence, in order: rows written with them are as if the database had numbered them. */
export async function reserveIds<K extends string>(connection: Connection, counts: Record<K, { table: string; count: number }>): Promise<Record<K, number[]>> {
  const keys = Object.keys(counts) as K[];
  if (keys.length === 0) return {} as Record<K, number[]>;
  const columns = keys.map((k, i) => `ARRAY(SELECT nextval(pg_get_serial_sequence($${2 * i + 1}, 'id'))::int FROM generate_series(1, $${2 * i + 2}::int)) AS "${k}"`);
  const values = keys.flatMap((k) => [counts[k].table, counts[k].count]);
  const [row] = await query<Record<K, number[]>>(connection, `SELECT ${columns.join(', ')}`, values);
  return row as Record<K, number[]>;
}
