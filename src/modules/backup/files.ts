import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createReadStream, createWriteStream } from 'node:fs';

/** Copying files with their SHA-256, and the walk over DATA_DIR/files. */

/** Folders under DATA_DIR/files that hold only what can be made again (rendered PDFs). */
export const DERIVED_FOLDERS = ['pdf-cache'];

/** storeFile's temporary names (src/modules/attachments/file-store.ts): never a finished file. */
const TEMP_PREFIX = '.tmp-';

export interface HashedFile {
  bytes: number;
  sha256: string;
}

/** A pass-through stream that counts and hashes what flows through it. */
export function hashingTap(): Transform & { result(): HashedFile } {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  return Object.assign(tap, {
    result: () => ({ bytes, sha256: hash.digest('hex') }),
  });
}

export async function hashFile(file: string): Promise<HashedFile> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Flushes a file or folder to disk. */
export async function syncPath(target: string): Promise<void> {
  const handle = await fs.open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Copies `from` to a new file `to` (flushed to disk), hashing the bytes as they pass. */
export async function copyHashed(from: string, to: string, mode = 0o640): Promise<HashedFile> {
  await fs.mkdir(path.dirname(to), { recursive: true });
  const tap = hashingTap();
  await pipeline(createReadStream(from), tap, createWriteStream(to, { flags: 'wx', mode }));
  await syncPath(to);
  return tap.result();
}

/**
 * Every finished file under `dir`, as paths relative to it with forward slashes,
 * in a stable order. Skips the derived folders, temporary files and anything that
 * is not a regular file (reported through `skipped`).
 */
export async function listFiles(dir: string, skipped: (relative: string) => void): Promise<string[]> {
  const found: string[] = [];
  async function walk(relative: string): Promise<void> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(path.join(dir, relative), { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.name.startsWith(TEMP_PREFIX)) continue;
      if (entry.isDirectory()) {
        if (!relative && DERIVED_FOLDERS.includes(entry.name)) continue;
        await walk(child);
      } else if (entry.isFile()) {
        found.push(child);
      } else {
        skipped(child);
      }
    }
  }
  await walk('');
  return found;
}
