import path from 'node:path';

/** Builds the Pagefind index (and its search UI files) over a static site folder, offline, in Danish. */
export async function buildSearchIndex(siteDir: string): Promise<void> {
  // pagefind is ESM-only; imported lazily so CommonJS code can use this module.
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'da' });
  if (!index) throw new Error(`Pagefind kunne ikke starte: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: siteDir, glob: '{dagsorden,udvalg}/**/*.html' });
  if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
}
