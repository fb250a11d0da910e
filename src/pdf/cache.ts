import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** sha256 hex of the parts, each length-prefixed so different splits never collide. */
export function cacheKey(...parts: string[]): string {
  const hash = crypto.createHash('sha256');
  for (const part of parts) hash.update(`${Buffer.byteLength(part)}:`).update(part);
  return hash.digest('hex');
}

const NAME = /^[a-z0-9-]+$/;
const KEY = /^[0-9a-f]{64}$/;

/**
 * Rendered PDFs on disk (DATA_DIR/files/pdf-cache): a file per document and key,
 * named `<document>.<key>.pdf`. Storing a new key for a document removes its older
 * ones, so the folder holds one current PDF per document. Writes go to a temporary
 * name and are renamed, so a reader never sees half a file.
 */
export interface PdfCache {
  get(document: string, key: string): Promise<Buffer | undefined>;
  put(document: string, key: string, bytes: Uint8Array): Promise<void>;
}

export function createPdfCache(dir: string): PdfCache {
  const file = (document: string, key: string) => {
    if (!NAME.test(document) || !KEY.test(key)) throw new Error(`Not a cache entry: ${document} ${key}`);
    return path.join(dir, `${document}.${key}.pdf`);
  };
  return {
    async get(document, key) {
      try {
        return await fs.readFile(file(document, key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async put(document, key, bytes) {
      const target = file(document, key);
      await fs.mkdir(dir, { recursive: true });
      const temp = path.join(dir, `.tmp-${crypto.randomBytes(8).toString('hex')}`);
      try {
        await fs.writeFile(temp, bytes, { mode: 0o640 });
        await fs.rename(temp, target);
      } catch (error) {
        await fs.rm(temp, { force: true });
        throw error;
      }
      const stale = (await fs.readdir(dir)).filter((f) => f.startsWith(`${document}.`) && f.endsWith('.pdf') && path.join(dir, f) !== target);
      await Promise.all(stale.map((f) => fs.rm(path.join(dir, f), { force: true })));
    },
  };
}
