import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import pg from 'pg';
import { listSequences, listTables, qualified, quoteIdent, SESSION_SETTINGS, type CatalogTable, type Query } from './catalog';
import { hashingTap, syncPath } from './files';
import { BackupError, type Manifest } from './manifest';

/**
 * The database half of a backup: every table of the public schema read inside one
 * REPEATABLE READ, READ ONLY transaction, so all tables come from the same instant
 * while the server goes on working. Rows are stored as NDJSON (gzip), one line per
 * row, each value in PostgreSQL's own text form (or null): exactly what COPY would
 * write, so bytea, jsonb, arrays, tsvector and timestamps read back unchanged.
 */

/** Every value as the text PostgreSQL sent, unparsed. */
const RAW_TEXT = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

const FETCH_ROWS = 500;

/** Columns that name a stored file (attachments, consultation responses …); attachment_texts only caches text per file. */
const FILE_KEY_COLUMN = /(^|_)storage_key$/;
const NOT_A_FILE_REFERENCE = new Set(['attachment_texts']);

export interface DatabaseDump {
  postgresVersion: string;
  migrations: string[];
  tables: Manifest['tables'];
  sequences: Manifest['sequences'];
  /** Storage keys the snapshot refers to: their files must be in the backup */
  referencedFileKeys: Set<string>;
}

function partName(index: number, table: string): string {
  return `db/${String(index + 1).padStart(3, '0')}-${table.replace(/[^a-zA-Z0-9_]/g, '_')}.ndjson.gz`;
}

export async function dumpDatabase(input: { url: string; dir: string; afterSnapshot?: () => Promise<void> }): Promise<DatabaseDump> {
  const client = new pg.Client({ connectionString: input.url, application_name: 'moedebog-backup' });
  await client.connect();
  try {
    for (const [name, value] of SESSION_SETTINGS) await client.query('SELECT set_config($1, $2, false)', [name, value]);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const query: Query = async (sql) => (await client.query(sql)).rows as Array<Record<string, unknown>>;
    // The first statement fixes the snapshot every later read sees.
    const [version] = await query(`SELECT current_setting('server_version') AS version`);
    await input.afterSnapshot?.();
    const tables = await listTables(query);
    if (!tables.some((t) => t.name === 'knex_migrations')) {
      throw new BackupError('Databasen har ingen tabeller fra Mødebog (ingen knex_migrations). Er det den rigtige database?');
    }
    // Keep DDL (a migration started meanwhile) away while we read; ordinary writes go on.
    await query(`LOCK TABLE ${tables.map((t) => qualified(t.name)).join(', ')} IN ACCESS SHARE MODE`);
    const migrations = (await query('SELECT name FROM public.knex_migrations ORDER BY id')).map((r) => String(r.name));
    if (migrations.length === 0) throw new BackupError('Databasen er tom: ingen migrationer er kørt. Der er intet at tage en sikkerhedskopi af.');

    const dumped: Manifest['tables'] = [];
    for (const [index, table] of tables.entries()) {
      const file = partName(index, table.name);
      const result = await dumpTable(client, table, path.join(input.dir, file));
      dumped.push({ name: table.name, file, ...result, columns: table.columns });
    }

    // Read after the tables: a sequence is not part of the snapshot, so its value is at least what any dumped row used.
    const sequences: Manifest['sequences'] = [];
    for (const name of await listSequences(query)) {
      const [row] = await query(`SELECT last_value::text AS last_value, is_called FROM ${qualified(name)}`);
      sequences.push({ name, lastValue: String(row?.last_value), isCalled: row?.is_called === true });
    }

    const referencedFileKeys = new Set<string>();
    for (const table of tables) {
      if (NOT_A_FILE_REFERENCE.has(table.name)) continue;
      for (const column of table.columns.filter((c) => FILE_KEY_COLUMN.test(c.name))) {
        const rows = await query(`SELECT DISTINCT ${quoteIdent(column.name)}::text AS key FROM ${qualified(table.name)} WHERE ${quoteIdent(column.name)} IS NOT NULL`);
        for (const r of rows) referencedFileKeys.add(String(r.key));
      }
    }
    await query('COMMIT');
    return { postgresVersion: String(version?.version), migrations, tables: dumped, sequences, referencedFileKeys };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function dumpTable(client: pg.Client, table: CatalogTable, file: string): Promise<{ rows: number; bytes: number; sha256: string }> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const gzip = zlib.createGzip();
  const tap = hashingTap();
  const written = pipeline(gzip, tap, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  let rows = 0;
  try {
    const columns = table.columns.map((c) => quoteIdent(c.name)).join(', ');
    const order = table.primaryKey.length > 0 ? ` ORDER BY ${table.primaryKey.map(quoteIdent).join(', ')}` : '';
    await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT ${columns} FROM ${qualified(table.name)}${order}`);
    for (;;) {
      const result = await client.query({ text: `FETCH FORWARD ${FETCH_ROWS} FROM backup_rows`, rowMode: 'array', types: RAW_TEXT });
      if (result.rows.length === 0) break;
      let chunk = '';
      for (const row of result.rows as unknown[][]) chunk += `${JSON.stringify(row)}\n`;
      rows += result.rows.length;
      if (!gzip.write(chunk)) await once(gzip, 'drain');
    }
    await client.query('CLOSE backup_rows');
    gzip.end();
    await written;
  } catch (error) {
    gzip.destroy(error as Error);
    await written.catch(() => undefined);
    throw error;
  }
  await syncPath(file);
  return { rows, ...tap.result() };
}
