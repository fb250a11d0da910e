import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Uploaded files on disk, content-addressed: a file's key is the SHA-256 of its
 * bytes, so the same document uploaded twice is stored once and a key always
 * names exactly one content. Files are written to a temporary name in the same
 * folder, flushed and then renamed, so a crash never leaves half a file under a
 * real name.
 */

const KEY = /^[0-9a-f]{64}$/;
const TEMP_PREFIX = '.tmp-';

export function storageKeyOf(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** dir/ab/abcdef…: two hex characters of fan-out keep folders small. */
export function storedPath(dir: string, key: string): string {
  if (!KEY.test(key)) throw new Error(`Not a storage key: ${key}`);
  return path.join(dir, key.slice(0, 2), key);
}

async function syncDirectory(folder: string): Promise<void> {
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function sizeOf(file: string): Promise<number | undefined> {
  try {
    return (await fs.stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Stores the bytes under their key unless a complete copy is already there. Returns the key. */
export async function storeFile(dir: string, bytes: Buffer): Promise<string> {
  const key = storageKeyOf(bytes);
  const target = storedPath(dir, key);
  if ((await sizeOf(target)) === bytes.length) return key;
  const folder = path.dirname(target);
  await fs.mkdir(folder, { recursive: true });
  const temp = path.join(folder, `${TEMP_PREFIX}${crypto.randomBytes(8).toString('hex')}`);
  try {
    const handle = await fs.open(temp, 'wx', 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  // The rename itself must survive a crash too.
  await syncDirectory(folder);
  return key;
}

/** Whether the stored file for a key is there. */
export async function isStored(dir: string, key: string): Promise<boolean> {
  return (await sizeOf(storedPath(dir, key))) !== undefined;
}

export async function removeStoredFile(dir: string, key: string): Promise<void> {
  await fs.rm(storedPath(dir, key), { force: true });
}

/** Opens a stored file for reading, with its size; undefined when it is missing. */
export async function openStoredFile(dir: string, key: string): Promise<{ handle: fs.FileHandle; size: number } | undefined> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(storedPath(dir, key), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const { size } = await handle.stat();
  return { handle, size };
}
