import { concurrently, type Db } from '../../db/knex';
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

/** Everything hanging on the given items, read in one query per kind. Pass only items the audience may see. */
export async function itemDetails(db: Db, itemIds: number[]): Promise<ItemDetails> {
  const [tables, points, amendments, proposers, ballots, dissents, dissentPersons, absences, subPoints, attachments, pointBallots, extraSections] = await concurrently(db, [
    () =>
      db('budget_tables').whereIn('item_id', itemIds).orderBy(['item_id', 'position']).select('item_id', 'definition'),
    () =>
      db('recommendation_points').whereIn('item_id', itemIds).orderBy(['item_id', 'number']).select('item_id', 'number', 'text', 'decision'),
    () =>
      db('amendments').whereIn('item_id', itemIds).orderBy(['item_id', 'position']).select('id', 'item_id', 'point_number', 'text', 'outcome'),
    () =>
      db('amendment_proposers as ap')
        .join('amendments as a', 'a.id', 'ap.amendment_id')
        .whereIn('a.item_id', itemIds)
        .orderBy(['ap.amendment_id', 'ap.position'])
        .select('ap.amendment_id', 'ap.person_id'),
    () =>
      db('vote_ballots as vb')
        .join('votes as v', 'v.id', 'vb.vote_id')
        .whereIn('v.item_id', itemIds)
        .whereNotNull('v.amendment_id')
        .orderBy(['v.amendment_id', 'vb.position'])
        .select('v.amendment_id', 'vb.person_id', 'vb.choice'),
    () =>
      db('dissents').whereIn('item_id', itemIds).orderBy(['item_id', 'position']).select('id', 'item_id', 'point_number', 'text'),
    () =>
      db('dissent_persons as dp')
        .join('dissents as d', 'd.id', 'dp.dissent_id')
        .whereIn('d.item_id', itemIds)
        .orderBy(['dp.dissent_id', 'dp.position'])
        .select('dp.dissent_id', 'dp.person_id'),
    () =>
      db('item_absences').whereIn('item_id', itemIds).select('item_id', 'person_id', 'reason', 'note'),
    () =>
      db('sub_points').whereIn('item_id', itemIds).orderBy(['item_id', 'number']).select('id', 'item_id', 'number', 'title', 'body'),
    () =>
      db('attachments')
        .whereIn('item_id', itemIds)
        .orderBy(['item_id', 'position'])
        .select('id', 'item_id', 'sub_point_id', 'title', 'recommended', 'is_public', 'storage_key'),
    () =>
      db('vote_ballots as vb')
        .join('votes as v', 'v.id', 'vb.vote_id')
        .whereIn('v.item_id', itemIds)
        .whereNull('v.amendment_id')
        .whereNotNull('v.point_number')
        .orderBy(['v.item_id', 'v.position', 'vb.position'])
        .select('v.item_id', 'v.point_number', 'vb.person_id', 'vb.choice'),
    () => db('item_extra_sections').whereIn('item_id', itemIds).orderBy(['item_id', 'position']).select('item_id', 'kind', 'label', 'body'),
  ]);
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
