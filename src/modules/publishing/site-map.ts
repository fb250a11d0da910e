import type { Db } from '../../db/knex';
import { oparlPaths } from '../oparl/paths';
import { oparlDate } from '../oparl/values';

/**
 * The public pages and files the database says exist, and the OParl API's JSON. The
 * publisher adds what the rendered pages link to (attachments, PDFs), so the static
 * site holds exactly what the live site shows.
 */
export async function publicPaths(db: Db): Promise<string[]> {
  const paths = ['/', '/udvalg', '/feeds/rss.xml', '/feeds/atom.xml', '/kalender.ics'];
  const committees = (await db('committees').whereNot('kind', 'external_party').orderBy('slug').pluck('slug')) as string[];
  for (const slug of committees) {
    paths.push(`/udvalg/${slug}`, `/udvalg/${slug}/rss.xml`, `/udvalg/${slug}/atom.xml`, `/udvalg/${slug}/kalender.ics`);
  }
  const meetings = (await db('meetings as m')
    .join('committees as c', 'c.id', 'm.committee_id')
    .whereNot('c.kind', 'external_party')
    .whereNot('m.status', 'planned')
    .orderBy('m.slug')
    .select('m.id', 'm.slug')) as Array<{ id: number; slug: string }>;
  for (const m of meetings) {
    paths.push(`/dagsorden/${m.slug}`);
    const numbers = (await db('agenda_items').where({ meeting_id: m.id }).orderBy('number').pluck('number')) as number[];
    for (const n of numbers) paths.push(`/dagsorden/${m.slug}/punkt-${n}`);
    const versions = (await db('minutes_versions').where({ meeting_id: m.id }).whereNotNull('published_at').orderBy('version').pluck('version')) as number[];
    for (const v of versions) {
      paths.push(`/dagsorden/${m.slug}/referat/version/${v}`, `/dagsorden/${m.slug}/referat/version/${v}/referat.json`);
      if (v > 1) paths.push(`/dagsorden/${m.slug}/referat/version/${v}/aendringer`);
    }
  }
  // The OParl API: every object and every page of every list, as JSON files under the API's own URLs
  // (no page links to them). The publisher renders pages with the PDF service, so the meeting PDFs are Files too.
  paths.push(...(await oparlPaths(db, { withPdfs: true, today: oparlDate(new Date()) })));
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

/** Root-relative links and sources in a page that belong to the public site. */
export function linkedPaths(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/(?:href|src)="(\/[^"#?]*)/g)) {
    const p = (m[1] ?? '').replace(/&amp;/g, '&');
    if (p.startsWith('//') || /^\/(assets|pagefind|admin|login|logout|mine-moeder)(\/|$)/.test(p)) continue;
    found.add(p);
  }
  return [...found];
}
