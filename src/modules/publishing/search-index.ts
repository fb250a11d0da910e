import path from 'node:path';

/** Builds the Pagefind index (and its search UI files) over a static site folder, offline, in Danish. */
export async function buildSearchIndex(siteDir: string): Promise<void> {
  // pagefind is ESM-only; imported lazily so CommonJS code can use this module.
  const pagefind = await import('pagefind');
  // A meeting page holds the whole text of its items, which their own pages hold too: the items are found on
  // their own pages (a hit is the item, not a long page), the meeting page by its own part (date, attendance).
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'da', excludeSelectors: ['.whole-meeting .agenda-item'] });
  if (!index) throw new Error(`Pagefind kunne ikke starte: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: siteDir, glob: '{dagsorden,udvalg}/**/*.html' });
  if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
}
