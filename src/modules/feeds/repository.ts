import type { Db } from '../../db/knex';
import { isAgendaPublic, MEETING_STATUSES, type MeetingStatus } from '../meetings/meeting-status';

/** An agenda item as feeds and calendars may show it: a closed item's title never leaves the database. */
export interface PublicItemHeading {
  number: number;
  /** null for a closed item */
  title: string | null;
}

interface MeetingColumns {
  meetingId: number;
  slug: string;
  startsAt: Date;
  endsAt: Date | null;
  location: string | null;
  status: MeetingStatus;
  cancelled: boolean;
  committeeName: string;
  committeeSlug: string;
  bodyName: string;
  bodyIsPrimary: boolean;
  /** Only when the agenda is public; null otherwise (or when the meeting has no items) */
  items: PublicItemHeading[] | null;
}

export interface FeedEntryRow extends MeetingColumns {
  kind: 'agenda' | 'minutes';
  /** The minutes version; null for an agenda */
  version: number | null;
  publishedAt: Date;
}

export interface CalendarMeetingRow extends MeetingColumns {
  /** When the meeting's public information last changed (DTSTAMP, LAST-MODIFIED) */
  revisedAt: Date;
  createdAt: Date;
  sequence: number;
}

const PUBLIC_AGENDA_STATUSES: readonly MeetingStatus[] = MEETING_STATUSES.filter(isAgendaPublic);

/**
 * The items of meeting m as JSON, closed titles replaced by null inside the query.
 * Only for meetings whose agenda is public: a planned meeting's draft items stay private.
 */
const ITEMS_SQL = `CASE WHEN m.status = ANY(:statuses) THEN (
    SELECT json_agg(json_build_object('number', i.number, 'title', CASE WHEN i.is_closed THEN NULL ELSE i.title END) ORDER BY i.position)
      FROM agenda_items i WHERE i.meeting_id = m.id
  ) END AS items`;

const MEETING_SQL = `m.id AS "meetingId", m.slug, m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.location, m.status, m.cancelled,
       c.name AS "committeeName", c.slug AS "committeeSlug", b.name AS "bodyName", b.is_primary AS "bodyIsPrimary"`;

/**
 * The newest published agendas and minutes versions, newest first, in one query.
 * An agenda without a recorded publication time (demo data, imports) counts as
 * published when the meeting was created, but never later than the meeting itself.
 */
export async function feedEntries(db: Db, options: { committeeId?: number; limit: number }): Promise<FeedEntryRow[]> {
  const committeeFilter = options.committeeId === undefined ? '' : 'AND c.id = :committeeId';
  const result = await db.raw<{ rows: FeedEntryRow[] }>(
    `WITH entries AS (
       SELECT m.id AS meeting_id, 'agenda' AS kind, NULL::integer AS version,
              COALESCE(m.agenda_published_at, LEAST(m.created_at, m.starts_at)) AS published_at
         FROM meetings m JOIN committees c ON c.id = m.committee_id
        WHERE m.status = ANY(:statuses) AND c.kind <> 'external_party' ${committeeFilter}
       UNION ALL
       SELECT v.meeting_id, 'minutes', v.version, v.published_at
         FROM minutes_versions v JOIN meetings m ON m.id = v.meeting_id JOIN committees c ON c.id = m.committee_id
        WHERE v.published_at IS NOT NULL AND m.status = ANY(:statuses) AND c.kind <> 'external_party' ${committeeFilter}
       ORDER BY published_at DESC, meeting_id DESC, kind DESC, version DESC
       LIMIT :limit
     )
     SELECT e.kind, e.version, e.published_at AS "publishedAt", ${MEETING_SQL}, ${ITEMS_SQL}
       FROM entries e
       JOIN meetings m ON m.id = e.meeting_id
       JOIN committees c ON c.id = m.committee_id
       JOIN bodies b ON b.id = c.body_id
      ORDER BY e.published_at DESC, e.meeting_id DESC, e.kind DESC, e.version DESC`,
    { statuses: PUBLIC_AGENDA_STATUSES, committeeId: options.committeeId ?? null, limit: options.limit },
  );
  return result.rows;
}

/**
 * Every meeting of the public committees (or of one), planned and cancelled ones included, in one query: by
 * committee (slug order, as publicCommitteeSlugs), each committee's oldest first. So the calendar of all meetings
 * is its committees' calendars one after the other, and the publisher joins their files (service.ts, joinedCalendar).
 */
export async function calendarMeetings(db: Db, options: { committeeId?: number }): Promise<CalendarMeetingRow[]> {
  const committeeFilter = options.committeeId === undefined ? '' : 'AND c.id = :committeeId';
  const result = await db.raw<{ rows: CalendarMeetingRow[] }>(
    `SELECT ${MEETING_SQL}, ${ITEMS_SQL},
            GREATEST(m.updated_at, m.agenda_published_at) AS "revisedAt", m.created_at AS "createdAt", m.version AS sequence
       FROM meetings m
       JOIN committees c ON c.id = m.committee_id
       JOIN bodies b ON b.id = c.body_id
      WHERE c.kind <> 'external_party' ${committeeFilter}
      ORDER BY c.slug, m.starts_at, m.id`,
    { statuses: PUBLIC_AGENDA_STATUSES, committeeId: options.committeeId ?? null },
  );
  return result.rows;
}

/** The committees with public feeds and calendars (every kind but outside parties), in slug order. */
export async function publicCommitteeSlugs(db: Db): Promise<string[]> {
  return (await db('committees').whereNot('kind', 'external_party').orderBy('slug').pluck('slug')) as string[];
}
