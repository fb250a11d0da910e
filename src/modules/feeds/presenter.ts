import { formatDate, formatLongDate, formatTime } from '../../i18n/format';
import { texts } from '../../i18n/texts';
import { isAgendaPublic } from '../meetings/meeting-status';
import { meetingHref } from '../meetings/presenter';
import type { CalendarMeetingRow, FeedEntryRow, PublicItemHeading } from './repository';
import type { SiteOrigin } from './site-origin';

/** The fixed date of every tag URI (RFC 4151): ids must never change. */
const TAG_DATE = '2026';

export interface FeedEntry {
  id: string;
  title: string;
  url: string;
  published: Date;
  summary: string;
  category: string;
}

/** What RSS and Atom are both written from. */
export interface Feed {
  id: string;
  title: string;
  description: string;
  /** The HTML page the feed belongs to */
  pageUrl: string;
  rssUrl: string;
  atomUrl: string;
  authorName: string;
  /** The newest entry's time, so an unchanged feed stays byte-for-byte the same */
  updated: Date;
  entries: FeedEntry[];
}

export interface CalendarEvent {
  uid: string;
  stamp: Date;
  created: Date;
  sequence: number;
  start: Date;
  end: Date | null;
  summary: string;
  location: string | null;
  url: string;
  description: string;
  cancelled: boolean;
}

/** A calendar's name and description, for all public committees or for one */
export interface CalendarFrame {
  name: string;
  description: string;
}

export interface Calendar extends CalendarFrame {
  events: CalendarEvent[];
}

/** Whose feed or calendar: all public committees, or one. */
export interface Scope {
  /** For one committee: its name (with its municipality when that is not the primary one) and page */
  committee?: { label: string; slug: string };
  /** The primary municipality, e.g. "Ballerup Kommune" */
  authority: string;
}

/** Two bodies can both have a "Social- og Sundhedsudvalget": name the municipality unless it is the primary one. */
export function committeeLabel(row: { committeeName: string; bodyName: string; bodyIsPrimary: boolean }): string {
  return row.bodyIsPrimary ? row.committeeName : `${row.committeeName} (${row.bodyName})`;
}

/** "Punkt 1 Meddelelser; Punkt 2 …; Punkt 3 Lukket punkt" */
export function itemList(items: PublicItemHeading[] | null, separator = '; '): string {
  return (items ?? []).map((i) => `Punkt ${i.number} ${i.title ?? texts.closedItem}`).join(separator);
}

/** "tirsdag den 8. december 2026 kl. 16.00, Mødelokale 1, Ballerup Rådhus" */
function when(row: { startsAt: Date; location: string | null }): string {
  const time = `${formatLongDate(row.startsAt)} kl. ${formatTime(row.startsAt)}`;
  return row.location ? `${time}, ${row.location}` : time;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function feedPaths(scope: Scope): { page: string; rss: string; atom: string; tag: string } {
  if (scope.committee) {
    const page = `/udvalg/${scope.committee.slug}`;
    return { page, rss: `${page}/rss.xml`, atom: `${page}/atom.xml`, tag: `committee/${scope.committee.slug}` };
  }
  return { page: '/', rss: '/feeds/rss.xml', atom: '/feeds/atom.xml', tag: 'all' };
}

export function presentFeed(rows: FeedEntryRow[], scope: Scope, site: SiteOrigin, now: Date): Feed {
  const paths = feedPaths(scope);
  const entries = rows.map((row): FeedEntry => {
    const label = committeeLabel(row);
    const kind = row.kind === 'agenda' ? texts.agenda : row.version !== null && row.version > 1 ? `${texts.minutes} (version ${row.version})` : texts.minutes;
    const cancelled = row.cancelled ? ' (aflyst)' : '';
    const items = itemList(row.items);
    const summary = [
      row.cancelled ? 'Mødet er aflyst.' : '',
      `${capitalize(when(row))}.`,
      items ? `${items}.` : 'Ingen punkter.',
    ]
      .filter(Boolean)
      .join(' ');
    const idPart = row.kind === 'agenda' ? 'agenda' : `minutes-version-${row.version ?? 1}`;
    return {
      id: `tag:${site.hostname},${TAG_DATE}:meeting-${row.meetingId}/${idPart}`,
      title: `${kind}: ${label} ${formatDate(row.startsAt)}${cancelled}`,
      url: `${site.origin}${meetingHref(row.slug)}`,
      published: row.publishedAt,
      summary,
      category: label,
    };
  });
  const subject = scope.committee ? scope.committee.label : scope.authority;
  return {
    id: `tag:${site.hostname},${TAG_DATE}:feed/${paths.tag}`,
    title: scope.committee ? `${scope.committee.label}: dagsordener og referater` : `Dagsordener og referater – ${scope.authority}`,
    description: `Nye dagsordener og referater fra ${scope.committee ? scope.committee.label : `udvalg, råd og nævn i ${scope.authority}`}.`,
    pageUrl: `${site.origin}${paths.page}`,
    rssUrl: `${site.origin}${paths.rss}`,
    atomUrl: `${site.origin}${paths.atom}`,
    authorName: subject,
    updated: entries[0]?.published ?? now,
    entries,
  };
}

export function presentCalendar(rows: CalendarMeetingRow[], scope: Scope, site: SiteOrigin): Calendar {
  const events = rows.map((row): CalendarEvent => {
    const label = committeeLabel(row);
    const agendaPublic = isAgendaPublic(row.status);
    const meetingUrl = `${site.origin}${meetingHref(row.slug)}`;
    const committeeUrl = `${site.origin}/udvalg/${row.committeeSlug}`;
    const lines = [row.cancelled ? 'Mødet er aflyst.' : ''];
    if (agendaPublic) {
      const items = itemList(row.items, '\n');
      lines.push(items ? `Dagsorden:\n${items}` : 'Dagsordenen har ingen punkter.', '', meetingUrl);
    } else {
      lines.push('Dagsordenen er ikke offentliggjort endnu.', '', committeeUrl);
    }
    return {
      uid: `meeting-${row.meetingId}@${site.hostname}`,
      stamp: row.revisedAt,
      created: row.createdAt,
      sequence: row.sequence,
      start: row.startsAt,
      end: row.endsAt,
      summary: `${row.cancelled ? 'Aflyst: ' : ''}${label}: møde`,
      location: row.location,
      url: agendaPublic ? meetingUrl : committeeUrl,
      description: lines.filter((line, i) => i > 0 || line !== '').join('\n'),
      cancelled: row.cancelled,
    };
  });
  return { ...calendarFrame(scope), events };
}

export function calendarFrame(scope: Scope): CalendarFrame {
  return {
    name: scope.committee ? scope.committee.label : `Mødekalender – ${scope.authority}`,
    description: scope.committee ? `Møder i ${scope.committee.label}` : `Møder i udvalg, råd og nævn – ${scope.authority}`,
  };
}
