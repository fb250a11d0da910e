import type { Db } from '../../db/knex';
import type { MeetingStatus } from '../meetings/meeting-status';

export interface CaseRow {
  id: number;
  caseNumber: string;
  title: string;
  bodyName: string;
}

const CASE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9.-]{0,59}$/;

/**
 * A case by the reference in its URL: all digits is its id, anything else its case
 * number (e.g. 27.00.00-A00-9-22); a number used by several bodies resolves to the primary body's case.
 */
export async function findCaseByRef(db: Db, ref: string): Promise<CaseRow | undefined> {
  const q = db('cases as s').join('bodies as b', 'b.id', 's.body_id').select('s.id as id', 's.case_number as caseNumber', 's.title as title', 'b.name as bodyName');
  if (/^\d{1,10}$/.test(ref)) {
    const id = Number(ref);
    if (id < 1 || id > 2_147_483_647) return undefined;
    return (await q.where('s.id', id).first()) as CaseRow | undefined;
  }
  if (!CASE_NUMBER.test(ref)) return undefined;
  return (await q.where('s.case_number', ref).orderBy('b.is_primary', 'desc').orderBy('s.id').first()) as CaseRow | undefined;
}

export interface CaseAppearance {
  itemId: number;
  number: number;
  title: string;
  kind: string;
  decision: string | null;
  meetingSlug: string;
  meetingStatus: MeetingStatus;
  startsAt: Date;
  cancelled: boolean;
  committeeId: number;
  committeeName: string;
  committeeSlug: string;
  /** The case appears as an announcement (a sub-point) of this item */
  subPointTitle: string | null;
  viaSubPoint: boolean;
}

/**
 * Every public appearance of a case: open items (and announcement sub-points) on the
 * case at meetings whose agenda is published. A closed item is never read here.
 */
export async function publicAppearances(db: Db, caseId: number): Promise<CaseAppearance[]> {
  const result = await db.raw<{ rows: CaseAppearance[] }>(
    `SELECT t.* FROM (
       SELECT i.id AS "itemId", i.number, i.title, i.kind, i.decision, m.slug AS "meetingSlug", m.status AS "meetingStatus",
              m.starts_at AS "startsAt", m.cancelled, c.id AS "committeeId", c.name AS "committeeName", c.slug AS "committeeSlug",
              NULL::text AS "subPointTitle", false AS "viaSubPoint"
         FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id JOIN committees c ON c.id = m.committee_id
        WHERE i.case_id = ? AND NOT i.is_closed
       UNION ALL
       SELECT i.id, i.number, i.title, i.kind, NULL, m.slug, m.status, m.starts_at, m.cancelled, c.id, c.name, c.slug, s.title, true
         FROM sub_points s JOIN agenda_items i ON i.id = s.item_id JOIN meetings m ON m.id = i.meeting_id JOIN committees c ON c.id = m.committee_id
        WHERE s.case_id = ? AND NOT i.is_closed
     ) t
     JOIN committees c2 ON c2.id = t."committeeId"
     WHERE t."meetingStatus" <> 'planned' AND c2.kind <> 'external_party'
     ORDER BY t."startsAt", t.number`,
    [caseId, caseId],
  );
  return result.rows;
}

/** Decisions per recommendation point of the given (open) items. */
export async function pointDecisions(db: Db, itemIds: number[]): Promise<Map<number, Array<{ number: number; decision: string }>>> {
  const map = new Map<number, Array<{ number: number; decision: string }>>();
  if (itemIds.length === 0) return map;
  const rows = (await db('recommendation_points').whereIn('item_id', itemIds).whereNotNull('decision').orderBy(['item_id', 'number']).select('item_id', 'number', 'decision')) as Array<{
    item_id: number;
    number: number;
    decision: string;
  }>;
  for (const r of rows) map.set(r.item_id, [...(map.get(r.item_id) ?? []), { number: r.number, decision: r.decision }]);
  return map;
}

export async function hasClosedItems(db: Db, caseId: number): Promise<boolean> {
  return Boolean(await db('agenda_items').where({ case_id: caseId, is_closed: true }).first('id'));
}

export interface ProcessStepRow {
  id: number;
  position: number;
  plannedOn: string;
  plannedUntil: string | null;
  committeeId: number | null;
  committeeName: string | null;
  title: string;
  description: string | null;
}

export async function processSteps(db: Db, caseId: number): Promise<ProcessStepRow[]> {
  return (await db('case_process_steps as p')
    .leftJoin('committees as c', 'c.id', 'p.committee_id')
    .where('p.case_id', caseId)
    .orderBy('p.position')
    .select(
      'p.id as id',
      'p.position as position',
      'p.planned_on as plannedOn',
      'p.planned_until as plannedUntil',
      'p.committee_id as committeeId',
      'c.name as committeeName',
      'p.title as title',
      'p.description as description',
    )) as ProcessStepRow[];
}
