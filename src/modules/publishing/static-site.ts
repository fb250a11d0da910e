import crypto from 'node:crypto';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Express } from 'express';
import type { Db } from '../../db/knex';
import type { OparlContext } from '../oparl/service';
import { writeOparlFiles } from '../oparl/static-files';
import { compactChanges, readStamps, stampOf } from './change-stamps';
import { linkedPaths, outputFile, publicPaths } from './site-map';
import { writeJson } from '../../lib/write-json';
import { listenOnLoopback } from '../../web/loopback';

export const MANIFEST = '.moedebog-manifest.json';
/** Per public path: its file, hash, stamp and links, so an unchanged meeting's pages are taken over without rendering */
export const PAGE_INDEX = '.moedebog-pages.json';
const KEEP_VERSIONS = 3;
const CONCURRENCY = 6;

export interface PublishOptions {
  db: Db;
  /** The app, built as for the live server: the static pages come from the same code */
  app: Express;
  /** The folder the web server serves: a symlink this publisher swaps atomically */
  out: string;
  /** Rewrite every file, ignoring what the previous version holds */
  full: boolean;
  /** The site's public address, for sitemap.xml and absolute links in feeds */
  baseUrl: string;
  /** Extra static folders: url prefix → folder (assets) */
  assets: Array<{ prefix: string; dir: string; include?: (relative: string) => boolean }>;
  /** Builds the search index over the new version's pages */
  indexSearch: (siteDir: string) => Promise<void>;
  log: (message: string) => void;
  /** Fault injection for tests: exit the process after writing this many files */
  crashAfterFiles?: number;
  /** Leave the meeting PDFs out (a quick publish; they are still served live) */
  withoutPdfs?: boolean;
  /** The OParl API as the live site answers it (ids on the site's public address) */
  oparl: OparlContext;
}

export interface PublishResult {
  changed: boolean;
  version: string | null;
  pages: number;
  files: number;
  written: number;
  linked: number;
  /** Paths taken over from the previous version without rendering, their data unchanged */
  reused: number;
  /** Time spent building the search index (Pagefind), while the OParl files were written */
  searchIndexMs: number;
  /** From the start until every page (HTML and the files pages link to) was in the new version */
  pagesMs: number;
  /** Time spent waiting for the search index after everything else was done: the whole less this is the publish without it */
  indexWaitMs: number;
  /** Files of the OParl API (JSON), part of `files` */
  oparlFiles: number;
  /** Time spent writing the OParl API's files, part of the whole */
  oparlMs: number;
}

type Manifest = Record<string, string>;

interface PageEntry {
  file: string;
  hash: string;
  /** The stamp of the data it was made from (change-stamps.ts); null: rendered every time */
  stamp: string | null;
  html: boolean;
  links: string[];
}

interface PageIndex {
  site: string;
  entries: Record<string, PageEntry>;
}

/** The page index, as readPageIndex reads it back. */
const writePageIndex = (file: string, index: PageIndex) => writeJson(file, [`{"site":${JSON.stringify(index.site)},"entries":`, index.entries, '}']);

const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

async function walk(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full, base)));
    else if (entry.isFile()) out.push(path.relative(base, full));
  }
  return out;
}

async function readManifest(dir: string | null): Promise<Manifest> {
  if (!dir) return {};
  try {
    return JSON.parse(await fs.readFile(path.join(dir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return {};
  }
}

async function readPageIndex(dir: string | null): Promise<PageIndex | null> {
  if (!dir) return null;
  try {
    return JSON.parse(await fs.readFile(path.join(dir, PAGE_INDEX), 'utf8')) as PageIndex;
  } catch {
    return null;
  }
}

async function currentTarget(out: string): Promise<string | null> {
  try {
    const stat = await fs.lstat(out);
    if (!stat.isSymbolicLink()) {
      const entries = await fs.readdir(out).catch(() => ['?']);
      if (entries.length > 0) throw new Error(`${out} findes og er ikke et link, som Mødebog har lavet. Vælg en anden mappe, eller fjern den.`);
      await fs.rmdir(out);
      return null;
    }
    return path.resolve(path.dirname(out), await fs.readlink(out));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const removing = new Map<string, Promise<void>>();
const sweeps = new Set<Promise<void>>();

/** Deletes the old versions moved into `trashDir`, each once, in the background. */
function removeInBackground(trashDir: string, log: (message: string) => void): void {
  const sweep = fs.readdir(trashDir).then(
    async (names) => {
      const removals = names.map((name) => {
        const dir = path.join(trashDir, name);
        const known = removing.get(dir);
        if (known) return known;
        const removal = fs
          .rm(dir, { recursive: true, force: true })
          .catch((error: unknown) => log(`En gammel version i ${dir} kunne ikke slettes: ${(error as Error).message}`))
          .finally(() => removing.delete(dir));
        removing.set(dir, removal);
        return removal;
      });
      await Promise.all(removals);
    },
    () => undefined,
  );
  sweeps.add(sweep);
  void sweep.finally(() => sweeps.delete(sweep));
}

/** Waits until the old versions this process has started to delete are gone. */
export async function oldVersionsRemoved(): Promise<void> {
  while (sweeps.size > 0) await Promise.all([...sweeps]);
}

/**
 * Writes the whole public site as static files into a new version folder and then
 * swaps the output symlink to it in one rename: a crash midway leaves the previous
 * site whole. Unchanged files are hard links to the previous version (nothing is
 * rewritten); a publish that changes nothing makes no new version at all. Pages of
 * meetings (and cases, attachments) whose data has not changed since the previous
 * version are not even rendered: their stamp (change-stamps.ts) says so.
 */
export async function publishSite(o: PublishOptions): Promise<PublishResult> {
  const publishStarted = performance.now();
  const out = path.resolve(o.out);
  const versionsDir = `${out}.versions`;
  const trashDir = `${out}.removing`;
  await fs.mkdir(versionsDir, { recursive: true });
  // Versions left to delete by an earlier run that stopped before it had deleted them.
  removeInBackground(trashDir, o.log);
  const previousDir = await currentTarget(out);
  const previous = o.full ? {} : await readManifest(previousDir);
  // Stamps are read before any page is rendered: a change made meanwhile leaves a newer stamp, so the next publish renders it.
  const stamps = await readStamps(o.db, new Date());
  const previousIndex = o.full ? null : await readPageIndex(previousDir);
  const reusable = previousIndex && previousIndex.site === stamps.site ? previousIndex.entries : {};
  const index: PageIndex = { site: stamps.site, entries: {} };
  const stamp = new Date().toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 15);
  const newDir = path.join(versionsDir, `${stamp}-${crypto.randomBytes(3).toString('hex')}`);
  await fs.mkdir(newDir, { recursive: true });
  // A publish that fails (a full disk, a render error) removes its unfinished version; the served one is untouched.
  let swapped = false;
  /** The search index being built (from when the last page is written): its time, or its failure */
  const search: { indexing?: Promise<number> } = {};
  const build = async (): Promise<PublishResult> => {
    const manifest: Manifest = {};
    let written = 0;
    let files = 0;
    let reused = 0;
    const folders = new Set<string>();
    /**
     * Files of the previous version, known unchanged: linked without reading them. Links are made in
     * batches of plain system calls (a few microseconds each), not one promise each: an incremental
     * publish takes over tens of thousands of files.
     */
    const pendingLinks: Array<[string, string]> = [];
    /** One mkdir per new folder (its parents first, once each), not a recursive one per file. */
    const ensureFolder = (dir: string) => {
      if (folders.has(dir)) return;
      if (dir.length > newDir.length) ensureFolder(path.dirname(dir));
      try {
        fsSync.mkdirSync(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      folders.add(dir);
    };
    const linkPending = () => {
      for (const [from, to] of pendingLinks.splice(0)) {
        ensureFolder(path.dirname(to));
        fsSync.linkSync(from, to);
      }
    };
    /** The previous version's file at `relative` becomes this version's, linked with the next batch. */
    const linkFromPrevious = (previousVersion: string, relative: string) => {
      pendingLinks.push([path.join(previousVersion, relative), path.join(newDir, relative)]);
      if (pendingLinks.length >= 256) linkPending();
    };
    const takeOver = (relative: string, hash: string) => {
      if (relative in manifest || !previousDir) return;
      manifest[relative] = hash;
      files++;
      linkFromPrevious(previousDir, relative);
    };
    const put = async (relative: string, data: Buffer) => {
      if (relative in manifest) return manifest[relative] as string;
      const hash = sha256(data);
      manifest[relative] = hash;
      files++;
      if (previousDir && previous[relative] === hash) {
        linkFromPrevious(previousDir, relative);
      } else {
        const target = path.join(newDir, relative);
        ensureFolder(path.dirname(target));
        await fs.writeFile(target, data);
        written++;
        if (o.crashAfterFiles !== undefined && written >= o.crashAfterFiles) {
          o.log(`Simulerer et nedbrud efter ${written} filer`);
          process.exit(137);
        }
      }
      return hash;
    };

    /** Takes over a path's file from the previous version when it was made from the same stamp. */
    const reuse = (urlPath: string, stamp: string | null): PageEntry | undefined => {
      const before = reusable[urlPath];
      if (stamp === null || !before || before.stamp !== stamp || previous[before.file] !== before.hash) return undefined;
      takeOver(before.file, before.hash);
      index.entries[urlPath] = before;
      reused++;
      return before;
    };

    // Pages and files, rendered by the app itself.
    const server = await listenOnLoopback(o.app);
    const host = new URL(o.baseUrl).host;
    const pages: string[] = [];
    let linked = 0;
    try {
      // Each path once, in order: the listed ones, then what their pages link to.
      const queue = [...new Set(await publicPaths(o.db))];
      const queued = new Set(queue);
      let next = 0;
      const fetchOne = async (urlPath: string) => {
        const res = await fetch(`${server.url}${urlPath}`, { headers: { 'x-moedebog-static': '1', 'x-forwarded-host': host, 'x-forwarded-proto': new URL(o.baseUrl).protocol.replace(':', '') }, redirect: 'manual' });
        if (res.status !== 200) throw new Error(`${urlPath} svarede ${res.status}`);
        const type = res.headers.get('content-type') ?? 'application/octet-stream';
        const body = Buffer.from(await res.arrayBuffer());
        return { type, body };
      };
      // A few pages at a time: rendering is mostly waiting on the database.
      const worker = async () => {
        while (next < queue.length) {
          const urlPath = queue[next++] as string;
          if (o.withoutPdfs && urlPath.endsWith('.pdf')) continue;
          const stamp = stampOf(stamps, urlPath);
          let entry = reuse(urlPath, stamp);
          if (!entry) {
            const { type, body } = await fetchOne(urlPath);
            const file = outputFile(urlPath, type);
            const html = type.startsWith('text/html');
            entry = { file, hash: await put(file, body), stamp, html, links: html ? linkedPaths(body.toString('utf8')) : [] };
            index.entries[urlPath] = entry;
          }
          if (entry.html) {
            pages.push(urlPath);
            for (const link of entry.links) {
              if (!queued.has(link)) {
                queued.add(link);
                queue.push(link);
                linked++;
              }
            }
          }
        }
      };
      // Workers stop when the queue is empty; pages still rendering may add to it, so run rounds until it stays empty.
      while (next < queue.length) await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      // The not-found page, as the live site answers it.
      const missing = await fetch(`${server.url}/findes-ikke-${crypto.randomBytes(4).toString('hex')}`, { headers: { 'x-moedebog-static': '1' } });
      await put('404.html', Buffer.from(await missing.arrayBuffer()));
      if (!('soeg/index.html' in manifest)) {
        const search = await fetch(`${server.url}/soeg`, { headers: { 'x-moedebog-static': '1' } });
        if (search.status === 200) await put('soeg/index.html', Buffer.from(await search.arrayBuffer()));
      }
    } finally {
      await server.close();
    }
    // Every page is in place: the search index (Pagefind, one core for minutes on a large site) is built over
    // them while the OParl files, which it does not read, are written on the other core. When no page changed
    // and none is gone, the previous version's index is the new one's, linked at the end.
    linkPending();
    const pagesMs = performance.now() - publishStarted;
    const pagesChanged =
      !previousDir ||
      Object.keys(manifest).some((k) => k.endsWith('.html') && previous[k] !== manifest[k]) ||
      Object.keys(previous).some((k) => k.endsWith('.html') && !(k in manifest));
    if (pagesChanged) {
      const started = performance.now();
      search.indexing = o.indexSearch(newDir).then(() => performance.now() - started);
      // Awaited below, or before an unfinished version is removed.
      search.indexing.catch(() => undefined);
    }

    // The OParl API's objects and list pages (no page links to them), made in bulk by its own module.
    const oparlStarted = performance.now();
    const oparl = await writeOparlFiles(o.oparl, {
      stampOf: (urlPath) => stampOf(stamps, urlPath),
      reuse: (urlPath, stamp) => Boolean(reuse(urlPath, stamp)),
      write: async (urlPath, json, stamp) => {
        const file = outputFile(urlPath, 'application/json');
        index.entries[urlPath] = { file, hash: await put(file, Buffer.from(json)), stamp, html: false, links: [] };
      },
    });

    const oparlMs = performance.now() - oparlStarted;

    // Assets the pages use.
    // They change only with the code and the installed packages, which the site stamp covers: taken over while it holds.
    for (const asset of o.assets) {
      for (const relative of await walk(asset.dir)) {
        if (asset.include && !asset.include(relative)) continue;
        const file = path.posix.join(asset.prefix, relative.split(path.sep).join('/'));
        const urlPath = `/${file}`;
        if (reuse(urlPath, stamps.site)) continue;
        index.entries[urlPath] = { file, hash: await put(file, await fs.readFile(path.join(asset.dir, relative))), stamp: stamps.site, html: false, links: [] };
      }
    }

    const base = o.baseUrl.replace(/\/$/, '');
    const sitemap = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ...pages.sort().map((p) => `  <url><loc>${base}${p.split('/').map(encodeURIComponent).join('/').replace(/%2F/g, '/')}</loc></url>`),
      '</urlset>',
      '',
    ].join('\n');
    await put('sitemap.xml', Buffer.from(sitemap));
    await put('robots.txt', Buffer.from(`User-agent: *\nAllow: /\nSitemap: ${base}/sitemap.xml\n`));
    // Every file taken over is in place before the version is compared and swapped.
    linkPending();

    const same =
      previousDir !== null &&
      !o.full &&
      Object.keys(previous).length === Object.keys(manifest).length &&
      Object.entries(manifest).every(([k, v]) => previous[k] === v);
    if (same) {
      // No page changed, so no index is being built; were one, it would write into the folder removed here.
      await search.indexing;
      await fs.rm(newDir, { recursive: true, force: true });
      // The same files from newer stamps (a new day, new code that renders the same): the served version's
      // index takes the new stamps, so the next publish can take its pages over.
      if (previousDir && previousIndex?.site !== index.site) {
        const tmpIndex = path.join(previousDir, `${PAGE_INDEX}.tmp-${process.pid}`);
        await writePageIndex(tmpIndex, index);
        await fs.rename(tmpIndex, path.join(previousDir, PAGE_INDEX));
      }
      return { changed: false, version: previousDir ? path.basename(previousDir) : null, pages: pages.length, files, written: 0, linked, reused, searchIndexMs: 0, pagesMs, indexWaitMs: 0, oparlFiles: oparl.files, oparlMs };
    }

    // The search index of this version: the one being built, or when no page changed the previous one, linked.
    let searchIndexMs = 0;
    const waitStarted = performance.now();
    if (search.indexing) {
      searchIndexMs = await search.indexing;
    } else if (previousDir) {
      for (const relative of await walk(path.join(previousDir, 'pagefind')).catch(() => [] as string[])) linkFromPrevious(previousDir, path.join('pagefind', relative));
      linkPending();
    }
    const indexWaitMs = performance.now() - waitStarted;
    await writePageIndex(path.join(newDir, PAGE_INDEX), index);
    await writeJson(path.join(newDir, MANIFEST), [manifest]);

    // The swap: a new symlink renamed over the old one is atomic.
    const tmpLink = `${out}.tmp-${process.pid}`;
    await fs.rm(tmpLink, { force: true });
    await fs.symlink(path.relative(path.dirname(out), newDir), tmpLink);
    await fs.rename(tmpLink, out);
    swapped = true;

    // Keep a few earlier versions for rollback. The rest leave the versions folder at once (a rename) and are
    // deleted in the background: the new version is served already, and deleting tens of thousands of files
    // need not hold the publish up (removeOldVersions; a command-line publish waits for it before it exits).
    const versions = (await fs.readdir(versionsDir)).sort();
    await fs.mkdir(trashDir, { recursive: true });
    for (const old of versions.slice(0, Math.max(0, versions.length - KEEP_VERSIONS))) {
      if (path.join(versionsDir, old) !== newDir) await fs.rename(path.join(versionsDir, old), path.join(trashDir, old));
    }
    removeInBackground(trashDir, o.log);
    await compactChanges(o.db);
    return { changed: true, version: path.basename(newDir), pages: pages.length, files, written, linked, reused, searchIndexMs, pagesMs, indexWaitMs, oparlFiles: oparl.files, oparlMs };
  };
  try {
    return await build();
  } catch (error) {
    if (!swapped) {
      // Pagefind may still be writing into the unfinished version.
      await search.indexing?.catch(() => undefined);
      await fs.rm(newDir, { recursive: true, force: true }).catch(() => undefined);
    }
    throw error;
  }
}
