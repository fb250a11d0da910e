import type { Db } from '../../db/knex';
import type { ItemKind } from '../items/item-graph';
import type { MeetingStatus } from '../meetings/meeting-status';

/** The meeting's day in Copenhagen, as SQL on a row aliased m. Memberships count when they cover that day. */
const MEETING_DAY = "(m.starts_at AT TIME ZONE 'Europe/Copenhagen')::date";
const ON_DAY = `ms.valid_from <= ${MEETING_DAY} AND (ms.valid_to IS NULL OR ms.valid_to >= ${MEETING_DAY})`;
const ROLE_ORDER = "CASE ms.role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 WHEN 'member' THEN 2 ELSE 3 END";

export type Role = 'chair' | 'vice_chair' | 'member' | 'substitute';
export type AttendanceStatus = 'present' | 'absent' | 'substitute';
export type Choice = 'for' | 'against' | 'abstain';
export type AbsenceReason = 'absent' | 'conflict_of_interest';

export interface RecordingMeeting {
  id: number;
  slug: string;
  committeeId: number;
  committeeName: string;
  bodyName: string;
  startsAt: Date;
  status: MeetingStatus;
  cancelled: boolean;
  version: number;
  /** 'YYYY-MM-DD', the meeting's day in Copenhagen */
  day: string;
}

export async function findMeeting(db: Db, meetingId: number, forUpdate = false): Promise<RecordingMeeting | undefined> {
  const q = db('meetings as m')
    .join('committees as c', 'c.id', 'm.committee_id')
    .join('bodies as b', 'b.id', 'c.body_id')
    .where('m.id', meetingId)
    .first(
      'm.id as id',
      'm.slug as slug',
      'm.committee_id as committeeId',
      'c.name as committeeName',
      'b.name as bodyName',
      'm.starts_at as startsAt',
      'm.status as status',
      'm.cancelled as cancelled',
      'm.version as version',
      db.raw(`to_char(${MEETING_DAY}, 'YYYY-MM-DD') AS day`),
    );
  if (forUpdate) q.forUpdate('m');
  return q;
}

/** A member's seat on the meeting day with what is recorded about it. */
export interface MemberSeat {
  personId: number;
  name: string;
  role: Exclude<Role, 'substitute'>;
  party: string | null;
  attendance: AttendanceStatus | null;
  reason: string | null;
  /** Who attended in the member's seat */
  substituteId: number | null;
}

/** The committee's members (not substitutes) on the meeting day, chair first, then by name. */
export async function membersOnDay(db: Db, meetingId: number): Promise<MemberSeat[]> {
  const result = await db.raw<{ rows: MemberSeat[] }>(
    `SELECT p.id AS "personId", p.name, ms.role, ms.party, a.status AS attendance, a.reason, s.person_id AS "substituteId"
       FROM meetings m
       JOIN memberships ms ON ms.committee_id = m.committee_id AND ${ON_DAY} AND ms.role <> 'substitute'
       JOIN people p ON p.id = ms.person_id
       LEFT JOIN attendance a ON a.meeting_id = m.id AND a.person_id = p.id
       LEFT JOIN attendance s ON s.meeting_id = m.id AND s.substitute_for_person_id = p.id AND s.status = 'substitute'
      WHERE m.id = ?
      ORDER BY ${ROLE_ORDER}, p.name, p.id`,
    [meetingId],
  );
  // A person with two seats on the same day (a data error) is listed once.
  const seen = new Set<number>();
  return result.rows.filter((r) => !seen.has(r.personId) && seen.add(r.personId));
}

export interface SubstituteOption {
  personId: number;
  name: string;
  party: string | null;
  /** Set for the committee's substitutes: the member they are the personal substitute of (null for a general substitute) */
  substituteForPersonId: number | null;
  committeeSubstitute: boolean;
}

/** Everyone who may attend in a member's seat: the committee's substitutes first, then any other person of the body. */
export async function substituteOptions(db: Db, meetingId: number): Promise<SubstituteOption[]> {
  const result = await db.raw<{ rows: SubstituteOption[] }>(
    `SELECT p.id AS "personId", p.name,
            (SELECT ms.party FROM memberships ms
              WHERE ms.person_id = p.id AND ms.party IS NOT NULL AND ${ON_DAY}
              ORDER BY (ms.committee_id = m.committee_id) DESC LIMIT 1) AS party,
            (SELECT ms.substitute_for_person_id FROM memberships ms
              WHERE ms.person_id = p.id AND ms.committee_id = m.committee_id AND ms.role = 'substitute' AND ${ON_DAY}
              ORDER BY ms.substitute_for_person_id NULLS LAST LIMIT 1) AS "substituteForPersonId",
            EXISTS (SELECT 1 FROM memberships ms
              WHERE ms.person_id = p.id AND ms.committee_id = m.committee_id AND ms.role = 'substitute' AND ${ON_DAY}) AS "committeeSubstitute"
       FROM meetings m
       JOIN committees c ON c.id = m.committee_id
       JOIN people p ON p.body_id = c.body_id
      WHERE m.id = ?
        AND NOT EXISTS (SELECT 1 FROM memberships ms
              WHERE ms.person_id = p.id AND ms.committee_id = m.committee_id AND ms.role <> 'substitute' AND ${ON_DAY})
      ORDER BY p.name, p.id`,
    [meetingId],
  );
  return result.rows;
}

export interface AttendanceRow {
  personId: number;
  status: AttendanceStatus;
  reason: string | null;
  substituteForPersonId: number | null;
}

export async function attendanceRows(db: Db, meetingId: number): Promise<AttendanceRow[]> {
  return db('attendance')
    .where({ meeting_id: meetingId })
    .orderBy('person_id')
    .select('person_id as personId', 'status', 'reason', 'substitute_for_person_id as substituteForPersonId');
}

export interface Participant {
  personId: number;
  name: string;
  party: string | null;
  /** 'substitute' for someone attending in a member's seat */
  role: Role;
  substituteForName: string | null;
}

/**
 * Who took part in the meeting: the members on the day who were not absent (no
 * attendance recorded counts as present), then those attending in a member's seat.
 */
export async function meetingParticipantsForRecording(db: Db, meetingId: number): Promise<Participant[]> {
  const members = await membersOnDay(db, meetingId);
  const present: Participant[] = members
    .filter((m) => m.attendance !== 'absent')
    .map((m) => ({ personId: m.personId, name: m.name, party: m.party, role: m.role, substituteForName: null }));
  const result = await db.raw<{ rows: Participant[] }>(
    `SELECT p.id AS "personId", p.name, 'substitute' AS role, f.name AS "substituteForName",
            (SELECT ms.party FROM memberships ms
              WHERE ms.person_id = p.id AND ms.party IS NOT NULL AND ${ON_DAY}
              ORDER BY (ms.committee_id = m.committee_id) DESC LIMIT 1) AS party
       FROM meetings m
       JOIN attendance a ON a.meeting_id = m.id AND a.status = 'substitute'
       JOIN people p ON p.id = a.person_id
       LEFT JOIN people f ON f.id = a.substitute_for_person_id
      WHERE m.id = ?
      ORDER BY p.name, p.id`,
    [meetingId],
  );
  const ids = new Set(present.map((p) => p.personId));
  return [...present, ...result.rows.filter((r) => !ids.has(r.personId))];
}

/** Name and party (as of the meeting day) of any people, for labels of recorded votes, proposers and dissenters. */
export async function peopleOnDay(db: Db, meetingId: number, personIds: number[]): Promise<Map<number, { name: string; party: string | null }>> {
  if (personIds.length === 0) return new Map();
  const result = await db.raw<{ rows: Array<{ id: number; name: string; party: string | null }> }>(
    `SELECT p.id, p.name,
            (SELECT ms.party FROM memberships ms
              WHERE ms.person_id = p.id AND ms.party IS NOT NULL AND ${ON_DAY}
              ORDER BY (ms.committee_id = m.committee_id) DESC LIMIT 1) AS party
       FROM meetings m, people p
      WHERE m.id = ? AND p.id = ANY(?)`,
    [meetingId, personIds],
  );
  return new Map(result.rows.map((r) => [r.id, { name: r.name, party: r.party }]));
}

export interface ItemRecording {
  id: number;
  meetingId: number;
  number: number;
  title: string;
  kind: ItemKind;
  isClosed: boolean;
  version: number;
  decision: string | null;
  points: Array<{ number: number; text: string; decision: string | null }>;
  amendments: Array<{ id: number; position: number; pointNumber: number | null; text: string; outcome: 'adopted' | 'rejected'; proposerIds: number[] }>;
  votes: Array<{ id: number; position: number; amendmentId: number | null; pointNumber: number | null; ballots: Array<{ personId: number; choice: Choice }> }>;
  dissents: Array<{ id: number; position: number; pointNumber: number | null; text: string; personIds: number[] }>;
  absences: Array<{ personId: number; reason: AbsenceReason; note: string | null }>;
}

/** An item with everything recorded on it, in the order it is shown. */
export async function itemRecording(db: Db, itemId: number): Promise<ItemRecording | undefined> {
  const item = (await db('agenda_items')
    .where({ id: itemId })
    .first('id', 'meeting_id as meetingId', 'number', 'title', 'kind', 'is_closed as isClosed', 'version', 'decision')) as
    | Omit<ItemRecording, 'points' | 'amendments' | 'votes' | 'dissents' | 'absences'>
    | undefined;
  if (!item) return undefined;
  // One query after another: inside a transaction they share one connection.
  const queries = [
    db('recommendation_points').where({ item_id: itemId }).orderBy('number').select('number', 'text', 'decision'),
    db('amendments').where({ item_id: itemId }).orderBy('position').select('id', 'position', 'point_number as pointNumber', 'text', 'outcome'),
    db('amendment_proposers as ap')
      .join('amendments as a', 'a.id', 'ap.amendment_id')
      .where('a.item_id', itemId)
      .orderBy(['ap.amendment_id', 'ap.position'])
      .select('ap.amendment_id as amendmentId', 'ap.person_id as personId'),
    db('votes').where({ item_id: itemId }).orderBy('position').select('id', 'position', 'amendment_id as amendmentId', 'point_number as pointNumber'),
    db('vote_ballots as vb')
      .join('votes as v', 'v.id', 'vb.vote_id')
      .where('v.item_id', itemId)
      .orderBy(['vb.vote_id', 'vb.position'])
      .select('vb.vote_id as voteId', 'vb.person_id as personId', 'vb.choice'),
    db('dissents').where({ item_id: itemId }).orderBy('position').select('id', 'position', 'point_number as pointNumber', 'text'),
    db('dissent_persons as dp')
      .join('dissents as d', 'd.id', 'dp.dissent_id')
      .where('d.item_id', itemId)
      .orderBy(['dp.dissent_id', 'dp.position'])
      .select('dp.dissent_id as dissentId', 'dp.person_id as personId'),
    db('item_absences').where({ item_id: itemId }).orderBy('person_id').select('person_id as personId', 'reason', 'note'),
  ];
  const results: unknown[][] = [];
  for (const query of queries) results.push((await query) as unknown[]);
  const [points, amendments, proposers, votes, ballots, dissents, dissentPersons, absences] = results as [unknown[], unknown[], unknown[], unknown[], unknown[], unknown[], unknown[], unknown[]];
  const typedProposers = proposers as Array<{ amendmentId: number; personId: number }>;
  const typedBallots = ballots as Array<{ voteId: number; personId: number; choice: Choice }>;
  const typedDissentPersons = dissentPersons as Array<{ dissentId: number; personId: number }>;
  return {
    ...item,
    points: points as ItemRecording['points'],
    amendments: (amendments as Array<Omit<ItemRecording['amendments'][number], 'proposerIds'>>).map((a) => ({
      ...a,
      proposerIds: typedProposers.filter((p) => p.amendmentId === a.id).map((p) => p.personId),
    })),
    votes: (votes as Array<Omit<ItemRecording['votes'][number], 'ballots'>>).map((v) => ({
      ...v,
      ballots: typedBallots.filter((b) => b.voteId === v.id).map((b) => ({ personId: b.personId, choice: b.choice })),
    })),
    dissents: (dissents as Array<Omit<ItemRecording['dissents'][number], 'personIds'>>).map((d) => ({
      ...d,
      personIds: typedDissentPersons.filter((p) => p.dissentId === d.id).map((p) => p.personId),
    })),
    absences: absences as ItemRecording['absences'],
  };
}

export interface MemberMeetingRow {
  id: number;
  slug: string;
  committeeName: string;
  startsAt: Date;
  status: MeetingStatus;
  cancelled: boolean;
}

/** Meetings of the committees a person sat in on the meeting's day (as member or substitute). */
export async function meetingsOfPerson(db: Db, personId: number, now: Date, recentLimit: number): Promise<{ coming: MemberMeetingRow[]; recent: MemberMeetingRow[] }> {
  const base = `SELECT m.id, m.slug, c.name AS "committeeName", m.starts_at AS "startsAt", m.status, m.cancelled
                  FROM meetings m JOIN committees c ON c.id = m.committee_id
                 WHERE EXISTS (SELECT 1 FROM memberships ms WHERE ms.committee_id = m.committee_id AND ms.person_id = ? AND ${ON_DAY})`;
  const [coming, recent] = await Promise.all([
    db.raw<{ rows: MemberMeetingRow[] }>(`${base} AND m.starts_at >= ? ORDER BY m.starts_at, c.name`, [personId, now]),
    db.raw<{ rows: MemberMeetingRow[] }>(`${base} AND m.starts_at < ? ORDER BY m.starts_at DESC, c.name LIMIT ?`, [personId, now, recentLimit]),
  ]);
  return { coming: coming.rows, recent: recent.rows };
}
