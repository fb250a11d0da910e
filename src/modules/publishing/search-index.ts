import path from 'node:path';

/**
 * The pages the static search indexes: each meeting's page, which holds all its open items (each under
 * a heading with an id, so a hit names and links the item: Pagefind's sub-results), and the committee
 * pages. Not the items' own pages (the same text again, parsed and stored once per item: four times the
 * work over a large site) nor the earlier versions of approved minutes (the current one is on the meeting's page).
 */
const SEARCH_INDEX_GLOB = '{dagsorden/*/index.html,udvalg/**/*.html}';

/** Builds the Pagefind index (and its search UI files) over a static site folder, offline, in Danish. */
export async function buildSearchIndex(siteDir: string): Promise<void> {
  // pagefind is ESM-only; imported lazily so CommonJS code can use this module.
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'da' });
  if (!index) throw new Error(`Pagefind kunne ikke starte: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: siteDir, glob: SEARCH_INDEX_GLOB });
  if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
}
