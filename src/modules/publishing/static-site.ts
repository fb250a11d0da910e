import crypto from 'node:crypto';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Express } from 'express';
import type { Db } from '../../db/knex';
import type { OparlContext } from '../oparl/service';
import { writeOparlFiles } from '../oparl/static-files';
import { planOparlInThread } from '../oparl/static-plan-thread';
import { compactChanges, objectStampsOf, readItemStamps, readStamps, stampOf } from './change-stamps';
import { joinedCalendar } from '../feeds/service';
import { ALL_MEETINGS_CALENDAR, linkedPaths, outputFile, publicPaths, sharedFolderOfPath, sitemapFiles } from './site-map';
import { writeJson } from '../../lib/write-json';
import { listenOnLoopback } from '../../web/loopback';

export const MANIFEST = '.moedebog-manifest.json';
/** Per public path: its file, hash, stamp and links, so an unchanged meeting's pages are taken over without rendering */
export const PAGE_INDEX = '.moedebog-pages.json';
/** In a version: the shared folders it links to (their places under `<out>.shared`) */
export const SHARED_LIST = '.moedebog-shared.json';
/** In a shared folder's place under `<out>.shared`: its pages and files, as a version's page index and manifest hold them */
export const SHARED_INDEX = 'index.json';
/** In a shared folder's place: the files themselves, what the versions link to (the index beside them is not served) */
export const SHARED_FILES = 'files';
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
  /** Files taken over from the previous version without rendering, their data unchanged (a shared folder's all at once) */
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

/**
 * A folder of the site made from data that changes together: one meeting's pages (its page, its items' pages,
 * its minutes and PDFs), a shelf of a hundred OParl objects, an OParl list's pages. It is written once under
 * `<out>.shared` and linked into every version (one symlink) for as long as that data is unchanged: a version
 * is a few thousand entries, not a copy of every file.
 */
interface SharedRecord {
  /** What its files were made from: the meeting's stamp and whether the PDFs were published; the OParl objects' paths and stamps */
  key: string;
  /** Its place under `<out>.shared`: the version that made it, and its folder of the site in one name ("<version>/dagsorden~<slug>") */
  store: string;
  /**
   * Its pages (for the sitemap), relative to the folder ('' is the folder's own page: "punkt-2" in "dagsorden/<slug>"
   * is /dagsorden/<slug>/punkt-2), and what they link to outside it (for the crawl). Relative, the page index of a
   * large municipality is half the size to read and write at every publish.
   */
  pages: string[];
  links: string[];
  files: number;
  /** A hash of its pages, for the sitemap's key (sitemapKeyOf); worked out once, the first time it is needed */
  pagesDigest?: string;
}

/** The page index's format: an index of another (an earlier Mødebog's) is not read, and the publish renders every page. */
const PAGE_INDEX_FORMAT = 2;

interface PageIndex {
  format: typeof PAGE_INDEX_FORMAT;
  /** What every page was made under: the site stamp and the public addresses (publishSite) */
  site: string;
  /** Paths outside the shared folders */
  entries: Record<string, PageEntry>;
  /** By folder of the site ("dagsorden/<slug>") */
  shared: Record<string, SharedRecord>;
}

/** What a shared folder's SHARED_INDEX holds: its paths and files, keyed as in a version's page index and manifest. */
interface SharedIndex {
  entries: Record<string, PageEntry>;
  manifest: Manifest;
}

/** The page index, as readPageIndex reads it back. */
const writePageIndex = (file: string, index: PageIndex) =>
  writeJson(file, [`{"format":${index.format},"site":${JSON.stringify(index.site)},"shared":`, index.shared, ',"entries":', index.entries, '}']);

const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

/** The sitemap's files (site-map.ts, sitemapFiles) */
const SITEMAP_PATH = /^\/sitemap(-\d+)?\.xml$/;

/**
 * What the sitemap lists, as a key: the pages of each shared folder (by a hash of them, kept with the folder) and
 * the pages outside them. Unchanged while no page has come or gone, however many changed.
 */
function sitemapKeyOf(shared: Record<string, SharedRecord>, pagesOutside: string[]): string {
  const hash = crypto.createHash('sha256');
  for (const dir of Object.keys(shared).sort()) {
    const record = shared[dir] as SharedRecord;
    if (record.pages.length === 0) continue;
    record.pagesDigest ??= crypto.createHash('sha256').update([...record.pages].sort().join('\n')).digest('hex');
    hash.update(`${dir}=${record.pagesDigest}\n`);
  }
  for (const page of [...pagesOutside].sort()) hash.update(`${page}\n`);
  return hash.digest('hex');
}

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
    const index = JSON.parse(await fs.readFile(path.join(dir, PAGE_INDEX), 'utf8')) as PageIndex;
    return index.format === PAGE_INDEX_FORMAT ? index : null;
  } catch {
    return null;
  }
}

function readJsonSync<T>(file: string): T | null {
  try {
    return JSON.parse(fsSync.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

const isInside = (urlPath: string, dir: string) => urlPath === `/${dir}` || urlPath.startsWith(`/${dir}/`);
/** A page of a shared folder as its record lists it: relative to the folder, '' for the folder's own page (SharedRecord.pages). */
const pageInFolder = (urlPath: string, dir: string) => {
  if (!isInside(urlPath, dir)) throw new Error(`${urlPath} ligger ikke i ${dir}`);
  return urlPath.slice(dir.length + 2);
};
/** The path of a page its folder's record lists (pageInFolder's inverse). */
const pathOfPage = (dir: string, page: string) => (page === '' ? `/${dir}` : `/${dir}/${page}`);

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

/** Where a version keeps the shared folders it makes: one entry per folder, so a listing of it names them all. */
const storeOf = (version: string, dir: string) => `${version}/${dir.replaceAll('/', '~')}`;

/**
 * Deletes the shared folders no kept version links to: the versions that made them are gone, and so is
 * every version that took them over. A folder made by a publish that never became a version goes whole.
 */
async function collectShared(sharedDir: string, versionsDir: string, kept: string[], trashDir: string): Promise<void> {
  const linked = new Map<string, Set<string>>();
  for (const version of kept) {
    for (const store of readJsonSync<string[]>(path.join(versionsDir, version, SHARED_LIST)) ?? []) {
      const maker = store.split('/')[0] as string;
      linked.set(maker, (linked.get(maker) ?? new Set()).add(store));
    }
  }
  const keptNames = new Set(kept);
  const discard = (store: string) => fs.rename(path.join(sharedDir, store), path.join(trashDir, `shared-${crypto.randomBytes(6).toString('hex')}`));
  for (const maker of await fs.readdir(sharedDir).catch(() => [] as string[])) {
    if (keptNames.has(maker)) continue;
    const stillLinked = linked.get(maker);
    if (!stillLinked) {
      await discard(maker);
      continue;
    }
    for (const name of await fs.readdir(path.join(sharedDir, maker))) {
      if (!stillLinked.has(`${maker}/${name}`)) await discard(`${maker}/${name}`);
    }
  }
}

/**
 * Writes the whole public site as static files into a new version folder and then
 * swaps the output symlink to it in one rename: a crash midway leaves the previous
 * site whole. Unchanged files are hard links to the previous version (nothing is
 * rewritten); a publish that changes nothing makes no new version at all. Pages of
 * meetings (and cases, attachments) whose data has not changed since the previous
 * version are not even rendered: their stamp (change-stamps.ts) says so. A meeting's
 * folder is shared whole (SharedRecord): an unchanged meeting costs the new version
 * one symlink, so publishing one changed meeting touches about what that meeting shows.
 */
export async function publishSite(o: PublishOptions): Promise<PublishResult> {
  const publishStarted = performance.now();
  const out = path.resolve(o.out);
  const versionsDir = `${out}.versions`;
  const sharedDir = `${out}.shared`;
  const trashDir = `${out}.removing`;
  await fs.mkdir(versionsDir, { recursive: true });
  // Versions left to delete by an earlier run that stopped before it had deleted them.
  removeInBackground(trashDir, o.log);
  const previousDir = await currentTarget(out);
  const previous = o.full ? {} : await readManifest(previousDir);
  // Stamps are read before any page is rendered: a change made meanwhile leaves a newer stamp, so the next publish renders it.
  // The previous version's page index is read and parsed while PostgreSQL works out the stamps.
  const [stamps, previousIndex] = await Promise.all([readStamps(o.db, new Date()), o.full ? null : readPageIndex(previousDir)]);
  // What every page is made under: the code, the day and the site-wide data (the site stamp), and the addresses that
  // feeds, the sitemap and the OParl ids are written with. When it differs from the previous version's, nothing is taken over.
  const site = crypto.createHash('sha256').update(`${stamps.site}|${o.baseUrl}|${o.oparl.urls.origin}`).digest('hex');
  const sameSite = previousIndex?.site === site;
  const reusable = previousIndex && sameSite ? previousIndex.entries : {};
  const index: PageIndex = { format: PAGE_INDEX_FORMAT, site, entries: {}, shared: {} };
  const stamp = new Date().toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 15);
  const versionName = `${stamp}-${crypto.randomBytes(3).toString('hex')}`;
  const newDir = path.join(versionsDir, versionName);
  const builtDir = path.join(sharedDir, versionName);
  await fs.mkdir(newDir, { recursive: true });
  // The OParl files are planned in a thread of their own, on the other core, while this one renders the pages.
  const oparlPlanning = planOparlInThread(o.oparl.db, { withPdfs: o.oparl.withPdfs, today: o.oparl.today }, objectStampsOf(stamps));
  // A publish that fails (a full disk, a render error) removes its unfinished version; the served one is untouched.
  let swapped = false;
  /** The search index being built (from when the last page is written): its time, or its failure */
  const search: { indexing?: Promise<number> } = {};
  const build = async (): Promise<PublishResult> => {
    const manifest: Manifest = {};
    let written = 0;
    let files = 0;
    let reused = 0;
    /** The pages outside the shared folders (theirs are in the folders' records: allPages) */
    const pagesOutside: string[] = [];
    /** Every page of this version: those outside the shared folders and those of the folders it links so far */
    const allPages = () => [...pagesOutside, ...Object.entries(index.shared).flatMap(([dir, record]) => record.pages.map((page) => pathOfPage(dir, page)))];
    let linked = 0;
    /** The previous version's shared folder of that place (none for a full publish). */
    const previousFolder = (dir: string): SharedRecord | undefined => (o.full ? undefined : previousIndex?.shared[dir]);
    /** The previous version's shared folder when this version takes it over whole: made from the same data (its key). */
    const unchangedFolder = (dir: string, key: string): SharedRecord | undefined => {
      const before = previousFolder(dir);
      return before && sameSite && before.key === key ? before : undefined;
    };
    /** A folder of pages is made from its meeting's data, with or without the PDFs. */
    const pageFolderKey = (stamp: string) => `${stamp}|${o.withoutPdfs ? 'uden-pdf' : 'med-pdf'}`;
    /** A meeting whose folder is taken over whole needs no list of its pages: they came with it. */
    const changedMeeting = (slug: string) => {
      const meetingPath = `/dagsorden/${slug}`;
      const stamp = stampOf(stamps, meetingPath);
      const dir = sharedFolderOfPath(meetingPath);
      return stamp === null || dir === null || !unchangedFolder(dir, pageFolderKey(stamp));
    };
    const changedSlugs = new Set([...stamps.meetingBySlug.keys()].filter(changedMeeting));
    // Their item pages' stamps are read beside their paths: an item's page is made again only when it changed.
    const [paths] = await Promise.all([
      publicPaths(o.db, (slug) => changedSlugs.has(slug)),
      readItemStamps(o.db, stamps, [...changedSlugs].map((slug) => stamps.meetingBySlug.get(slug) as number)),
    ]);
    const queue = [...new Set(paths)];
    const queued = new Set(queue);
    const enqueue = (link: string) => {
      if (queued.has(link)) return;
      queued.add(link);
      queue.push(link);
      linked++;
    };
    const folders = new Set<string>([newDir]);
    /**
     * Files of the previous version, known unchanged: linked without reading them. Links are made in
     * batches of plain system calls (a few microseconds each), not one promise each.
     */
    const pendingLinks: Array<[string, string]> = [];
    /** One mkdir per new folder (its parents first, once each), not a recursive one per file. */
    const ensureFolder = (dir: string) => {
      if (folders.has(dir)) return;
      if (path.dirname(dir) === dir) throw new Error(`${dir} ligger uden for sitet`);
      ensureFolder(path.dirname(dir));
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
    /** A file of an earlier version becomes this version's, linked with the next batch. */
    const linkFile = (from: string, to: string) => {
      pendingLinks.push([from, to]);
      if (pendingLinks.length >= 256) linkPending();
    };

    /** A shared folder this version takes over whole, or makes anew (with what the previous one had, for comparing). */
    type Shared =
      | { dir: string; reused: true; record: SharedRecord }
      | {
          dir: string;
          reused: false;
          key: string;
          /** Its place under `<out>.shared`, and where its files go in it */
          store: string;
          root: string;
          index: SharedIndex;
          pages: string[];
          links: Set<string>;
          files: number;
          previous: { record: SharedRecord; root: string; index: SharedIndex } | null;
          finished: boolean;
        };
    type Made = Extract<Shared, { reused: false }>;
    const shared = new Map<string, Shared>();
    const openShared = (dir: string, key: string): Shared => {
      const known = shared.get(dir);
      if (known) return known;
      const unchanged = unchangedFolder(dir, key);
      if (unchanged) {
        const taken: Shared = { dir, reused: true, record: unchanged };
        shared.set(dir, taken);
        files += unchanged.files;
        reused += unchanged.files;
        for (const link of unchanged.links) enqueue(link);
        return taken;
      }
      const before = previousFolder(dir);
      const store = storeOf(versionName, dir);
      const root = path.join(sharedDir, store, SHARED_FILES);
      fsSync.mkdirSync(root, { recursive: true });
      folders.add(root);
      const beforeIndex = before ? readJsonSync<SharedIndex>(path.join(sharedDir, before.store, SHARED_INDEX)) : null;
      const made: Shared = {
        dir,
        reused: false,
        key,
        store,
        root,
        index: { entries: {}, manifest: {} },
        pages: [],
        links: new Set(),
        files: 0,
        // Its entries' stamps count only under the same site stamp; its file hashes always.
        previous: before && beforeIndex ? { record: before, root: path.join(sharedDir, before.store, SHARED_FILES), index: sameSite ? beforeIndex : { entries: {}, manifest: beforeIndex.manifest } } : null,
        finished: false,
      };
      shared.set(dir, made);
      return made;
    };
    /** Where a file of the site is written: in its shared folder, or in the version itself. */
    const placeOf = (relative: string, folder: Made | undefined) => (folder ? path.join(folder.root, relative.slice(folder.dir.length + 1)) : path.join(newDir, relative));
    const previousPlaceOf = (relative: string, folder: Made | undefined) =>
      folder ? (folder.previous ? path.join(folder.previous.root, relative.slice(folder.dir.length + 1)) : null) : previousDir && path.join(previousDir, relative);

    const takeOver = (relative: string, hash: string, folder?: Made) => {
      const hashes = folder ? folder.index.manifest : manifest;
      const from = previousPlaceOf(relative, folder);
      if (relative in hashes || !from) return;
      hashes[relative] = hash;
      files++;
      if (folder) folder.files++;
      linkFile(from, placeOf(relative, folder));
    };
    const put = async (relative: string, data: Buffer, folder?: Made) => {
      const hashes = folder ? folder.index.manifest : manifest;
      if (relative in hashes) return hashes[relative] as string;
      const hash = sha256(data);
      hashes[relative] = hash;
      files++;
      if (folder) folder.files++;
      const before = folder ? folder.previous?.index.manifest : previous;
      const from = previousPlaceOf(relative, folder);
      const target = placeOf(relative, folder);
      if (from && before?.[relative] === hash) {
        linkFile(from, target);
      } else {
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

    /** The previous version's entry of a path when it was made from the same stamp and its file is as recorded. */
    const reusableEntry = (urlPath: string, stamp: string | null, folder?: Made): PageEntry | undefined => {
      const entries = folder ? (folder.previous?.index.entries ?? {}) : reusable;
      const hashes = folder ? folder.previous?.index.manifest : previous;
      const before = entries[urlPath];
      return stamp === null || !before || before.stamp !== stamp || hashes?.[before.file] !== before.hash ? undefined : before;
    };
    /** Takes over a path's file from the previous version when it was made from the same stamp (reusableEntry). */
    const reuse = (urlPath: string, stamp: string | null, folder?: Made): PageEntry | undefined => {
      const before = reusableEntry(urlPath, stamp, folder);
      if (!before) return undefined;
      takeOver(before.file, before.hash, folder);
      (folder ? folder.index.entries : index.entries)[urlPath] = before;
      reused++;
      return before;
    };

    /**
     * The shared folders made so far get their index, or when their files came out as before, the previous
     * folder instead; then each folder is linked into the version.
     */
    const finishShared = async () => {
      linkPending();
      for (const folder of shared.values()) {
        if (!folder.reused && folder.finished) continue;
        let record: SharedRecord;
        if (folder.reused) {
          record = folder.record;
        } else {
          folder.finished = true;
          const before = folder.previous;
          const hashes = Object.entries(folder.index.manifest);
          const unchanged = before !== null && hashes.length === Object.keys(before.index.manifest).length && hashes.every(([file, hash]) => before.index.manifest[file] === hash);
          if (unchanged) {
            await fs.rm(path.join(sharedDir, folder.store), { recursive: true, force: true });
            record = { ...before.record, key: folder.key };
            // The same files from newer stamps (a list page whose objects' meetings changed, not its objects): the
            // kept folder's index takes them, or the next publish would make those files again, and the next.
            if (Object.entries(folder.index.entries).some(([urlPath, entry]) => before.index.entries[urlPath]?.stamp !== entry.stamp)) {
              const kept = path.join(sharedDir, before.record.store, SHARED_INDEX);
              await writeJson(`${kept}.tmp-${process.pid}`, [folder.index as unknown as Record<string, unknown>]);
              await fs.rename(`${kept}.tmp-${process.pid}`, kept);
            }
          } else {
            await writeJson(path.join(sharedDir, folder.store, SHARED_INDEX), [folder.index as unknown as Record<string, unknown>]);
            record = { key: folder.key, store: folder.store, pages: folder.pages, links: [...folder.links], files: folder.files };
          }
        }
        if (index.shared[folder.dir]) continue;
        index.shared[folder.dir] = record;
        const link = path.join(newDir, folder.dir);
        if (previousDir && previousIndex?.shared[folder.dir]?.store === record.store) {
          // The previous version's symlink, hard-linked (link(2) does not follow it): a new symlink is an inode
          // of its own, ten times the cost, and a version of an unchanged municipality is thousands of them.
          linkFile(path.join(previousDir, folder.dir), link);
          continue;
        }
        ensureFolder(path.dirname(link));
        fsSync.symlinkSync(path.relative(path.dirname(link), path.join(sharedDir, record.store, SHARED_FILES)), link);
      }
      linkPending();
    };

    // Pages and files, rendered by the app itself.
    const server = await listenOnLoopback(o.app);
    const host = new URL(o.baseUrl).host;
    try {
      // Each path once, in order: the listed ones, then what their pages link to.
      let next = 0;
      const headers = { 'x-moedebog-static': '1', 'x-forwarded-host': host, 'x-forwarded-proto': new URL(o.baseUrl).protocol.replace(':', '') };
      const fetchOne = async (urlPath: string) => {
        const answer = await server.get(urlPath, headers);
        if (answer.status !== 200) throw new Error(`${urlPath} svarede ${answer.status}`);
        return answer;
      };
      // A few pages at a time: rendering is mostly waiting on the database.
      const worker = async () => {
        while (next < queue.length) {
          const urlPath = queue[next++] as string;
          if (o.withoutPdfs && urlPath.endsWith('.pdf')) continue;
          // Made from the committees' calendars once they are all in place (below).
          if (urlPath === ALL_MEETINGS_CALENDAR) continue;
          // A folder is keyed by the stamp of its own path (a meeting's page); the pages in it by their own.
          const dir = sharedFolderOfPath(urlPath);
          const folderStamp = dir === null ? null : stampOf(stamps, `/${dir}`);
          const opened = dir !== null && folderStamp !== null ? openShared(dir, pageFolderKey(folderStamp)) : undefined;
          // A folder taken over whole brought its pages and links along.
          if (opened?.reused) continue;
          const folder = opened;
          const stamp = stampOf(stamps, urlPath);
          let entry = reuse(urlPath, stamp, folder);
          if (!entry) {
            const { type, body } = await fetchOne(urlPath);
            const file = outputFile(urlPath, type);
            if (folder && !file.startsWith(`${folder.dir}/`)) throw new Error(`${urlPath} hører ikke til mappen ${folder.dir}`);
            const html = type.startsWith('text/html');
            entry = { file, hash: await put(file, body, folder), stamp, html, links: html ? linkedPaths(body) : [] };
            (folder ? folder.index.entries : index.entries)[urlPath] = entry;
          }
          if (entry.html) {
            if (folder) folder.pages.push(pageInFolder(urlPath, folder.dir));
            else pagesOutside.push(urlPath);
            for (const link of entry.links) {
              if (folder && !isInside(link, folder.dir)) folder.links.add(link);
              enqueue(link);
            }
          }
        }
      };
      // Workers stop when the queue is empty; pages still rendering may add to it, so run rounds until it stays empty.
      while (next < queue.length) await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      // The calendar of all meetings is its committees' calendars joined, not every meeting read and rendered
      // again: the committees' files are in place, most of them taken over unchanged.
      const calendarStamp = stampOf(stamps, ALL_MEETINGS_CALENDAR);
      if (!reuse(ALL_MEETINGS_CALENDAR, calendarStamp)) {
        linkPending();
        const calendar = await joinedCalendar(o.db, async (slug) => fsSync.readFileSync(path.join(newDir, outputFile(`/udvalg/${slug}/kalender.ics`, 'text/calendar'))));
        const file = outputFile(ALL_MEETINGS_CALENDAR, 'text/calendar');
        index.entries[ALL_MEETINGS_CALENDAR] = { file, hash: await put(file, calendar), stamp: calendarStamp, html: false, links: [] };
      }
      // The not-found page, as the live site answers it.
      const missing = await server.get(`/findes-ikke-${crypto.randomBytes(4).toString('hex')}`, { 'x-moedebog-static': '1' });
      await put('404.html', missing.body);
      if (!('soeg/index.html' in manifest)) {
        const search = await server.get('/soeg', { 'x-moedebog-static': '1' });
        if (search.status === 200) await put('soeg/index.html', search.body);
      }
    } finally {
      await server.close();
    }
    // Every page is in place: the search index (Pagefind, one core for minutes on a large site) is built over
    // them while the OParl files, which it does not read, are written on the other core. When no page changed
    // and none is gone, the previous version's index is the new one's, linked at the end.
    await finishShared();
    const pagesMs = performance.now() - publishStarted;
    const sharedBefore = previousIndex?.shared ?? {};
    const pageFolder = (dir: string) => dir.startsWith('dagsorden/');
    const pagesChanged =
      !previousDir ||
      Object.keys(manifest).some((k) => k.endsWith('.html') && previous[k] !== manifest[k]) ||
      Object.keys(previous).some((k) => k.endsWith('.html') && !(k in manifest)) ||
      Object.keys(sharedBefore).some((dir) => pageFolder(dir) && !(dir in index.shared)) ||
      Object.entries(index.shared).some(([dir, record]) => pageFolder(dir) && sharedBefore[dir]?.store !== record.store);
    if (pagesChanged) {
      const started = performance.now();
      search.indexing = o.indexSearch(newDir).then(() => performance.now() - started);
      // Awaited below, or before an unfinished version is removed.
      search.indexing.catch(() => undefined);
    }

    // The OParl API's objects and list pages (no page links to them), made in bulk by its own module.
    const oparlStarted = performance.now();
    /** The shared folder of an OParl path: opened when the module told every path (share) before writing any */
    const oparlFolderOf = (urlPath: string): Shared | undefined => {
      const dir = sharedFolderOfPath(urlPath);
      if (!dir) return undefined;
      const folder = shared.get(dir);
      if (!folder) throw new Error(`${urlPath} blev ikke meldt, før den blev skrevet`);
      return folder;
    };
    const oparl = await writeOparlFiles(o.oparl, {
      folderOf: sharedFolderOfPath,
      share: (folders) => {
        const whole = new Set<string>();
        // A folder made every time has a key of this version's own.
        for (const [dir, key] of folders) if (openShared(dir, key ?? `ny-${versionName}`).reused) whole.add(dir);
        return whole;
      },
      reuse: (urlPath, stamp) => {
        const folder = oparlFolderOf(urlPath);
        return folder?.reused === true || Boolean(reuse(urlPath, stamp, folder));
      },
      // Read at once, not by the thread pool: a list page of a hundred small files read by promises waited on
      // four system calls each (open, stat, read, close), behind the other pages' reads.
      read: async (urlPath) => {
        const folder = oparlFolderOf(urlPath);
        const file = outputFile(urlPath, 'application/json');
        if (folder?.reused) return fsSync.readFileSync(path.join(sharedDir, folder.record.store, SHARED_FILES, file.slice(folder.dir.length + 1)));
        if (!(file in (folder ? folder.index.manifest : manifest))) return undefined;
        // Written now, or taken over and linked with the next batch: the batch is made first.
        linkPending();
        return fsSync.readFileSync(placeOf(file, folder));
      },
      write: async (urlPath, json, stamp) => {
        const opened = oparlFolderOf(urlPath);
        if (opened?.reused) throw new Error(`${urlPath} hører til en mappe, der er overtaget uændret`);
        const file = outputFile(urlPath, 'application/json');
        (opened ? opened.index.entries : index.entries)[urlPath] = { file, hash: await put(file, json, opened), stamp, html: false, links: [] };
      },
    }, oparlPlanning);

    const oparlMs = performance.now() - oparlStarted;

    // Assets the pages use, one shared folder ("assets/").
    // They change only with the code and the installed packages, which the site stamp covers: taken over whole while it holds.
    const assets = openShared('assets', stamps.site);
    for (const asset of o.assets) {
      if (assets.reused) break;
      for (const relative of await walk(asset.dir)) {
        if (asset.include && !asset.include(relative)) continue;
        const file = path.posix.join(asset.prefix, relative.split(path.sep).join('/'));
        if (!file.startsWith('assets/')) throw new Error(`${file} ligger uden for assets/`);
        const urlPath = `/${file}`;
        if (reuse(urlPath, stamps.site, assets)) continue;
        assets.index.entries[urlPath] = { file, hash: await put(file, await fs.readFile(path.join(asset.dir, relative)), assets), stamp: stamps.site, html: false, links: [] };
      }
    }

    const base = o.baseUrl.replace(/\/$/, '');
    // The sitemap is taken over while no page has come or gone: sorting and writing the addresses of every page
    // (46,000 for a large municipality) is most of what it costs. All its files, or none.
    const sitemapStamp = sitemapKeyOf(index.shared, pagesOutside);
    const sitemapsBefore = Object.keys(reusable).filter((urlPath) => SITEMAP_PATH.test(urlPath));
    if (sitemapsBefore.length > 0 && sitemapsBefore.every((urlPath) => reusableEntry(urlPath, sitemapStamp))) {
      for (const urlPath of sitemapsBefore) reuse(urlPath, sitemapStamp);
    } else {
      for (const { file, xml } of sitemapFiles(base, allPages())) index.entries[`/${file}`] = { file, hash: await put(file, Buffer.from(xml)), stamp: sitemapStamp, html: false, links: [] };
    }
    await put('robots.txt', Buffer.from(`User-agent: *\nAllow: /\nSitemap: ${base}/sitemap.xml\n`));
    // Every file taken over is in place before the version is compared and swapped.
    await finishShared();

    const same =
      previousDir !== null &&
      !o.full &&
      Object.keys(sharedBefore).length === Object.keys(index.shared).length &&
      Object.entries(index.shared).every(([dir, record]) => sharedBefore[dir]?.store === record.store) &&
      Object.keys(previous).length === Object.keys(manifest).length &&
      Object.entries(manifest).every(([k, v]) => previous[k] === v);
    if (same) {
      // No page changed, so no index is being built; were one, it would write into the folder removed here.
      await search.indexing;
      await fs.rm(newDir, { recursive: true, force: true });
      await fs.rm(builtDir, { recursive: true, force: true });
      // The same files from newer stamps (a new day, new code that renders the same): the served version's
      // index takes the new stamps, so the next publish can take its pages over.
      if (previousDir && (!sameSite || Object.entries(index.shared).some(([dir, record]) => sharedBefore[dir]?.key !== record.key))) {
        const tmpIndex = path.join(previousDir, `${PAGE_INDEX}.tmp-${process.pid}`);
        await writePageIndex(tmpIndex, index);
        await fs.rename(tmpIndex, path.join(previousDir, PAGE_INDEX));
      }
      if (previousDir) await tidyVersions(path.basename(previousDir));
      return { changed: false, version: previousDir ? path.basename(previousDir) : null, pages: allPages().length, files, written: 0, linked, reused, searchIndexMs: 0, pagesMs, indexWaitMs: 0, oparlFiles: oparl.files, oparlMs };
    }

    // The search index of this version: the one being built, or when no page changed the previous one, linked.
    let searchIndexMs = 0;
    const waitStarted = performance.now();
    if (search.indexing) {
      searchIndexMs = await search.indexing;
    } else if (previousDir) {
      for (const relative of await walk(path.join(previousDir, 'pagefind')).catch(() => [] as string[])) linkFile(path.join(previousDir, 'pagefind', relative), path.join(newDir, 'pagefind', relative));
      linkPending();
    }
    const indexWaitMs = performance.now() - waitStarted;
    await fs.writeFile(path.join(newDir, SHARED_LIST), JSON.stringify(Object.values(index.shared).map((record) => record.store)));
    await writePageIndex(path.join(newDir, PAGE_INDEX), index);
    await writeJson(path.join(newDir, MANIFEST), [manifest]);

    // The swap: a new symlink renamed over the old one is atomic.
    const tmpLink = `${out}.tmp-${process.pid}`;
    await fs.rm(tmpLink, { force: true });
    await fs.symlink(path.relative(path.dirname(out), newDir), tmpLink);
    await fs.rename(tmpLink, out);
    swapped = true;

    await tidyVersions(path.basename(newDir));
    await compactChanges(o.db);
    return { changed: true, version: versionName, pages: allPages().length, files, written, linked, reused, searchIndexMs, pagesMs, indexWaitMs, oparlFiles: oparl.files, oparlMs };
  };
  /**
   * Keeps a few earlier versions for rollback besides the served one. The rest leave the versions folder at once
   * (a rename) and are deleted in the background: the served version is in place already, and deleting tens of
   * thousands of files need not hold the publish up (a command-line publish waits for it before it exits). So do
   * an unfinished version a crashed publish left (it has no manifest), and the shared folders no kept version links to.
   */
  const tidyVersions = async (served: string) => {
    const versions = (await fs.readdir(versionsDir)).sort();
    const whole = versions.filter((name) => fsSync.existsSync(path.join(versionsDir, name, MANIFEST)));
    const kept = whole.slice(Math.max(0, whole.length - KEEP_VERSIONS));
    if (!kept.includes(served)) kept.push(served);
    await fs.mkdir(trashDir, { recursive: true });
    for (const old of versions) {
      if (!kept.includes(old)) await fs.rename(path.join(versionsDir, old), path.join(trashDir, old));
    }
    await collectShared(sharedDir, versionsDir, kept, trashDir);
    removeInBackground(trashDir, o.log);
  };
  try {
    return await build();
  } catch (error) {
    oparlPlanning.done();
    if (!swapped) {
      // Pagefind may still be writing into the unfinished version.
      await search.indexing?.catch(() => undefined);
      await fs.rm(newDir, { recursive: true, force: true }).catch(() => undefined);
      await fs.rm(builtDir, { recursive: true, force: true }).catch(() => undefined);
    }
    throw error;
  }
}
