import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { concurrently, manyColumns, type Db } from '../../db/knex';
import { groupBy } from '../../lib/group-by';
import { formatIsoDate } from '../../i18n/format';
import { SITE_WIDE_PATHS } from './site-map';

/**
 * What a static page was made from, as a stamp: the publisher reuses a page of the
 * previous version only when its stamp is unchanged. Stamps come from content_changes
 * (migration track_content_changes), which triggers fill on every change.
 *
 * - site: the code and templates that render pages, the day (pages show deadlines and
 *   "upcoming"), and the last change to data of the whole site (committees, people,
 *   cases, consultations …). When it differs, nothing is reused.
 * - meeting: the last change to the meeting and to every meeting that shares a case or
 *   a postponement with it (its pages show their treatments), as a list, so a meeting
 *   leaving the set changes the stamp too.
 * - item (an item's page): the meeting's stamp without the changes that belong to one of
 *   its items (content_changes.item_id), the item's own last change, and those of the items
 *   of the same meeting that share a case or a postponement with it. An item's page shows
 *   its own data and its meeting's, not its siblings': one changed item of sixteen renders
 *   the meeting's page and its own again, not the other fifteen (readItemStamps).
 * - case: the same over the meetings that treat the case.
 * - committee: its meetings' stamps (its page, feeds and calendar list them).
 * - everything: all meetings' stamps and the next meeting to start (the site's feeds and
 *   calendar list the upcoming meetings with their items, which changes when one begins).
 * - meetingList (the front page): each meeting's own changes as a whole, not its items', and
 *   the next meeting to start. The front page lists meetings (date, committee, status) and
 *   none of their items. The list of committees (/udvalg) and the static site's search page
 *   (/soeg, Pagefind's) are made from site-wide data alone.
 */
export interface SiteStamps {
  site: string;
  meetingById: Map<number, string>;
  /** A meeting's stamp without its items' own changes: what all its items' pages share */
  meetingWholeById: Map<number, string>;
  /** The stamps of item pages by meeting and number, for the meetings readItemStamps was asked about */
  itemByMeeting: Map<number, Map<number, string>>;
  /** A committee's pages and feeds: the stamps of all its meetings */
  committeeBySlug: Map<string, string>;
  /** Pages over all meetings (feeds, the calendar): every meeting's stamp and which meeting starts next */
  everything: string;
  /** The front page: every meeting's changes as a whole (not its items') and which meeting starts next */
  meetingList: string;
  meetingBySlug: Map<string, number>;
  caseByRef: Map<string, string>;
  caseById: Map<number, string>;
  /** The meeting each attachment with a file belongs to (its public path, /bilag/<id>/…, is made from the meeting's data) */
  meetingOfAttachment: Map<number, number>;
}

const ROOT = path.resolve(__dirname, '../../..');
let buildKeyMemo: string | undefined;

/** A hash of everything that renders pages: source, templates, assets and the installed packages' lock. */
export function buildKey(): string {
  if (buildKeyMemo) return buildKeyMemo;
  const hash = crypto.createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) hash.update(path.relative(ROOT, full)).update(fs.readFileSync(full));
    }
  };
  for (const dir of ['src', 'views', 'public']) if (fs.existsSync(path.join(ROOT, dir))) walk(path.join(ROOT, dir));
  for (const file of ['package-lock.json']) if (fs.existsSync(path.join(ROOT, file))) hash.update(fs.readFileSync(path.join(ROOT, file)));
  buildKeyMemo = hash.digest('hex');
  return buildKeyMemo;
}

/** A stamp made of parts */
const digest = (parts: string[]) => crypto.createHash('sha256').update(parts.join(',')).digest('hex');

export async function readStamps(db: Db, now: Date): Promise<SiteStamps> {
  type Rows<T> = { rows: T[] };
  // Tens of thousands of pairs each, as two columns.
  const pairs = async (sql: string) => {
    const { id, meeting } = await manyColumns(db, { fields: [['id', 'p.id'], ['meeting', 'p.meeting_id']], from: `(${sql}) p`, orderBy: 'p.id' });
    return new Map(id.map((value, i) => [value as number, meeting[i] as number]));
  };
  // All at once: each is a scan of its own, and PostgreSQL runs them side by side.
  const [site, meetings, next, cases, attachment] = await concurrently(db, [
    () => db('content_changes').whereNull('meeting_id').max('seq as seq').first() as Promise<{ seq: number | null } | undefined>,
    () => db.raw<Rows<{ id: number; slug: string; committee: string; stamp: string; whole: string; own: string | null }>>(`
    WITH last AS (SELECT meeting_id, max(seq) AS seq FROM content_changes WHERE meeting_id IS NOT NULL GROUP BY meeting_id),
    whole AS (SELECT meeting_id, max(seq) AS seq FROM content_changes WHERE meeting_id IS NOT NULL AND item_id IS NULL GROUP BY meeting_id),
    treated AS (
      SELECT DISTINCT meeting_id, case_id FROM agenda_items WHERE case_id IS NOT NULL
      UNION SELECT DISTINCT i.meeting_id, s.case_id FROM sub_points s JOIN agenda_items i ON i.id = s.item_id WHERE s.case_id IS NOT NULL
    ),
    related AS (
      SELECT id AS meeting_id, id AS related FROM meetings
      UNION SELECT a.meeting_id, b.meeting_id FROM treated a JOIN treated b ON b.case_id = a.case_id
      UNION SELECT a.meeting_id, p.meeting_id FROM agenda_items a JOIN agenda_items p ON p.id = a.postponed_from_item_id WHERE a.postponed_from_item_id IS NOT NULL
      UNION SELECT p.meeting_id, a.meeting_id FROM agenda_items a JOIN agenda_items p ON p.id = a.postponed_from_item_id WHERE a.postponed_from_item_id IS NOT NULL
    )
    SELECT m.id, m.slug, c.slug AS committee, md5(string_agg(r.related || ':' || coalesce(l.seq, 0), ',' ORDER BY r.related)) AS stamp,
           md5(string_agg(r.related || ':' || coalesce(CASE WHEN r.related = m.id THEN w.seq ELSE l.seq END, 0), ',' ORDER BY r.related)) AS whole,
           w.seq AS own
    FROM meetings m JOIN committees c ON c.id = m.committee_id JOIN related r ON r.meeting_id = m.id LEFT JOIN last l ON l.meeting_id = r.related
    LEFT JOIN whole w ON w.meeting_id = m.id
    GROUP BY m.id, m.slug, c.slug, w.seq
    ORDER BY m.id`),
    () => db('meetings').where('starts_at', '>=', now).where('cancelled', false).orderBy(['starts_at', 'id']).first('id') as Promise<{ id: number } | undefined>,
    () => db.raw<Rows<{ id: number; number: string | null; stamp: string }>>(`
    WITH last AS (SELECT meeting_id, max(seq) AS seq FROM content_changes WHERE meeting_id IS NOT NULL GROUP BY meeting_id),
    treated AS (
      SELECT DISTINCT meeting_id, case_id FROM agenda_items WHERE case_id IS NOT NULL
      UNION SELECT DISTINCT i.meeting_id, s.case_id FROM sub_points s JOIN agenda_items i ON i.id = s.item_id WHERE s.case_id IS NOT NULL
    )
    SELECT c.id, c.case_number AS number, md5(coalesce(string_agg(t.meeting_id || ':' || coalesce(l.seq, 0), ',' ORDER BY t.meeting_id), '')) AS stamp
    FROM cases c LEFT JOIN treated t ON t.case_id = c.id LEFT JOIN last l ON l.meeting_id = t.meeting_id
    GROUP BY c.id, c.case_number`),
    // Only an attachment with a file has a path. (The OParl objects' keys carry their meeting: oparl/static-plan.ts.)
    () => pairs('SELECT a.id, i.meeting_id FROM attachments a JOIN agenda_items i ON i.id = a.item_id WHERE a.storage_key IS NOT NULL'),
  ] as const);
  const caseByRef = new Map<string, string>();
  for (const c of cases.rows) {
    caseByRef.set(String(c.id), c.stamp);
    if (c.number) caseByRef.set(c.number, c.stamp);
  }
  const day = formatIsoDate(now);
  const byCommittee = groupBy(meetings.rows, (m) => m.committee);
  return {
    site: crypto.createHash('sha256').update(`${buildKey()}|${day}|${site?.seq ?? 0}`).digest('hex'),
    meetingById: new Map(meetings.rows.map((r) => [r.id, r.stamp])),
    meetingWholeById: new Map(meetings.rows.map((r) => [r.id, r.whole])),
    itemByMeeting: new Map(),
    committeeBySlug: new Map([...byCommittee].map(([slug, rows]) => [slug, digest(rows.map((m) => `${m.id}:${m.stamp}`))])),
    everything: digest([`next:${next?.id ?? 0}`, ...meetings.rows.map((m) => `${m.id}:${m.stamp}`)]),
    meetingList: digest([`next:${next?.id ?? 0}`, ...meetings.rows.map((m) => `${m.id}:${m.own ?? 0}`)]),
    meetingBySlug: new Map(meetings.rows.map((r) => [r.slug, r.id])),
    caseByRef,
    caseById: new Map(cases.rows.map((c) => [c.id, c.stamp])),
    meetingOfAttachment: attachment,
  };
}

/**
 * What a public file is made from: a meeting's pages and files, an attachment, a case
 * page, a committee's page and feeds, the pages over all meetings (scopeOfPath, by its
 * URL); a meeting by its id, a case's treatments, the site-wide data (the OParl files, by
 * their objects' keys: oparl/static-plan.ts). Other paths have none and
 * are rendered every time.
 */
export type PathScope =
  | { kind: 'meeting'; slug: string }
  | { kind: 'item'; slug: string; number: number }
  | { kind: 'meetingId'; id: number }
  | { kind: 'attachment'; id: number }
  | { kind: 'case'; ref: string }
  | { kind: 'caseId'; id: number }
  | { kind: 'committee'; slug: string }
  | { kind: 'everything' }
  | { kind: 'meetingList' }
  | { kind: 'site' }
  | null;

const EVERYTHING = new Set<string>(SITE_WIDE_PATHS);

export function scopeOfPath(urlPath: string): PathScope {
  if (urlPath === '/') return { kind: 'meetingList' };
  // The list of committees, and the static site's search page (Pagefind's, no data of its own): site-wide data alone.
  if (urlPath === '/udvalg' || urlPath === '/soeg') return { kind: 'site' };
  if (EVERYTHING.has(urlPath)) return { kind: 'everything' };
  const committee = /^\/udvalg\/([a-z0-9-]+)(?:\/(?:rss\.xml|atom\.xml|kalender\.ics))?$/.exec(urlPath);
  if (committee?.[1]) return { kind: 'committee', slug: committee[1] };
  const item = /^\/dagsorden\/([a-z0-9-]+)\/punkt-(\d+)$/.exec(urlPath);
  if (item?.[1] && item[2]) return { kind: 'item', slug: item[1], number: Number(item[2]) };
  const meeting = /^\/dagsorden\/([a-z0-9-]+)(\/|$)/.exec(urlPath);
  if (meeting?.[1]) return { kind: 'meeting', slug: meeting[1] };
  const attachment = /^\/bilag\/(\d+)\//.exec(urlPath);
  if (attachment?.[1]) return { kind: 'attachment', id: Number(attachment[1]) };
  const kase = /^\/sager\/([^/]+)$/.exec(urlPath);
  if (kase?.[1]) return { kind: 'case', ref: decodeURIComponent(kase[1]) };
  return null;
}

/** The stamp of a path's scope; null when the path has none (it is rendered every time). */
export function stampOf(stamps: SiteStamps, urlPath: string): string | null {
  return stampOfScope(stamps, scopeOfPath(urlPath));
}

/** The stamp of a scope; null for none. */
export function stampOfScope(stamps: SiteStamps, scope: PathScope): string | null {
  if (!scope) return null;
  if (scope.kind === 'case') return stamps.caseByRef.get(scope.ref) ?? null;
  if (scope.kind === 'committee') return stamps.committeeBySlug.get(scope.slug) ?? null;
  if (scope.kind === 'meetingList') return stamps.meetingList;
  if (scope.kind === 'item') {
    const meetingId = stamps.meetingBySlug.get(scope.slug);
    // An item of a meeting whose item stamps were not read has its meeting's stamp: it changes with any of them.
    const items = meetingId === undefined ? undefined : stamps.itemByMeeting.get(meetingId);
    return items ? (items.get(scope.number) ?? null) : stampOfScope(stamps, { kind: 'meeting', slug: scope.slug });
  }
  if (scope.kind === 'meeting' || scope.kind === 'attachment') {
    const meetingId = scope.kind === 'meeting' ? stamps.meetingBySlug.get(scope.slug) : stamps.meetingOfAttachment.get(scope.id);
    return meetingId === undefined ? null : (stamps.meetingById.get(meetingId) ?? null);
  }
  return stampOfObjectScope(stamps, scope);
}

/** The stamps the OParl files are made from (oparl/static-plan.ts): few enough to hand to a worker thread */
export type ObjectStamps = Pick<SiteStamps, 'site' | 'everything' | 'meetingById' | 'caseById'>;

/** The stamps of the scopes OParl objects have (a meeting by its id, a case by its id, everything, the site); null for others. */
export function stampOfObjectScope(stamps: ObjectStamps, scope: PathScope): string | null {
  if (scope?.kind === 'meetingId') return stamps.meetingById.get(scope.id) ?? null;
  if (scope?.kind === 'caseId') return stamps.caseById.get(scope.id) ?? null;
  if (scope?.kind === 'everything') return stamps.everything;
  if (scope?.kind === 'site') return stamps.site;
  return null;
}

/** The part of the stamps the OParl files are made from, alone (what a worker thread is given) */
export function objectStampsOf({ site, everything, meetingById, caseById }: SiteStamps): ObjectStamps {
  return { site, everything, meetingById, caseById };
}

/**
 * The stamps of the item pages of the given meetings (scope 'item'), kept in `stamps.itemByMeeting`. Asked
 * for the meetings whose pages are made anew: an unchanged meeting's folder is taken over whole.
 */
export async function readItemStamps(db: Db, stamps: SiteStamps, meetingIds: number[]): Promise<void> {
  if (meetingIds.length === 0) return;
  const { rows } = await db.raw<{ rows: Array<{ id: number; meeting: number; number: number; seq: string | null; cases: number[]; from: number | null }> }>(
    `SELECT i.id, i.meeting_id AS meeting, i.number, i.postponed_from_item_id AS "from",
            (SELECT max(c.seq) FROM content_changes c WHERE c.meeting_id = i.meeting_id AND c.item_id = i.id) AS seq,
            array_remove(array_append(ARRAY(SELECT s.case_id FROM sub_points s WHERE s.item_id = i.id AND s.case_id IS NOT NULL), i.case_id), NULL) AS cases
       FROM agenda_items i WHERE i.meeting_id = ANY(?::int[]) ORDER BY i.meeting_id, i.id`,
    [meetingIds],
  );
  for (const [meetingId, items] of groupBy(rows, (r) => r.meeting)) {
    const whole = stamps.meetingWholeById.get(meetingId) ?? '';
    // Items of the same meeting on the same case, or postponed one to the other, may show each other (treatments, decisions).
    const related = (a: (typeof items)[number], b: (typeof items)[number]) =>
      a === b || a.from === b.id || b.from === a.id || a.cases.some((c) => b.cases.includes(c));
    const byNumber = new Map<number, string>();
    for (const item of items) {
      const parts = items.filter((other) => related(item, other)).map((other) => `${other.id}:${other.seq ?? 0}`);
      byNumber.set(item.number, digest([whole, String(item.number), ...parts]));
    }
    stamps.itemByMeeting.set(meetingId, byNumber);
  }
  // A meeting without items has no item pages, and its map says so.
  for (const id of meetingIds) if (!stamps.itemByMeeting.has(id)) stamps.itemByMeeting.set(id, new Map());
}

/** Keeps only the last change per meeting, per item of a meeting, and of the whole site: the stamps need no more. */
export async function compactChanges(db: Db): Promise<void> {
  // A probe of the (meeting_id, item_id, seq) index per row: a join on "IS NOT DISTINCT FROM" compared every row with every meeting.
  await db.raw(`
    DELETE FROM content_changes c
    WHERE (c.meeting_id IS NOT NULL AND c.item_id IS NOT NULL AND EXISTS (SELECT 1 FROM content_changes n WHERE n.meeting_id = c.meeting_id AND n.item_id = c.item_id AND n.seq > c.seq))
       OR (c.meeting_id IS NOT NULL AND c.item_id IS NULL AND EXISTS (SELECT 1 FROM content_changes n WHERE n.meeting_id = c.meeting_id AND n.item_id IS NULL AND n.seq > c.seq))
       OR (c.meeting_id IS NULL AND EXISTS (SELECT 1 FROM content_changes n WHERE n.meeting_id IS NULL AND n.seq > c.seq))`);
}
