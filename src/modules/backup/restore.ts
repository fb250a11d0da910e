import crypto from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import type { Knex } from 'knex';
import { createDb, MIGRATIONS_DIR, migrationConfig } from '../../db/knex';
import { backupFolderName } from './backup';
import { dependencyOrder, listSequences, listTables, qualified, quoteIdent, SESSION_SETTINGS, type CatalogTable, type Query } from './catalog';
import { copyHashed, hashFile, hashingTap, listFiles, syncPath } from './files';
import { BackupError, MANIFEST_FILE, readManifest, type Manifest, type ManifestTable } from './manifest';

/**
 * `npm run restore`: checks every part of a backup against its manifest before
 * touching anything, then, in one transaction, migrates the (empty or emptied)
 * database to the backup's own schema version and loads every table's stored rows
 * with triggers off (session_replication_role = replica): the rows come back
 * exactly as they were, approved minutes are not "changed" in the lock triggers'
 * eyes and the search tables are not derived again. The files are copied to a
 * staging folder first and swapped in only after the database has committed.
 */

/** Stay well under PostgreSQL's 65,535 parameters per statement, and keep one statement's size modest. */
const MAX_PARAMETERS = 30_000;
const MAX_BATCH_CHARS = 8 * 1024 * 1024;

/** Schemas a Mødebog database consists of: ours (migrations) and pg-boss's job queue (made at server start). */
const OWN_SCHEMAS = ['public', 'pgboss'];

export interface RestoreInput {
  /** From checkBackup, done before the database was even opened */
  checked: CheckedBackup;
  url: string;
  /** DATA_DIR/files: replaced by the backup's files */
  filesDir: string;
  /** Empty a database that is not empty first (everything in it is lost) */
  force: boolean;
  now: Date;
}

export interface RestoreResult {
  manifest: Manifest;
  rows: number;
  /** Where the files folder that was there before went (kept, not deleted), if it had anything in it */
  previousFilesDir: string | null;
  newerMigrations: string[];
  /** False when the database user may not set session_replication_role: user triggers were disabled per table instead */
  replicaMode: boolean;
}

function partFile(backupDir: string, relative: string): string {
  return path.join(backupDir, ...relative.split('/'));
}

/**
 * Every part named in the manifest has the size and SHA-256 the manifest gives, and
 * the folder holds nothing else. Throws a BackupError listing what does not match.
 */
export async function verifyBackup(backupDir: string, manifest: Manifest): Promise<void> {
  const problems: string[] = [];
  const parts = [...manifest.tables.map((t) => ({ path: t.file, bytes: t.bytes, sha256: t.sha256 })), ...manifest.files];
  for (const part of parts) {
    let actual;
    try {
      actual = await hashFile(partFile(backupDir, part.path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      problems.push(`${part.path} mangler`);
      continue;
    }
    if (actual.bytes !== part.bytes || actual.sha256 !== part.sha256) problems.push(`${part.path} er ændret (SHA-256 passer ikke med ${MANIFEST_FILE})`);
  }
  const listed = new Set([MANIFEST_FILE, ...parts.map((p) => p.path)]);
  for (const found of await listFiles(backupDir, (odd) => problems.push(`${odd} hører ikke til sikkerhedskopien`))) {
    if (!listed.has(found)) problems.push(`${found} står ikke i ${MANIFEST_FILE}`);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).map((p) => `  - ${p}`);
    if (problems.length > 10) shown.push(`  - … og ${problems.length - 10} mere`);
    throw new BackupError(`Sikkerhedskopien i ${backupDir} er ændret eller beskadiget og bliver ikke gendannet. Intet er ændret.\n${shown.join('\n')}`);
  }
}

/** The migrations in this version of Mødebog, in the order knex runs them. */
async function codeMigrations(): Promise<string[]> {
  return (await fs.readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.ts')).sort();
}

/**
 * Other clients of the database (a running server, a command): a restore under their
 * feet would mix two worlds. A connection that was just closed can linger for a moment.
 */
async function otherClients(db: Knex): Promise<number> {
  for (let waited = 0; ; waited += 100) {
    const rows = (await db.raw(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
    )) as { rows: Array<{ n: number }> };
    const others = rows.rows[0]?.n ?? 0;
    if (others === 0 || waited >= 2000) return others;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What makes the database not empty: relations in our schemas, or pg-boss's schema. */
async function existingContent(db: Knex): Promise<{ relations: number; schemas: string[] }> {
  const relations = (await db.raw(
    "SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v', 'm', 'f')",
  )) as { rows: Array<{ n: number }> };
  const schemas = (await db.raw('SELECT nspname FROM pg_namespace WHERE nspname = ANY(?) AND nspname <> ?', [OWN_SCHEMAS, 'public'])) as { rows: Array<{ nspname: string }> };
  return { relations: relations.rows[0]?.n ?? 0, schemas: schemas.rows.map((r) => r.nspname) };
}

export interface CheckedBackup {
  dir: string;
  manifest: Manifest;
  /** Migrations this version of Mødebog has that the backup predates: the server runs them at its next start */
  newerMigrations: string[];
}

/**
 * Everything that can be checked without a database: the manifest, every part's
 * hash, and that this version of Mødebog knows the backup's migrations.
 */
export async function checkBackup(backupDir: string): Promise<CheckedBackup> {
  const dir = path.resolve(backupDir);
  const manifest = await readManifest(dir);
  await verifyBackup(dir, manifest);
  const known = new Set(await codeMigrations());
  const unknown = manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    throw new BackupError(
      `Sikkerhedskopien er fra en nyere version af Mødebog: migrationen ${unknown[0]}${unknown.length > 1 ? ` (og ${unknown.length - 1} flere)` : ''} findes ikke her. Opdater Mødebog, og gendan derefter. Intet er ændret.`,
    );
  }
  return { dir, manifest, newerMigrations: [...known].filter((m) => !manifest.migrations.includes(m)) };
}

export async function restoreBackup(input: RestoreInput): Promise<RestoreResult> {
  const { dir: backupDir, manifest, newerMigrations } = input.checked;
  // One connection: every statement runs on it, in order, and it is the only client we hold.
  const db = createDb(input.url, { max: 1 });
  const filesDir = path.resolve(input.filesDir);
  const staging = path.join(path.dirname(filesDir), `.files-gendannelse-${crypto.randomBytes(4).toString('hex')}`);
  let committed = false;
  try {
    const others = await otherClients(db);
    if (others > 0) {
      throw new BackupError(
        `Der er ${others} andre forbindelser til databasen (fx en kørende Mødebog-server). Stop serveren og andre kommandoer, og kør gendannelsen igen. Intet er ændret.`,
      );
    }
    const content = await existingContent(db);
    if ((content.relations > 0 || content.schemas.length > 0) && !input.force) {
      throw new BackupError(
        'Databasen er ikke tom, og gendannelse sker kun i en tom database. Tilføj --force for at tømme den først: alt, hvad der er i den nu, bliver slettet. Intet er ændret.',
      );
    }

    await stageFiles(backupDir, manifest, staging);
    const { rows, replicaMode } = await db.transaction(async (trx) => {
      if (input.force) await emptyDatabase(trx);
      // The backup's own schema version: its migrations, in the order it ran them (all of them at once when that is simply "all").
      if (newerMigrations.length === 0 && manifest.migrations.join('\n') === [...manifest.migrations].sort().join('\n')) {
        await trx.migrate.latest(migrationConfig());
      } else {
        for (const name of manifest.migrations) await trx.migrate.up({ ...migrationConfig(), name });
      }
      return loadTables(trx, backupDir, manifest);
    });
    committed = true;
    let previousFilesDir: string | null;
    try {
      previousFilesDir = await swapFilesFolder(staging, filesDir, input.now);
    } catch (error) {
      throw new BackupError(
        `Databasen er gendannet, men filerne kunne ikke flyttes på plads (${(error as Error).message}). De gendannede filer ligger i ${staging}: flyt mappen til ${filesDir}, før serveren startes.`,
        { cause: error },
      );
    }
    return { manifest, rows, previousFilesDir, newerMigrations, replicaMode };
  } finally {
    if (!committed) await fs.rm(staging, { recursive: true, force: true });
    await db.destroy();
  }
}

/** Drops everything of ours: the public schema (made again, owned as before) and pg-boss's queue. */
async function emptyDatabase(trx: Knex.Transaction): Promise<void> {
  const owner = (await trx.raw("SELECT nspowner::regrole::text AS owner FROM pg_namespace WHERE nspname = 'public'")) as { rows: Array<{ owner: string }> };
  for (const schema of OWN_SCHEMAS) await trx.raw(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  const ownerName = owner.rows[0]?.owner;
  await trx.raw(`CREATE SCHEMA public${ownerName ? ` AUTHORIZATION ${ownerName}` : ''}`);
  await trx.raw('GRANT USAGE ON SCHEMA public TO PUBLIC');
}

/** After the migrations: the schema must have exactly the backup's tables, columns and sequences. */
function compareSchema(target: CatalogTable[], sequences: string[], manifest: Manifest): void {
  const problems: string[] = [];
  const byName = new Map(target.map((t) => [t.name, t]));
  for (const table of manifest.tables) {
    const here = byName.get(table.name);
    if (!here) {
      problems.push(`tabellen ${table.name} findes ikke efter migrationerne`);
      continue;
    }
    const expected = table.columns.map((c) => c.name).sort();
    const actual = here.columns.map((c) => c.name).sort();
    if (expected.join(',') !== actual.join(',')) problems.push(`tabellen ${table.name} har kolonnerne (${actual.join(', ')}), sikkerhedskopien (${expected.join(', ')})`);
  }
  const inBackup = new Set(manifest.tables.map((t) => t.name));
  for (const table of target) if (!inBackup.has(table.name)) problems.push(`tabellen ${table.name} er ikke med i sikkerhedskopien`);
  const backupSequences = manifest.sequences.map((s) => s.name).sort().join(',');
  if ([...sequences].sort().join(',') !== backupSequences) problems.push('sekvenserne passer ikke med sikkerhedskopiens');
  if (problems.length > 0) {
    throw new BackupError(`Databasens skema passer ikke med sikkerhedskopien efter migrationerne, så den gendannes ikke. Intet er ændret.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Loads every table and sequence of the backup into the migrated, still uncommitted schema. */
export async function loadTables(trx: Knex.Transaction, backupDir: string, manifest: Manifest): Promise<{ rows: number; replicaMode: boolean }> {
  for (const [name, value] of SESSION_SETTINGS) await trx.raw('SELECT set_config(?, ?, true)', [name, value]);
  const query: Query = async (sql) => ((await trx.raw(sql)) as { rows: Array<Record<string, unknown>> }).rows;
  const target = await listTables(query);
  compareSchema(target, await listSequences(query), manifest);

  // Triggers off, foreign keys included: rows go in as stored. Only a superuser (or a
  // role granted SET on it) may do this; others get their own triggers disabled per table.
  let replicaMode = true;
  try {
    await trx.transaction((savepoint) => savepoint.raw('SET LOCAL session_replication_role = replica'));
  } catch {
    replicaMode = false;
  }
  // Off before the TRUNCATE too: some tables log even a TRUNCATE (content_changes).
  if (!replicaMode) for (const t of target) await trx.raw(`ALTER TABLE ${qualified(t.name)} DISABLE TRIGGER USER`);
  // What the migrations themselves inserted (knex_migrations, a first content_changes row …) makes way for the stored rows.
  if (target.length > 0) await trx.raw(`TRUNCATE ${target.map((t) => qualified(t.name)).join(', ')}`);

  const entries = new Map(manifest.tables.map((t) => [t.name, t]));
  const byName = new Map(target.map((t) => [t.name, t]));
  let rows = 0;
  for (const name of await dependencyOrder(query, target.map((t) => t.name))) {
    rows += await loadTable(trx, byName.get(name) as CatalogTable, entries.get(name) as ManifestTable, partFile(backupDir, (entries.get(name) as ManifestTable).file));
  }

  if (!replicaMode) for (const t of target) await trx.raw(`ALTER TABLE ${qualified(t.name)} ENABLE TRIGGER USER`);
  for (const s of manifest.sequences) await trx.raw('SELECT setval(?::regclass, ?::bigint, ?)', [qualified(s.name), s.lastValue, s.isCalled]);
  // A backup taken while a migration held knex's lock must not leave the restored database locked.
  if (byName.has('knex_migrations_lock')) await trx.raw('UPDATE public.knex_migrations_lock SET is_locked = 0 WHERE is_locked <> 0');

  for (const table of manifest.tables) {
    const counted = (await trx.raw(`SELECT count(*)::int AS n FROM ${qualified(table.name)}`)) as { rows: Array<{ n: number }> };
    if (counted.rows[0]?.n !== table.rows) throw new BackupError(`Tabellen ${table.name} fik ${counted.rows[0]?.n} rækker, sikkerhedskopien har ${table.rows}. Intet er ændret.`);
  }
  return { rows, replicaMode };
}

/** Loads one table's NDJSON, checking the file's hash and row count again as it is read. */
async function loadTable(trx: Knex.Transaction, table: CatalogTable, entry: ManifestTable, file: string): Promise<number> {
  const columns = entry.columns.map((c) => c.name);
  const head =
    columns.length === 0
      ? ''
      : `INSERT INTO ${qualified(table.name)} (${columns.map(quoteIdent).join(', ')})${table.identityAlways ? ' OVERRIDING SYSTEM VALUE' : ''} VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const maxRows = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length)));
  let values: Array<string | null> = [];
  let batchRows = 0;
  let batchChars = 0;
  let rows = 0;

  const flush = async () => {
    if (batchRows === 0) return;
    try {
      if (columns.length === 0) {
        for (let i = 0; i < batchRows; i++) await trx.raw(`INSERT INTO ${qualified(table.name)} DEFAULT VALUES`);
      } else {
        await trx.raw(head + Array.from({ length: batchRows }, () => tuple).join(', '), values);
      }
    } catch (error) {
      // knex puts the whole statement (thousands of placeholders) in front of PostgreSQL's message.
      const message = (error as Error).message;
      const reason = message.startsWith('INSERT INTO') ? message.slice(message.lastIndexOf(' - ') + 3) : message;
      throw new BackupError(`Tabellen ${table.name} kunne ikke indlæses (${reason}). Intet er ændret.`, { cause: error });
    }
    values = [];
    batchRows = 0;
    batchChars = 0;
  };
  const corrupt = (why: string) => new BackupError(`${entry.file} i sikkerhedskopien kan ikke læses (${why}). Intet er ændret.`);
  const takeLine = async (line: string) => {
    if (line === '') return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw corrupt(`linje ${rows + 1} er ikke gyldig JSON`);
    }
    if (!Array.isArray(row) || row.length !== columns.length || !row.every((v) => v === null || typeof v === 'string')) {
      throw corrupt(`linje ${rows + 1} har ikke de ${columns.length} værdier, tabellen ${table.name} skal have`);
    }
    for (const v of row as Array<string | null>) {
      values.push(v);
      batchChars += v === null ? 4 : v.length;
    }
    batchRows++;
    rows++;
    if (batchRows >= maxRows || batchChars >= MAX_BATCH_CHARS) await flush();
  };

  const tap = hashingTap();
  try {
    await pipeline(createReadStream(file), tap, zlib.createGunzip(), async (source: AsyncIterable<Buffer>) => {
      const decoder = new StringDecoder('utf8');
      let rest = '';
      for await (const chunk of source) {
        const lines = (rest + decoder.write(chunk)).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) await takeLine(line);
      }
      await takeLine(rest + decoder.end());
    });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    if ((error as { code?: string }).code?.startsWith('Z_')) throw corrupt('gzip-data er ugyldige');
    throw error;
  }
  await flush();
  const read = tap.result();
  if (read.sha256 !== entry.sha256) throw corrupt('filen blev ændret under gendannelsen');
  if (rows !== entry.rows) throw corrupt(`${rows} rækker, ${MANIFEST_FILE} siger ${entry.rows}`);
  return rows;
}

/** Copies the backup's files to a staging folder beside DATA_DIR/files, checking each one's hash. */
async function stageFiles(backupDir: string, manifest: Manifest, staging: string): Promise<void> {
  await fs.mkdir(staging, { recursive: true, mode: 0o750 });
  const folders = new Set<string>([staging]);
  for (const file of manifest.files) {
    const relative = file.path.slice('files/'.length);
    const target = path.join(staging, ...relative.split('/'));
    const copied = await copyHashed(partFile(backupDir, file.path), target);
    if (copied.sha256 !== file.sha256 || copied.bytes !== file.bytes) {
      throw new BackupError(`${file.path} i sikkerhedskopien blev ændret under gendannelsen. Intet er ændret.`);
    }
    folders.add(path.dirname(target));
  }
  for (const folder of folders) await syncPath(folder);
}

/** The restored files take DATA_DIR/files's place; a non-empty earlier folder is kept under a dated name. */
async function swapFilesFolder(staging: string, filesDir: string, now: Date): Promise<string | null> {
  let previous: string | null = null;
  const entries = await fs.readdir(filesDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (entries !== null && entries.length > 0) {
    previous = `${filesDir}-foer-gendannelse-${backupFolderName(now).slice('backup-'.length)}`;
    for (let n = 2; await fs.access(previous).then(() => true, () => false); n++) previous = `${filesDir}-foer-gendannelse-${backupFolderName(now).slice('backup-'.length)}-${n}`;
    await fs.rename(filesDir, previous);
  } else if (entries !== null) {
    await fs.rmdir(filesDir);
  }
  await fs.rename(staging, filesDir);
  await syncPath(path.dirname(filesDir));
  return previous;
}
