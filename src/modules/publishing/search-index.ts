import childProcess, { type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { inParallel } from '../../lib/parallel';

/**
 * The pages the static search indexes: each meeting's page, which holds all its open items (each under
 * a heading with an id, so a hit names and links the item: Pagefind's sub-results), and the committee
 * pages. Not the items' own pages (the same text again, parsed and stored once per item: four times the
 * work over a large site) nor the earlier versions of approved minutes (the current one is on the meeting's page).
 */
export async function searchedPages(siteDir: string): Promise<string[]> {
  const found: string[] = [];
  // A meeting's folder is a symlink to its shared folder (static-site.ts): followed, as Pagefind's own walk would not.
  for (const meeting of (await fs.readdir(path.join(siteDir, 'dagsorden')).catch(() => [] as string[])).sort()) {
    const page = `dagsorden/${meeting}/index.html`;
    if (await fs.stat(path.join(siteDir, page)).then((s) => s.isFile(), () => false)) found.push(page);
  }
  const walk = async (relative: string): Promise<void> => {
    for (const entry of (await fs.readdir(path.join(siteDir, relative), { withFileTypes: true }).catch(() => [])).sort((a, b) => a.name.localeCompare(b.name))) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && entry.name.endsWith('.html')) found.push(child);
    }
  };
  await walk('udvalg');
  return found;
}

/** The address Pagefind gives a page file: its folder's for an index.html, as on the site. */
const urlOf = (page: string) => `/${page.replace(/(^|\/)index\.html$/, '$1')}`;

/**
 * Pagefind's Node API talks to its program over pipes and does not notice the program ending: a call it waits for
 * then never returns (the program crashed, was killed, or met a file size limit: it writes UI files of 180 KB), and
 * the publish, holding its lock, waits forever. So the program is caught as the API starts it (inside createIndex,
 * which spawns it synchronously), and every call races its end.
 */
function watchPagefind<T>(start: () => Promise<T>): { started: Promise<T>; ended: Promise<never> } {
  const modules = childProcess as unknown as { spawn: (...args: unknown[]) => ChildProcess };
  const spawn = modules.spawn;
  let program: ChildProcess | undefined;
  modules.spawn = (...args) => (program = spawn(...args));
  let started: Promise<T>;
  try {
    started = start();
  } finally {
    modules.spawn = spawn;
  }
  const ended = new Promise<never>((_, reject) => {
    const stopped = (code: number | null, signal: NodeJS.Signals | null) => reject(new Error(`Søgeindekset kunne ikke bygges: Pagefind stoppede uventet (${signal ?? `kode ${code ?? '?'}`})`));
    if (program && program.exitCode === null && program.signalCode === null) program.once('exit', stopped);
    else if (program) stopped(program.exitCode, program.signalCode);
  });
  // Only raced: an end after the work is done (close() below stops it) is no error.
  ended.catch(() => undefined);
  return { started, ended };
}

/** Builds the Pagefind index (and its search UI files) over a static site folder, offline, in Danish. */
export async function buildSearchIndex(siteDir: string): Promise<void> {
  // pagefind is ESM-only; imported lazily so CommonJS code can use this module.
  const pagefind = await import('pagefind');
  const { started, ended } = watchPagefind(() => pagefind.createIndex({ forceLanguage: 'da' }));
  const call = <T>(work: Promise<T>) => Promise.race([work, ended]);
  try {
    const { index, errors } = await call(started);
    if (!index) throw new Error(`Pagefind kunne ikke starte: ${errors.join('; ')}`);
    // A few files on their way at a time: Pagefind parses them on its own core while the next are read.
    await inParallel(await searchedPages(siteDir), 4, async (page) => {
      const added = await call(index.addHTMLFile({ url: urlOf(page), content: await fs.readFile(path.join(siteDir, page), 'utf8') }));
      if (added.errors.length > 0) throw new Error(`Pagefind (${page}): ${added.errors.join('; ')}`);
    });
    const written = await call(index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') }));
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}
