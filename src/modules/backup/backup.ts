import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { TIME_ZONE } from '../../i18n/format';
import { dumpDatabase } from './dump';
import { copyHashed, listFiles, syncPath } from './files';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, MANIFEST_FILE, type Manifest } from './manifest';

/**
 * `npm run backup`: one folder `backup-YYYYMMDD-HHMMSS/` holding manifest.json,
 * db/<nnn>-<table>.ndjson.gz and files/ (a copy of DATA_DIR/files). It is written
 * under a hidden temporary name and renamed when complete, so a folder with the
 * real name is always a whole backup.
 */

export interface BackupInput {
  url: string;
  /** DATA_DIR/files */
  filesDir: string;
  /** The folder the backup folder is made in */
  outDir: string;
  now: Date;
  warn: (message: string) => void;
  /** Tests: runs once the database snapshot is fixed, before any table is read */
  afterSnapshot?: () => Promise<void>;
}

export interface BackupResult {
  dir: string;
  manifest: Manifest;
  /** Size of the backup folder */
  bytes: number;
}

export function backupFolderName(now: Date): string {
  return `backup-${format(now, 'yyyyMMdd-HHmmss', { in: tz(TIME_ZONE) })}`;
}

async function exists(target: string): Promise<boolean> {
  return fs
    .access(target)
    .then(() => true)
    .catch(() => false);
}

export async function createBackup(input: BackupInput): Promise<BackupResult> {
  const outDir = path.resolve(input.outDir);
  const filesDir = path.resolve(input.filesDir);
  if (outDir === filesDir || outDir.startsWith(`${filesDir}${path.sep}`)) {
    throw new BackupError(`Sikkerhedskopien kan ikke lægges i ${outDir}, som er en del af filmappen ${filesDir}. Vælg en anden mappe med --out.`);
  }
  await fs.mkdir(outDir, { recursive: true });
  const name = backupFolderName(input.now);
  const temp = path.join(outDir, `.${name}.ufaerdig-${crypto.randomBytes(4).toString('hex')}`);
  try {
    // A file deleted between the snapshot and the copy is caught by a second try:
    // the new snapshot no longer refers to it. What is still missing then was missing before.
    for (let attempt = 1; ; attempt++) {
      await fs.rm(temp, { recursive: true, force: true });
      await fs.mkdir(temp, { mode: 0o700 });
      const dump = await dumpDatabase({ url: input.url, dir: temp, afterSnapshot: attempt === 1 ? input.afterSnapshot : undefined });
      const files = await copyFiles(filesDir, temp, input.warn);
      const present = new Set(files.map((f) => path.posix.basename(f.path)));
      const missingFiles = [...dump.referencedFileKeys].filter((key) => !present.has(key)).sort();
      if (missingFiles.length > 0 && attempt === 1) continue;
      if (missingFiles.length > 0) {
        input.warn(`Advarsel: ${missingFiles.length} fil(er), som databasen henviser til, findes ikke i ${filesDir} og er ikke med i sikkerhedskopien: ${missingFiles.slice(0, 5).join(', ')}${missingFiles.length > 5 ? ' …' : ''}`);
      }
      const manifest: Manifest = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: input.now.toISOString(),
        postgresVersion: dump.postgresVersion,
        migrations: dump.migrations,
        tables: dump.tables,
        sequences: dump.sequences,
        files,
        missingFiles,
      };
      const manifestFile = path.join(temp, MANIFEST_FILE);
      await fs.writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
      await syncPath(manifestFile);
      for (const folder of [path.join(temp, 'db'), temp]) if (await exists(folder)) await syncPath(folder);
      let dir = path.join(outDir, name);
      for (let n = 2; await exists(dir); n++) dir = path.join(outDir, `${name}-${n}`);
      await fs.rename(temp, dir);
      await syncPath(outDir);
      const bytes = manifest.tables.reduce((sum, t) => sum + t.bytes, 0) + files.reduce((sum, f) => sum + f.bytes, 0) + (await fs.stat(path.join(dir, MANIFEST_FILE))).size;
      return { dir, manifest, bytes };
    }
  } catch (error) {
    await fs.rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Copies DATA_DIR/files into <backup>/files, with each file's size and SHA-256. */
async function copyFiles(filesDir: string, backupDir: string, warn: (m: string) => void): Promise<Manifest['files']> {
  const relatives = await listFiles(filesDir, (skipped) => warn(`Advarsel: ${skipped} i filmappen er ikke en almindelig fil og er ikke med i sikkerhedskopien.`));
  const copied: Manifest['files'] = [];
  const folders = new Set<string>();
  for (const relative of relatives) {
    const target = path.join(backupDir, 'files', ...relative.split('/'));
    let hashed;
    try {
      hashed = await copyHashed(path.join(filesDir, ...relative.split('/')), target, 0o600);
    } catch (error) {
      // Removed since the listing (a file no attachment used any more): not part of the backup.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        await fs.rm(target, { force: true });
        continue;
      }
      throw error;
    }
    const base = path.posix.basename(relative);
    if (/^[0-9a-f]{64}$/.test(base) && base !== hashed.sha256) {
      warn(`Advarsel: filen ${relative} i filmappen er beskadiget (indholdet passer ikke med navnet). Den er kopieret, som den er.`);
    }
    copied.push({ path: `files/${relative}`, ...hashed });
    folders.add(path.dirname(target));
  }
  for (const folder of folders) await syncPath(folder);
  return copied;
}
