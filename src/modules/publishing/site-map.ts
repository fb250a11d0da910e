import type { Db } from '../../db/knex';
import { groupBy } from '../../lib/group-by';
import { publicCommitteeSlugs } from '../feeds/repository';

/** The calendar of every meeting: the publisher joins the committees' calendars (feeds/service.ts, joinedCalendar). */
export const ALL_MEETINGS_CALENDAR = '/kalender.ics';

/** The pages over all meetings: the front page, the committees, the feeds and the calendar of every meeting. */
export const SITE_WIDE_PATHS = ['/', '/udvalg', '/feeds/rss.xml', '/feeds/atom.xml', ALL_MEETINGS_CALENDAR] as const;

/**
 * The public pages and files the database says exist. The publisher adds what the
 * rendered pages link to (attachments, PDFs), so the static site holds exactly what
 * the live site shows; the OParl API's files come from oparl/static-files.ts.
 * A meeting's further pages (items, minutes versions) are listed when `withPagesOf`
 * says so: the publisher takes an unchanged meeting's folder over whole, pages and all.
 */
export async function publicPaths(db: Db, withPagesOf: (meetingSlug: string) => boolean): Promise<string[]> {
  const paths: string[] = [...SITE_WIDE_PATHS];
  const committees = await publicCommitteeSlugs(db);
  for (const slug of committees) {
    paths.push(`/udvalg/${slug}`, `/udvalg/${slug}/rss.xml`, `/udvalg/${slug}/atom.xml`, `/udvalg/${slug}/kalender.ics`);
  }
  const meetings = (await db('meetings as m')
    .join('committees as c', 'c.id', 'm.committee_id')
    .whereNot('c.kind', 'external_party')
    .whereNot('m.status', 'planned')
    .orderBy('m.slug')
    .select('m.id', 'm.slug')) as Array<{ id: number; slug: string }>;
  const ids = meetings.filter((m) => withPagesOf(m.slug)).map((m) => m.id);
  // Two queries for all meetings: their item numbers and their published minutes versions.
  const [numbers, versions] = await Promise.all([
    db('agenda_items').whereIn('meeting_id', ids).orderBy(['meeting_id', 'number']).select('meeting_id', 'number') as Promise<Array<{ meeting_id: number; number: number }>>,
    db('minutes_versions').whereIn('meeting_id', ids).whereNotNull('published_at').orderBy(['meeting_id', 'version']).select('meeting_id', 'version') as Promise<Array<{ meeting_id: number; version: number }>>,
  ]);
  const numbersOf = groupBy(numbers, (r) => r.meeting_id);
  const versionsOf = groupBy(versions, (r) => r.meeting_id);
  for (const m of meetings) {
    paths.push(`/dagsorden/${m.slug}`);
    for (const { number } of numbersOf.get(m.id) ?? []) paths.push(`/dagsorden/${m.slug}/punkt-${number}`);
    for (const { version: v } of versionsOf.get(m.id) ?? []) {
      paths.push(`/dagsorden/${m.slug}/referat/version/${v}`, `/dagsorden/${m.slug}/referat/version/${v}/referat.json`);
      if (v > 1) paths.push(`/dagsorden/${m.slug}/referat/version/${v}/aendringer`);
    }
  }
  return paths;
}

/** Where a path lives in the static site: pages as …/index.html, files at their own path. */
export function outputFile(urlPath: string, contentType: string): string {
  const decoded = urlPath.split('/').map((segment) => decodeURIComponent(segment));
  if (decoded.some((s) => s === '..' || s === '.' || s.includes('\0'))) throw new Error(`Unsafe path ${urlPath}`);
  const clean = decoded.join('/');
  if (contentType.startsWith('text/html')) return `${clean.replace(/\/$/, '')}/index.html`.replace(/^\//, '');
  return clean.replace(/^\//, '');
}

/**
 * Root-relative links and sources in a page that belong to the public site. The page is read as
 * latin1, a character a byte (a UTF-8 decoding of every page of a large site cost the publish 2-3 s):
 * the markup around a link is ASCII, and each link's bytes are decoded as UTF-8 when it is kept.
 */
export function linkedPaths(page: Buffer): string[] {
  const found = new Set<string>();
  for (const m of page.toString('latin1').matchAll(/(?:href|src)="(\/[^"#?]*)/g)) {
    const p = (m[1] ?? '').replace(/&amp;/g, '&');
    if (p.startsWith('//') || /^\/(assets|pagefind|admin|login|logout|mine-moeder)(\/|$)/.test(p)) continue;
    // Decoded into a string of its own: a slice of the page would keep the whole page in memory for as long as the link is kept.
    found.add(Buffer.from(p, 'latin1').toString('utf8'));
  }
  return [...found];
}

/** The sitemap protocol's limit: at most this many URLs in one file (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

/**
 * sitemap.xml for the site's pages: the pages themselves while they fit in one file, otherwise an index
 * of sitemap-1.xml, sitemap-2.xml … of at most `limit` pages each, in path order.
 */
export function sitemapFiles(baseUrl: string, pages: string[], limit = SITEMAP_LIMIT): Array<{ file: string; xml: string }> {
  const base = baseUrl.replace(/\/$/, '');
  const head = '<?xml version="1.0" encoding="UTF-8"?>';
  // A path of slugs and numbers (nearly all of them) is its own encoding: it is not split and encoded part by part.
  const encoded = (p: string) => (/^[A-Za-z0-9\-_.!~*'()/]*$/.test(p) ? p : p.split('/').map(encodeURIComponent).join('/'));
  const urlset = (part: string[]) => [head, '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...part.map((p) => `  <url><loc>${base}${encoded(p)}</loc></url>`), '</urlset>', ''].join('\n');
  const sorted = [...pages].sort();
  if (sorted.length <= limit) return [{ file: 'sitemap.xml', xml: urlset(sorted) }];
  const parts = Array.from({ length: Math.ceil(sorted.length / limit) }, (_, i) => ({ file: `sitemap-${i + 1}.xml`, xml: urlset(sorted.slice(i * limit, (i + 1) * limit)) }));
  const index = [head, '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...parts.map((p) => `  <sitemap><loc>${base}/${p.file}</loc></sitemap>`), '</sitemapindex>', ''].join('\n');
  return [{ file: 'sitemap.xml', xml: index }, ...parts];
}

/**
 * The shared folder a public path's files belong to: a meeting's folder, a shelf of a hundred OParl objects
 * of one kind (oparl/urls.ts), or the further pages of one OParl list.
 */
export function sharedFolderOfPath(urlPath: string): string | null {
  if (urlPath.startsWith('/oparl/')) return oparlFolderOfPath(urlPath);
  const meeting = /^\/dagsorden\/([a-z0-9-]+)(?:\/|$)/.exec(urlPath);
  return meeting ? `dagsorden/${meeting[1]}` : null;
}

/**
 * An OParl folder is the start of its files' directory, so it is found once per directory: a publish asks
 * for each of 130,000 paths, several times.
 */
const oparlFolderByDirectory = new Map<string, string | null>();
function oparlFolderOfPath(urlPath: string): string | null {
  const directory = urlPath.slice(0, urlPath.lastIndexOf('/') + 1);
  let folder = oparlFolderByDirectory.get(directory);
  if (folder === undefined) {
    const oparl = /^\/oparl\/v1\.1\/((?:meeting|agendaItem|paper|consultation|file|motion|voteEvent|vote)\/\d+|body\/\d+\/[A-Za-z]+)\//.exec(directory);
    folder = oparl ? `oparl/v1.1/${oparl[1]}` : null;
    oparlFolderByDirectory.set(directory, folder);
  }
  return folder;
}
