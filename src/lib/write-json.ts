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
      let written = 0;
      for (let i = 0; i < keys.length; i += 4096) {
        // As JSON.stringify: an entry whose value is undefined (or a function) is left out.
        const chunk = keys.slice(i, i + 4096).flatMap((k) => {
          const value = JSON.stringify(part[k]) as string | undefined;
          return value === undefined ? [] : [`${JSON.stringify(k)}:${value}`];
        });
        if (chunk.length > 0) await handle.write(`${written > 0 ? ',' : '{'}${chunk.join(',')}`);
        written += chunk.length;
      }
      await handle.write(written === 0 ? '{}' : '}');
    }
  } finally {
    await handle.close();
  }
}
