import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Express } from 'express';
import type { Db } from '../../db/knex';
import { linkedPaths, outputFile, publicPaths } from './site-map';

export const MANIFEST = '.moedebog-manifest.json';
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
}

export interface PublishResult {
  changed: boolean;
  version: string | null;
  pages: number;
  files: number;
  written: number;
  linked: number;
}

type Manifest = Record<string, string>;

const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

async function listen(app: Express): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
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

/**
 * Writes the whole public site as static files into a new version folder and then
 * swaps the output symlink to it in one rename: a crash midway leaves the previous
 * site whole. Unchanged files are hard links to the previous version (nothing is
 * rewritten); a publish that changes nothing makes no new version at all.
 */
export async function publishSite(o: PublishOptions): Promise<PublishResult> {
  const out = path.resolve(o.out);
  const versionsDir = `${out}.versions`;
  await fs.mkdir(versionsDir, { recursive: true });
  const previousDir = await currentTarget(out);
  const previous = o.full ? {} : await readManifest(previousDir);
  const stamp = new Date().toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 15);
  const newDir = path.join(versionsDir, `${stamp}-${crypto.randomBytes(3).toString('hex')}`);
  await fs.mkdir(newDir, { recursive: true });

  const manifest: Manifest = {};
  let written = 0;
  let files = 0;
  const put = async (relative: string, data: Buffer) => {
    if (relative in manifest) return;
    const hash = sha256(data);
    manifest[relative] = hash;
    files++;
    const target = path.join(newDir, relative);
    await fs.mkdir(path.dirname(target), { recursive: true });
    if (previousDir && previous[relative] === hash) {
      await fs.link(path.join(previousDir, relative), target);
    } else {
      await fs.writeFile(target, data);
      written++;
      if (o.crashAfterFiles !== undefined && written >= o.crashAfterFiles) {
        o.log(`Simulerer et nedbrud efter ${written} filer`);
        process.exit(137);
      }
    }
  };

  // Pages and files, rendered by the app itself.
  const server = await listen(o.app);
  const host = new URL(o.baseUrl).host;
  const pages: string[] = [];
  let linked = 0;
  try {
    const queue = await publicPaths(o.db);
    const seen = new Set<string>();
    const fetchOne = async (urlPath: string) => {
      const res = await fetch(`${server.url}${urlPath}`, { headers: { 'x-moedebog-static': '1', 'x-forwarded-host': host, 'x-forwarded-proto': new URL(o.baseUrl).protocol.replace(':', '') }, redirect: 'manual' });
      if (res.status !== 200) throw new Error(`${urlPath} svarede ${res.status}`);
      const type = res.headers.get('content-type') ?? 'application/octet-stream';
      const body = Buffer.from(await res.arrayBuffer());
      return { type, body };
    };
    // A few pages at a time: rendering is mostly waiting on the database.
    const worker = async () => {
      while (queue.length > 0) {
        const urlPath = queue.shift() as string;
        if (seen.has(urlPath)) continue;
        seen.add(urlPath);
        if (o.withoutPdfs && urlPath.endsWith('.pdf')) continue;
        const { type, body } = await fetchOne(urlPath);
        await put(outputFile(urlPath, type), body);
        if (type.startsWith('text/html')) {
          pages.push(urlPath);
          for (const next of linkedPaths(body.toString('utf8'))) {
            if (!seen.has(next)) {
              queue.push(next);
              linked++;
            }
          }
        }
      }
    };
    // Workers stop when the queue is empty; pages still rendering may add to it, so run rounds until it stays empty.
    while (queue.length > 0) await Promise.all(Array.from({ length: CONCURRENCY }, worker));
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

  // Assets the pages use.
  for (const asset of o.assets) {
    for (const relative of await walk(asset.dir)) {
      if (asset.include && !asset.include(relative)) continue;
      await put(path.posix.join(asset.prefix, relative.split(path.sep).join('/')), await fs.readFile(path.join(asset.dir, relative)));
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

  const same =
    previousDir !== null &&
    !o.full &&
    Object.keys(previous).length === Object.keys(manifest).length &&
    Object.entries(manifest).every(([k, v]) => previous[k] === v);
  if (same) {
    await fs.rm(newDir, { recursive: true, force: true });
    return { changed: false, version: previousDir ? path.basename(previousDir) : null, pages: pages.length, files, written: 0, linked };
  }

  // The search index covers the pages of this version; when no page changed it is the previous one, linked.
  const htmlChanged = Object.keys(manifest).some((k) => k.endsWith('.html') && previous[k] !== manifest[k]);
  if (htmlChanged || !previousDir) {
    await o.indexSearch(newDir);
  } else {
    for (const relative of await walk(path.join(previousDir, 'pagefind')).catch(() => [] as string[])) {
      const target = path.join(newDir, 'pagefind', relative);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.link(path.join(previousDir, 'pagefind', relative), target);
    }
  }
  await fs.writeFile(path.join(newDir, MANIFEST), JSON.stringify(manifest, null, 1));

  // The swap: a new symlink renamed over the old one is atomic.
  const tmpLink = `${out}.tmp-${process.pid}`;
  await fs.rm(tmpLink, { force: true });
  await fs.symlink(path.relative(path.dirname(out), newDir), tmpLink);
  await fs.rename(tmpLink, out);

  // Keep a few earlier versions for rollback; remove the rest.
  const versions = (await fs.readdir(versionsDir)).sort();
  for (const old of versions.slice(0, Math.max(0, versions.length - KEEP_VERSIONS))) {
    if (path.join(versionsDir, old) !== newDir) await fs.rm(path.join(versionsDir, old), { recursive: true, force: true });
  }
  return { changed: true, version: path.basename(newDir), pages: pages.length, files, written, linked };
}
