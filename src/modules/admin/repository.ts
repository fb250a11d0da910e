import type { Db } from '../../db/knex';
import type { User } from '../auth/repository';

export interface AdminMeetingRow {
  id: number;
  slug: string;
  committeeId: number;
  committeeName: string;
  startsAt: Date;
  endsAt: Date | null;
  location: string | null;
  status: string;
  cancelled: boolean;
  version: number;
  bodyId: number;
}

const meetingColumns = [
  'm.id',
  'm.slug',
  'm.committee_id as committeeId',
  'c.name as committeeName',
  'm.starts_at as startsAt',
  'm.ends_at as endsAt',
  'm.location',
  'm.status',
  'm.cancelled',
  'm.version',
  'c.body_id as bodyId',
];

export async function adminMeeting(db: Db, meetingId: number): Promise<AdminMeetingRow | undefined> {
  return db('meetings as m').join('committees as c', 'c.id', 'm.committee_id').where('m.id', meetingId).first(meetingColumns);
}

/** Committees (not outside parties) the user may draft for. */
export async function editableCommittees(db: Db, user: User): Promise<Array<{ id: number; name: string; bodyName: string; kind: string }>> {
  const q = db('committees as c')
    .join('bodies as b', 'b.id', 'c.body_id')
    .whereNot('c.kind', 'external_party')
    .select('c.id', 'c.name', 'b.name as bodyName', 'c.kind')
    .orderBy([{ column: 'b.is_primary', order: 'desc' }, { column: 'b.name' }, { column: 'c.name' }]);
  if (user.role === 'secretary' && !user.allCommittees) q.whereIn('c.id', user.committeeIds.length ? user.committeeIds : [0]);
  return q;
}

export async function upcomingMeetingsFor(db: Db, committeeIds: number[], from: Date): Promise<AdminMeetingRow[]> {
  return db('meetings as m')
    .join('committees as c', 'c.id', 'm.committee_id')
    .whereIn('m.committee_id', committeeIds.length ? committeeIds : [0])
    .where('m.starts_at', '>=', from)
    .select(meetingColumns)
    .orderBy('m.starts_at')
    .limit(50);
}

export interface AdminItemRow {
  id: number;
  number: number;
  position: number;
  title: string;
  kind: string;
  isClosed: boolean;
  supplementary: boolean;
  version: number;
  caseNumber: string | null;
  hasDecision: boolean;
}

export async function adminItems(db: Db, meetingId: number): Promise<AdminItemRow[]> {
  return db('agenda_items as i')
    .leftJoin('cases as k', 'k.id', 'i.case_id')
    .where('i.meeting_id', meetingId)
    .orderBy('i.position')
    .select(
      'i.id',
      'i.number',
      'i.position',
      'i.title',
      'i.kind',
      'i.is_closed as isClosed',
      'i.supplementary',
      'i.version',
      'k.case_number as caseNumber',
      db.raw(`(i.decision IS NOT NULL OR EXISTS (SELECT 1 FROM recommendation_points p WHERE p.item_id = i.id AND p.decision IS NOT NULL)) AS "hasDecision"`),
    );
}

export async function itemForEdit(db: Db, itemId: number) {
  return db('agenda_items as i')
    .join('meetings as m', 'm.id', 'i.meeting_id')
    .join('committees as c', 'c.id', 'm.committee_id')
    .leftJoin('cases as k', 'k.id', 'i.case_id')
    .where('i.id', itemId)
    .first(
      'i.*',
      'm.slug as meetingSlug',
      'm.status as meetingStatus',
      'm.starts_at as meetingStartsAt',
      'm.committee_id as committeeId',
      'c.name as committeeName',
      'c.body_id as bodyId',
      'k.case_number as caseNumber',
      'k.title as caseTitle',
    );
}

/** Meetings an item's case can go on to: coming meetings of the body's committees whose minutes are not yet locked. */
export async function sendOnTargets(db: Db, bodyId: number, exceptMeetingId: number, from: Date): Promise<AdminMeetingRow[]> {
  return db('meetings as m')
    .join('committees as c', 'c.id', 'm.committee_id')
    .where('c.body_id', bodyId)
    .whereNot('c.kind', 'external_party')
    .whereNot('m.id', exceptMeetingId)
    .where('m.cancelled', false)
    .where('m.starts_at', '>=', from)
    .whereIn('m.status', ['planned', 'agenda_published'])
    .select(meetingColumns)
    .orderBy([{ column: 'c.name' }, { column: 'm.starts_at' }]);
}
