import fs from 'node:fs/promises';

/**
 * Writes JSON made of raw text and large records, each record a few thousand entries at a time: the
 * text JSON.stringify would give, without holding it whole (a large municipality's page index is tens of MB).
 */
export async function writeJson(file: string, parts: Array<string | Record<string, unknown>>): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    for (const part of parts) {
      if (typeof part === 'string') {
        await handle.write(part);
        continue;
      }
      const keys = Object.keys(part);
      let written = false;
      for (let i = 0; i < keys.length; i += 4096) {
        // A slice of the record, stringified by JSON.stringify itself (entries whose value is undefined left out as it leaves them).
        const slice: Record<string, unknown> = {};
        for (const key of keys.slice(i, i + 4096)) slice[key] = part[key];
        const text = JSON.stringify(slice);
        if (text.length <= 2) continue;
        await handle.write(`${written ? ',' : '{'}${text.slice(1, -1)}`);
        written = true;
      }
      await handle.write(written ? '}' : '{}');
    }
  } finally {
    await handle.close();
  }
}
