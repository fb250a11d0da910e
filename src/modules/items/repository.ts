import { jsonRows, type Db } from '../../db/knex';
import { budgetTableSchema, type BudgetTable } from '../budget-tables/schema';
import type { ItemKind } from './item-graph';
import { groupBy } from '../../lib/group-by';

export type Audience = 'public' | 'internal';

export interface ItemRow {
  id: number;
  meetingId: number;
  position: number;
  number: number;
  kind: ItemKind;
  isClosed: boolean;
  caseId: number | null;
  postponedFromItemId: number | null;
  title: string;
  summary: string | null;
  background: string | null;
  casePresentation: string | null;
  financialText: string | null;
  decidedByName: string | null;
  recommendationBy: string | null;
  decision: string | null;
  attachmentsNote: string | null;
  /** Added after the agenda was published: part of the tillægsdagsorden */
  supplementary: boolean;
}

/**
 * Items of a meeting in agenda order. For the public a closed item comes back as
 * its number only: its content is not even read from the database.
 */
export async function itemsOfMeeting(db: Db, meetingId: number, audience: Audience): Promise<ItemRow[]> {
  const hide = (column: string, alias: string) =>
    audience === 'public' ? db.raw(`CASE WHEN i.is_closed THEN NULL ELSE ${column} END AS "${alias}"`) : db.raw(`${column} AS "${alias}"`);
  return db('agenda_items as i')
    .leftJoin('committees as dc', 'dc.id', 'i.decided_by_committee_id')
    .where('i.meeting_id', meetingId)
    .select(
      'i.id as id',
      'i.meeting_id as meetingId',
      'i.position as position',
      'i.number as number',
      'i.kind as kind',
      'i.is_closed as isClosed',
      hide('i.case_id', 'caseId'),
      hide('i.postponed_from_item_id', 'postponedFromItemId'),
      audience === 'public' ? db.raw(`CASE WHEN i.is_closed THEN '' ELSE i.title END AS "title"`) : 'i.title as title',
      hide('i.summary', 'summary'),
      hide('i.background', 'background'),
      hide('i.case_presentation', 'casePresentation'),
      hide('i.financial_text', 'financialText'),
      hide('dc.name', 'decidedByName'),
      hide('i.recommendation_by', 'recommendationBy'),
      hide('i.decision', 'decision'),
      hide('i.attachments_note', 'attachmentsNote'),
      'i.supplementary as supplementary',
    )
    .orderBy('i.position');
}

export interface ItemDetails {
  tables: Map<number, BudgetTable[]>;
  points: Map<number, Array<{ number: number; text: string; decision: string | null }>>;
  amendments: Map<number, Array<{ id: number; pointNumber: number | null; text: string; outcome: 'adopted' | 'rejected'; proposerIds: number[] }>>;
  ballots: Map<number, Array<{ personId: number; choice: 'for' | 'against' | 'abstain' }>>; // by amendment id
  /** Named votes on a recommendation point itself (votes without an amendment), by item id */
  pointBallots: Map<number, Array<{ pointNumber: number; personId: number; choice: 'for' | 'against' | 'abstain' }>>;
  dissents: Map<number, Array<{ pointNumber: number | null; text: string; personIds: number[] }>>;
  absences: Map<number, Array<{ personId: number; reason: 'absent' | 'conflict_of_interest'; note: string | null }>>;
  subPoints: Map<number, Array<{ id: number; number: number; title: string | null; body: string }>>;
  attachments: Map<number, Array<{ id: number; subPointId: number | null; title: string; recommended: boolean; isPublic: boolean; hasFile: boolean }>>;
  /** Sections of imported items without a field of their own (src/modules/import), in the export's order */
  extraSections: Map<number, Array<{ kind: 'section' | 'earlier_treatment' | 'decision_history'; label: string; body: string | null }>>;
  personIds: Set<number>;
}

/**
 * Everything hanging on the given items, each kind as a JSON array in one statement: a meeting's view is read for
 * each meeting page (2,750 of them in a large municipality's publish), and twelve round trips cost more than twelve
 * aggregates. Pass only items the audience may see.
 */
const ITEM_DETAILS_SQL = `SELECT
  ${jsonRows({ item_id: 't.item_id', definition: 't.definition' }, 'budget_tables t WHERE t.item_id = ANY(:ids)', 't.item_id, t.position')} AS tables,
  ${jsonRows({ item_id: 'p.item_id', number: 'p.number', text: 'p.text', decision: 'p.decision' }, 'recommendation_points p WHERE p.item_id = ANY(:ids)', 'p.item_id, p.number')} AS points,
  ${jsonRows({ id: 'a.id', item_id: 'a.item_id', point_number: 'a.point_number', text: 'a.text', outcome: 'a.outcome' }, 'amendments a WHERE a.item_id = ANY(:ids)', 'a.item_id, a.position')} AS amendments,
  ${jsonRows({ amendment_id: 'ap.amendment_id', person_id: 'ap.person_id' }, 'amendment_proposers ap JOIN amendments a ON a.id = ap.amendment_id WHERE a.item_id = ANY(:ids)', 'ap.amendment_id, ap.position')} AS proposers,
  ${jsonRows({ amendment_id: 'v.amendment_id', person_id: 'vb.person_id', choice: 'vb.choice' }, 'vote_ballots vb JOIN votes v ON v.id = vb.vote_id WHERE v.item_id = ANY(:ids) AND v.amendment_id IS NOT NULL', 'v.amendment_id, vb.position')} AS ballots,
  ${jsonRows({ id: 'd.id', item_id: 'd.item_id', point_number: 'd.point_number', text: 'd.text' }, 'dissents d WHERE d.item_id = ANY(:ids)', 'd.item_id, d.position')} AS dissents,
  ${jsonRows({ dissent_id: 'dp.dissent_id', person_id: 'dp.person_id' }, 'dissent_persons dp JOIN dissents d ON d.id = dp.dissent_id WHERE d.item_id = ANY(:ids)', 'dp.dissent_id, dp.position')} AS "dissentPersons",
  ${jsonRows({ item_id: 'x.item_id', person_id: 'x.person_id', reason: 'x.reason', note: 'x.note' }, 'item_absences x WHERE x.item_id = ANY(:ids)', 'x.item_id, x.person_id')} AS absences,
  ${jsonRows({ id: 's.id', item_id: 's.item_id', number: 's.number', title: 's.title', body: 's.body' }, 'sub_points s WHERE s.item_id = ANY(:ids)', 's.item_id, s.number')} AS "subPoints",
  ${jsonRows(
    { id: 'f.id', item_id: 'f.item_id', sub_point_id: 'f.sub_point_id', title: 'f.title', recommended: 'f.recommended', is_public: 'f.is_public', storage_key: 'f.storage_key' },
    'attachments f WHERE f.item_id = ANY(:ids)',
    'f.item_id, f.position',
  )} AS attachments,
  ${jsonRows(
    { item_id: 'v.item_id', point_number: 'v.point_number', person_id: 'vb.person_id', choice: 'vb.choice' },
    'vote_ballots vb JOIN votes v ON v.id = vb.vote_id WHERE v.item_id = ANY(:ids) AND v.amendment_id IS NULL AND v.point_number IS NOT NULL',
    'v.item_id, v.position, vb.position',
  )} AS "pointBallots",
  ${jsonRows({ item_id: 'e.item_id', kind: 'e.kind', label: 'e.label', body: 'e.body' }, 'item_extra_sections e WHERE e.item_id = ANY(:ids)', 'e.item_id, e.position')} AS "extraSections"`;

/** Everything hanging on the given items (ITEM_DETAILS_SQL), by item. Pass only items the audience may see. */
export async function itemDetails(db: Db, itemIds: number[]): Promise<ItemDetails> {
  const none = { tables: [], points: [], amendments: [], proposers: [], ballots: [], dissents: [], dissentPersons: [], absences: [], subPoints: [], attachments: [], pointBallots: [], extraSections: [] };
  type Sets = Record<keyof typeof none, unknown[]>;
  const sets: Sets = itemIds.length === 0 ? none : ((await db.raw<{ rows: Sets[] }>(ITEM_DETAILS_SQL, { ids: itemIds })).rows[0] ?? none);
  const { tables, points, amendments, proposers, ballots, dissents, dissentPersons, absences, subPoints, attachments, pointBallots, extraSections } = sets;
  const personIds = new Set<number>();
  const proposersBy = groupBy(proposers as Array<{ amendment_id: number; person_id: number }>, (r) => r.amendment_id);
  const dissentPersonsBy = groupBy(dissentPersons as Array<{ dissent_id: number; person_id: number }>, (r) => r.dissent_id);
  for (const r of [
    ...(proposers as Array<{ person_id: number }>),
    ...(ballots as Array<{ person_id: number }>),
    ...(pointBallots as Array<{ person_id: number }>),
    ...(dissentPersons as Array<{ person_id: number }>),
    ...(absences as Array<{ person_id: number }>),
  ]) {
    personIds.add(r.person_id);
  }
  const mapValues = <K, A, B>(m: Map<K, A[]>, f: (a: A) => B) => new Map([...m].map(([k, v]) => [k, v.map(f)]));
  return {
    tables: mapValues(groupBy(tables as Array<{ item_id: number; definition: unknown }>, (r) => r.item_id), (r) => budgetTableSchema.parse(r.definition)),
    points: mapValues(groupBy(points as Array<{ item_id: number; number: number; text: string; decision: string | null }>, (r) => r.item_id), (r) => ({
      number: r.number,
      text: r.text,
      decision: r.decision,
    })),
    amendments: mapValues(
      groupBy(amendments as Array<{ id: number; item_id: number; point_number: number | null; text: string; outcome: 'adopted' | 'rejected' }>, (r) => r.item_id),
      (r) => ({
        id: r.id,
        pointNumber: r.point_number,
        text: r.text,
        outcome: r.outcome,
        proposerIds: (proposersBy.get(r.id) ?? []).map((p) => p.person_id),
      }),
    ),
    ballots: mapValues(
      groupBy(ballots as Array<{ amendment_id: number; person_id: number; choice: 'for' | 'against' | 'abstain' }>, (r) => r.amendment_id),
      (r) => ({ personId: r.person_id, choice: r.choice }),
    ),
    pointBallots: mapValues(
      groupBy(pointBallots as Array<{ item_id: number; point_number: number; person_id: number; choice: 'for' | 'against' | 'abstain' }>, (r) => r.item_id),
      (r) => ({ pointNumber: r.point_number, personId: r.person_id, choice: r.choice }),
    ),
    dissents: mapValues(groupBy(dissents as Array<{ id: number; item_id: number; point_number: number | null; text: string }>, (r) => r.item_id), (r) => ({
      pointNumber: r.point_number,
      text: r.text,
      personIds: (dissentPersonsBy.get(r.id) ?? []).map((p) => p.person_id),
    })),
    absences: mapValues(
      groupBy(absences as Array<{ item_id: number; person_id: number; reason: 'absent' | 'conflict_of_interest'; note: string | null }>, (r) => r.item_id),
      (r) => ({ personId: r.person_id, reason: r.reason, note: r.note }),
    ),
    subPoints: mapValues(groupBy(subPoints as Array<{ id: number; item_id: number; number: number; title: string | null; body: string }>, (r) => r.item_id), (r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      body: r.body,
    })),
    attachments: mapValues(
      groupBy(
        attachments as Array<{ id: number; item_id: number; sub_point_id: number | null; title: string; recommended: boolean; is_public: boolean; storage_key: string | null }>,
        (r) => r.item_id,
      ),
      (r) => ({ id: r.id, subPointId: r.sub_point_id, title: r.title, recommended: r.recommended, isPublic: r.is_public, hasFile: r.storage_key !== null }),
    ),
    extraSections: mapValues(
      groupBy(extraSections as Array<{ item_id: number; kind: 'section' | 'earlier_treatment' | 'decision_history'; label: string; body: string | null }>, (r) => r.item_id),
      (r) => ({ kind: r.kind, label: r.label, body: r.body }),
    ),
    personIds,
  };
}

export interface TreatmentRow {
  itemId: number;
  caseId: number;
  number: number;
  kind: ItemKind;
  decision: string | null;
  meetingSlug: string;
  meetingStatus: string;
  startsAt: Date;
  committeeName: string;
  viaSubPoint: boolean;
}

/**
 * Every open appearance of the given cases at meetings with a published agenda:
 * the items on the case and the announcement sub-points that belong to it.
 */
export async function caseTreatments(db: Db, caseIds: number[]): Promise<TreatmentRow[]> {
  if (caseIds.length === 0) return [];
  const result = await db.raw<{ rows: TreatmentRow[] }>(
    `SELECT t.* FROM (
       SELECT i.id AS "itemId", i.case_id AS "caseId", i.number, i.kind, i.decision, m.slug AS "meetingSlug", m.status AS "meetingStatus",
              m.starts_at AS "startsAt", c.name AS "committeeName", false AS "viaSubPoint"
         FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id JOIN committees c ON c.id = m.committee_id
        WHERE i.case_id = ANY(?) AND NOT i.is_closed
       UNION ALL
       SELECT i.id, s.case_id, i.number, i.kind, NULL, m.slug, m.status, m.starts_at, c.name, true
         FROM sub_points s JOIN agenda_items i ON i.id = s.item_id JOIN meetings m ON m.id = i.meeting_id JOIN committees c ON c.id = m.committee_id
        WHERE s.case_id = ANY(?) AND NOT i.is_closed
     ) t
     WHERE t."meetingStatus" <> 'planned'
     ORDER BY t."startsAt", t.number`,
    [caseIds, caseIds],
  );
  return result.rows;
}

export interface PostponementRow {
  itemId: number;
  decision: string | null;
  startsAt: Date;
  committeeName: string;
  meetingStatus: string;
}

/** The earlier decisions on an item carried forward ("Beslutningshistorik"), oldest first. */
export async function postponementChain(db: Db, firstEarlierItemId: number): Promise<PostponementRow[]> {
  const result = await db.raw<{ rows: PostponementRow[] }>(
    `WITH RECURSIVE chain AS (
       SELECT i.id, i.postponed_from_item_id, 0 AS depth FROM agenda_items i WHERE i.id = ?
       UNION ALL
       SELECT i.id, i.postponed_from_item_id, chain.depth + 1 FROM agenda_items i JOIN chain ON i.id = chain.postponed_from_item_id
        WHERE chain.depth < 50
     )
     SELECT i.id AS "itemId", i.decision, m.starts_at AS "startsAt", c.name AS "committeeName", m.status AS "meetingStatus"
       FROM chain JOIN agenda_items i ON i.id = chain.id JOIN meetings m ON m.id = i.meeting_id JOIN committees c ON c.id = m.committee_id
      WHERE NOT i.is_closed
      ORDER BY m.starts_at`,
    [firstEarlierItemId],
  );
  return result.rows;
}

/** Public, dated notes of changes made after an agenda was published, oldest first. */
export async function changeNotes(db: Db, itemIds: number[]): Promise<Map<number, Array<{ changedAt: Date; note: string }>>> {
  const rows = (await db('item_change_notes').whereIn('item_id', itemIds).orderBy(['item_id', 'changed_at', 'id']).select('item_id', 'changed_at', 'note')) as Array<{
    item_id: number;
    changed_at: Date;
    note: string;
  }>;
  const map = new Map<number, Array<{ changedAt: Date; note: string }>>();
  for (const r of rows) map.set(r.item_id, [...(map.get(r.item_id) ?? []), { changedAt: r.changed_at, note: r.note }]);
  return map;
}
