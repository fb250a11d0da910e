import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** What a backup folder says about itself: manifest.json, the last file written. */

export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FORMAT = 'moedebog-backup';
export const BACKUP_FORMAT_VERSION = 1;

/**
 * A refusal or failure the operator must read: the message is Danish and says
 * what happened and what to do. Anything else that goes wrong is a bug.
 */
export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().min(0);

/** A path inside the backup folder: relative, forward slashes, no `.`/`..` or empty segments. */
export function isSafeRelativePath(value: string): boolean {
  if (value.length === 0 || value.length > 1000 || value.includes('\\') || value.includes('\0') || value.startsWith('/')) return false;
  return value.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

const partPath = (prefix: string) =>
  z
    .string()
    .refine(isSafeRelativePath, 'er ikke en gyldig sti i sikkerhedskopien')
    .refine((p) => p.startsWith(prefix), `skal ligge under ${prefix}`);

const columnSchema = z.object({ name: z.string().min(1).max(63), type: z.string().min(1).max(200) });

const tableSchema = z.object({
  name: z.string().min(1).max(63),
  file: partPath('db/'),
  rows: count,
  bytes: count,
  sha256,
  columns: z.array(columnSchema),
});

const sequenceSchema = z.object({
  name: z.string().min(1).max(63),
  lastValue: z.string().regex(/^-?\d{1,19}$/),
  isCalled: z.boolean(),
});

const fileSchema = z.object({ path: partPath('files/'), bytes: count, sha256 });

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.string().datetime(),
  postgresVersion: z.string(),
  /** The knex migrations the database had run, in the order it ran them: its schema version */
  migrations: z.array(z.string().regex(/^[\w.-]+$/)).min(1),
  tables: z.array(tableSchema),
  sequences: z.array(sequenceSchema),
  /** DATA_DIR/files, without the PDF cache (rendered again on demand) */
  files: z.array(fileSchema),
  /** Storage keys the database refers to that had no file when the backup was made */
  missingFiles: z.array(z.string()),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestTable = Manifest['tables'][number];
export type ManifestFile = Manifest['files'][number];

/** Reads and checks manifest.json; a missing or malformed one is refused with a Danish message. */
export async function readManifest(backupDir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await fs.readFile(path.join(backupDir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new BackupError(`${backupDir} er ikke en sikkerhedskopi fra Mødebog: der er ingen ${MANIFEST_FILE}.`, { cause: error });
    }
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BackupError(`${MANIFEST_FILE} i ${backupDir} kan ikke læses (ugyldig JSON). Sikkerhedskopien er beskadiget.`, { cause: error });
  }
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format === BACKUP_FORMAT) {
    const version = (json as { formatVersion?: unknown }).formatVersion;
    if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
      throw new BackupError(`Sikkerhedskopien har formatversion ${version}, som denne version af Mødebog ikke kender. Opdater Mødebog først.`);
    }
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(hele filen)'}: ${i.message}`)
      .join('; ');
    throw new BackupError(`${MANIFEST_FILE} i ${backupDir} er ikke en gyldig manifestfil fra Mødebog (${problems}).`);
  }
  const manifest = parsed.data;
  const seen = new Set<string>();
  for (const part of [...manifest.tables.map((t) => t.file), ...manifest.files.map((f) => f.path)]) {
    if (seen.has(part)) throw new BackupError(`${MANIFEST_FILE} i ${backupDir} nævner ${part} to gange. Sikkerhedskopien er beskadiget.`);
    seen.add(part);
  }
  return manifest;
}
