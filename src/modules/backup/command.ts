import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../../config';
import { formatDate, formatNumber, formatTime } from '../../i18n/format';
import { createBackup } from './backup';
import { connectWithoutMigrating } from './connection';
import { BackupError } from './manifest';
import { checkBackup, restoreBackup } from './restore';

/**
 * The two commands; scripts/backup.ts and scripts/restore.ts only wire up the
 * process. Each returns the exit code: 0 done, 1 refused or failed, 2 wrong use.
 */

export interface CommandIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  say: (line: string) => void;
  fail: (line: string) => void;
}

export const BACKUP_USAGE = `Brug: npm run backup -- [--out <mappe>]

  --out   mappen, sikkerhedskopien lægges i (standard: DATA_DIR/backups). Der laves en ny
          mappe backup-ÅÅÅÅMMDD-TTMMSS med databasen og de uploadede filer.`;

export const RESTORE_USAGE = `Brug: npm run restore -- <sikkerhedskopi> [--force] [--kontroller]

  <sikkerhedskopi>  mappen backup-ÅÅÅÅMMDD-TTMMSS, som npm run backup lavede
  --force           tøm databasen først, hvis den ikke er tom (alt i den slettes)
  --kontroller      kontrollér kun sikkerhedskopien (alle dele mod manifest.json); intet ændres`;

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} kB`;
  return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
}

function when(iso: string): string {
  const date = new Date(iso);
  return `${formatDate(date)} kl. ${formatTime(date)}`;
}

function seconds(started: number): string {
  return `${formatNumber((Date.now() - started) / 1000, 1)} s`;
}

function loadConfigOrFail(io: CommandIo): Config | null {
  try {
    return loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.fail(`Opsætningen er ugyldig: ${error.message}`);
      return null;
    }
    throw error;
  }
}

/** `npm run backup -- [--out <dir>]`: works while the server runs (it reads one consistent snapshot). */
export async function runBackup(io: CommandIo): Promise<number> {
  let out: string | undefined;
  try {
    ({ out } = parseArgs({ args: io.argv, options: { out: { type: 'string' } }, strict: true, allowPositionals: false }).values);
  } catch (error) {
    io.fail(`Kommandoen kunne ikke forstås (${(error as Error).message}).\n\n${BACKUP_USAGE}`);
    return 2;
  }
  const config = loadConfigOrFail(io);
  if (!config) return 1;
  const debug = (m: string) => config.logLevel === 'debug' && io.fail(m);
  const started = Date.now();
  try {
    const connection = await connectWithoutMigrating(config, { create: false, log: debug });
    try {
      const result = await createBackup({
        url: connection.url,
        filesDir: path.join(config.dataDir, 'files'),
        outDir: out ?? path.join(config.dataDir, 'backups'),
        now: new Date(),
        warn: io.fail,
      });
      const rows = result.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      io.say(`Sikkerhedskopien er gemt i ${result.dir}`);
      io.say(
        `  ${formatNumber(result.manifest.tables.length)} tabeller med ${formatNumber(rows)} rækker, ${formatNumber(result.manifest.files.length)} filer, ` +
          `${formatBytes(result.bytes)} i alt, på ${seconds(started)}.`,
      );
      io.say('  Kopiér mappen til et andet drev eller en anden maskine: en sikkerhedskopi på samme disk som data hjælper ikke, hvis disken går tabt.');
      return 0;
    } finally {
      await connection.close();
    }
  } catch (error) {
    if (error instanceof BackupError) {
      io.fail(`Sikkerhedskopien blev ikke lavet: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** `npm run restore -- <backup> [--force] [--kontroller]` */
export async function runRestore(io: CommandIo): Promise<number> {
  let values: { force?: boolean; kontroller?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: io.argv,
      options: { force: { type: 'boolean' }, kontroller: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    io.fail(`Kommandoen kunne ikke forstås (${(error as Error).message}).\n\n${RESTORE_USAGE}`);
    return 2;
  }
  if (positionals.length !== 1) {
    io.fail(`Angiv præcis én sikkerhedskopi (mappen backup-…).\n\n${RESTORE_USAGE}`);
    return 2;
  }
  const config = loadConfigOrFail(io);
  if (!config) return 1;
  const debug = (m: string) => config.logLevel === 'debug' && io.fail(m);
  const started = Date.now();
  try {
    // Before anything is opened or started: a damaged or altered backup changes nothing.
    const checked = await checkBackup(positionals[0] as string);
    const rows = checked.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    if (values.kontroller) {
      io.say(
        `Sikkerhedskopien i ${checked.dir} er i orden: ${formatNumber(checked.manifest.tables.length)} tabeller med ${formatNumber(rows)} rækker og ` +
          `${formatNumber(checked.manifest.files.length)} filer passer med manifest.json (lavet ${when(checked.manifest.createdAt)}).`,
      );
      return 0;
    }
    const connection = await connectWithoutMigrating(config, { create: true, log: debug });
    try {
      if (connection.attachedToRunningServer) {
        throw new BackupError(
          `Mødebog-serveren kører på databasen i ${path.join(config.dataDir, 'postgres')}. Stop serveren (Ctrl-C eller SIGTERM), og kør gendannelsen igen. Intet er ændret.`,
        );
      }
      const result = await restoreBackup({ checked, url: connection.url, filesDir: path.join(config.dataDir, 'files'), force: Boolean(values.force), now: new Date() });
      io.say(`Sikkerhedskopien fra ${when(checked.manifest.createdAt)} er gendannet på ${seconds(started)}:`);
      io.say(`  ${formatNumber(result.manifest.tables.length)} tabeller med ${formatNumber(result.rows)} rækker og ${formatNumber(result.manifest.files.length)} filer.`);
      if (!result.replicaMode) io.say('  Databasebrugeren må ikke sætte session_replication_role; triggerne blev i stedet slået fra tabel for tabel under indlæsningen.');
      if (result.previousFilesDir) io.say(`  Den tidligere filmappe er gemt som ${result.previousFilesDir}. Slet den, når du ikke længere har brug for den.`);
      if (result.manifest.missingFiles.length > 0) {
        io.say(`  Bemærk: ${formatNumber(result.manifest.missingFiles.length)} fil(er) manglede allerede, da sikkerhedskopien blev lavet, og mangler stadig.`);
      }
      if (result.newerMigrations.length > 0) {
        io.say(`  Sikkerhedskopien er fra en ældre version: serveren kører de ${formatNumber(result.newerMigrations.length)} nyere migrationer, næste gang den starter.`);
      }
      return 0;
    } finally {
      await connection.close();
    }
  } catch (error) {
    if (error instanceof BackupError) {
      io.fail(`Gendannelsen blev ikke gennemført: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
