import type { Db } from '../../db/knex';
import type { MeetingStatus } from './meeting-status';

export interface MeetingRow {
  id: number;
  slug: string;
  committeeId: number;
  committeeName: string;
  committeeSlug: string;
  committeeKind: string;
  bodyName: string;
  startsAt: Date;
  endsAt: Date | null;
  location: string | null;
  status: MeetingStatus;
  cancelled: boolean;
}

const columns = [
  'm.id as id',
  'm.slug as slug',
  'm.committee_id as committeeId',
  'c.name as committeeName',
  'c.slug as committeeSlug',
  'c.kind as committeeKind',
  'b.name as bodyName',
  'm.starts_at as startsAt',
  'm.ends_at as endsAt',
  'm.location as location',
  'm.status as status',
  'm.cancelled as cancelled',
];


function base(db: Db) {
  return db('meetings as m').join('committees as c', 'c.id', 'm.committee_id').join('bodies as b', 'b.id', 'c.body_id');
}

export async function findMeetingBySlug(db: Db, slug: string): Promise<MeetingRow | undefined> {
  return base(db).where('m.slug', slug).first(columns);
}

/** Meetings from now on, planned ones included (citizens see the date; the agenda when it is published). */
export async function upcomingMeetings(db: Db, now: Date, limit: number): Promise<MeetingRow[]> {
  return base(db).where('m.starts_at', '>=', now).where('m.cancelled', false).select(columns).orderBy('m.starts_at').limit(limit);
}

export async function latestPublishedMinutes(db: Db, limit: number): Promise<MeetingRow[]> {
  return base(db).where('m.status', 'minutes_published').select(columns).orderBy('m.starts_at', 'desc').limit(limit);
}

export async function meetingsOfCommittee(db: Db, committeeId: number): Promise<MeetingRow[]> {
  return base(db).where('m.committee_id', committeeId).select(columns).orderBy('m.starts_at', 'desc');
}


export interface ParticipantRow {
  personId: number;
  name: string;
  role: 'chair' | 'vice_chair' | 'member' | 'substitute';
  party: string | null;
  attendance: 'present' | 'absent' | 'substitute' | null;
  reason: string | null;
  substituteForName: string | null;
}

/**
 * The committee's members on the meeting day (substitutes only when they attended),
 * with their attendance, chair first, then by name.
 */
export async function meetingParticipants(db: Db, meetingId: number): Promise<ParticipantRow[]> {
  const rows = await db.raw<{ rows: ParticipantRow[] }>(
    `SELECT p.id AS "personId", p.name, ms.role, ms.party, a.status AS attendance, a.reason,
            sp.name AS "substituteForName"
       FROM meetings m
       JOIN memberships ms ON ms.committee_id = m.committee_id
        AND ms.valid_from <= (m.starts_at AT TIME ZONE 'Europe/Copenhagen')::date
        AND (ms.valid_to IS NULL OR ms.valid_to >= (m.starts_at AT TIME ZONE 'Europe/Copenhagen')::date)
       JOIN people p ON p.id = ms.person_id
       LEFT JOIN attendance a ON a.meeting_id = m.id AND a.person_id = p.id
       LEFT JOIN people sp ON sp.id = a.substitute_for_person_id
      WHERE m.id = ? AND (ms.role <> 'substitute' OR a.status = 'substitute')
      ORDER BY CASE ms.role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 WHEN 'member' THEN 2 ELSE 3 END, p.name`,
    [meetingId],
  );
  return rows.rows;
}

/** Party letters of people as of a meeting's day (their seat in any committee of the body). */
export async function partiesOnDay(db: Db, meetingId: number, personIds: number[]): Promise<Map<number, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db.raw<{ rows: Array<{ person_id: number; party: string }> }>(
    `SELECT DISTINCT ON (ms.person_id) ms.person_id, ms.party
       FROM meetings m, memberships ms
      WHERE m.id = ? AND ms.person_id = ANY(?) AND ms.party IS NOT NULL
        AND ms.valid_from <= (m.starts_at AT TIME ZONE 'Europe/Copenhagen')::date
        AND (ms.valid_to IS NULL OR ms.valid_to >= (m.starts_at AT TIME ZONE 'Europe/Copenhagen')::date)
      ORDER BY ms.person_id, (ms.committee_id = m.committee_id) DESC`,
    [meetingId, personIds],
  );
  return new Map(rows.rows.map((r) => [r.person_id, r.party]));
}
