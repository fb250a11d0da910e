import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import type { CommitteeKind } from '../committees/repository';
import type { MeetingStatus } from '../meetings/meeting-status';

type Reader = Db | Knex.Transaction;

export interface ConsultationRow {
  id: number;
  itemId: number;
  caseId: number | null;
  slug: string;
  title: string;
  coverText: string | null;
  draftAttachmentId: number | null;
  startsOn: string;
  deadline: string;
  graceDays: number;
  summaryIntro: string | null;
  summaryPublishedAt: Date | null;
  version: number;
  createdAt: Date;
  /** The item the consultation was started from */
  originNumber: number;
  originTitle: string;
  originClosed: boolean;
  originMeetingId: number;
  originMeetingSlug: string;
  originMeetingStatus: MeetingStatus;
  originMeetingStartsAt: Date;
  committeeId: number;
  committeeName: string;
  committeeKind: CommitteeKind;
  bodyId: number;
  bodyName: string;
  caseNumber: string | null;
  caseTitle: string | null;
  draftTitle: string | null;
  draftIsPublic: boolean | null;
  draftHasFile: boolean;
}

const consultationColumns = [
  'k.id as id',
  'k.item_id as itemId',
  'k.case_id as caseId',
  'k.slug as slug',
  'k.title as title',
  'k.cover_text as coverText',
  'k.draft_attachment_id as draftAttachmentId',
  'k.starts_on as startsOn',
  'k.deadline as deadline',
  'k.grace_days as graceDays',
  'k.summary_intro as summaryIntro',
  'k.summary_published_at as summaryPublishedAt',
  'k.version as version',
  'k.created_at as createdAt',
  'i.number as originNumber',
  'i.title as originTitle',
  'i.is_closed as originClosed',
  'm.id as originMeetingId',
  'm.slug as originMeetingSlug',
  'm.status as originMeetingStatus',
  'm.starts_at as originMeetingStartsAt',
  'c.id as committeeId',
  'c.name as committeeName',
  'c.kind as committeeKind',
  'b.id as bodyId',
  'b.name as bodyName',
  's.case_number as caseNumber',
  's.title as caseTitle',
  'a.title as draftTitle',
  'a.is_public as draftIsPublic',
];

function consultationQuery(db: Reader) {
  return db('consultations as k')
    .join('agenda_items as i', 'i.id', 'k.item_id')
    .join('meetings as m', 'm.id', 'i.meeting_id')
    .join('committees as c', 'c.id', 'm.committee_id')
    .join('bodies as b', 'b.id', 'c.body_id')
    .leftJoin('cases as s', 's.id', 'k.case_id')
    .leftJoin('attachments as a', 'a.id', 'k.draft_attachment_id')
    .select([...consultationColumns, db.raw('(a.storage_key IS NOT NULL) AS "draftHasFile"')]);
}

export async function findConsultation(db: Reader, id: number): Promise<ConsultationRow | undefined> {
  return (await consultationQuery(db).where('k.id', id).first()) as ConsultationRow | undefined;
}

export async function findConsultationBySlug(db: Reader, slug: string): Promise<ConsultationRow | undefined> {
  return (await consultationQuery(db).where('k.slug', slug).first()) as ConsultationRow | undefined;
}

export async function consultationsOfItem(db: Reader, itemId: number): Promise<ConsultationRow[]> {
  return (await consultationQuery(db).where('k.item_id', itemId).orderBy('k.starts_on', 'desc').orderBy('k.id', 'desc')) as ConsultationRow[];
}

export async function consultationsOfCase(db: Reader, caseId: number): Promise<ConsultationRow[]> {
  return (await consultationQuery(db).where('k.case_id', caseId).orderBy('k.starts_on').orderBy('k.id')) as ConsultationRow[];
}

/** Every consultation, newest first. Callers filter for the audience. */
export async function allConsultations(db: Reader): Promise<ConsultationRow[]> {
  return (await consultationQuery(db).orderBy('k.starts_on', 'desc').orderBy('k.id', 'desc')) as ConsultationRow[];
}

export interface PartyRow {
  id: number;
  consultationId: number;
  committeeId: number;
  name: string;
  kind: CommitteeKind;
  position: number;
  contactEmail: string | null;
  hasLink: boolean;
  linkExpiresAt: Date | null;
  invitedAt: Date | null;
  responseText: string | null;
  responseSender: string | null;
  responseReceivedAt: Date | null;
  responseSource: 'link' | 'registered' | null;
  responseFileName: string | null;
  responseContentType: string | null;
  responseSizeBytes: number | null;
  responseStorageKey: string | null;
  /** The consultee's own item (committees and boards) */
  itemId: number | null;
  itemNumber: number | null;
  itemClosed: boolean | null;
  itemDecision: string | null;
  meetingId: number | null;
  meetingSlug: string | null;
  meetingStartsAt: Date | null;
  meetingStatus: MeetingStatus | null;
  meetingCancelled: boolean | null;
}

function partyQuery(db: Reader) {
  return db('consultation_parties as p')
    .join('committees as c', 'c.id', 'p.committee_id')
    .leftJoin('agenda_items as i', 'i.id', 'p.item_id')
    .leftJoin('meetings as m', 'm.id', 'i.meeting_id')
    .select(
      'p.id as id',
      'p.consultation_id as consultationId',
      'p.committee_id as committeeId',
      'c.name as name',
      'c.kind as kind',
      'p.position as position',
      'p.contact_email as contactEmail',
      db.raw('(p.token_hash IS NOT NULL) AS "hasLink"'),
      'p.link_expires_at as linkExpiresAt',
      'p.invited_at as invitedAt',
      'p.response_text as responseText',
      'p.response_sender as responseSender',
      'p.response_received_at as responseReceivedAt',
      'p.response_source as responseSource',
      'p.response_file_name as responseFileName',
      'p.response_content_type as responseContentType',
      'p.response_size_bytes as responseSizeBytes',
      'p.response_storage_key as responseStorageKey',
      'p.item_id as itemId',
      'i.number as itemNumber',
      'i.is_closed as itemClosed',
      'i.decision as itemDecision',
      'm.id as meetingId',
      'm.slug as meetingSlug',
      'm.starts_at as meetingStartsAt',
      'm.status as meetingStatus',
      'm.cancelled as meetingCancelled',
    );
}

export async function partiesOf(db: Reader, consultationId: number): Promise<PartyRow[]> {
  return (await partyQuery(db).where('p.consultation_id', consultationId).orderBy([{ column: 'p.position' }, { column: 'p.id' }])) as PartyRow[];
}

export async function findParty(db: Reader, partyId: number): Promise<PartyRow | undefined> {
  return (await partyQuery(db).where('p.id', partyId).first()) as PartyRow | undefined;
}

/** The party a private link belongs to, by the hash of its token. */
export async function partyByTokenHash(db: Reader, hash: string): Promise<PartyRow | undefined> {
  return (await partyQuery(db).where('p.token_hash', hash).first()) as PartyRow | undefined;
}

export interface PointRow {
  id: number;
  partyId: number;
  position: number;
  text: string;
  comment: string | null;
  outcome: 'change' | 'no_change' | 'implementation' | null;
  version: number;
  /** Ids of the points whose answers this one refers to, in order */
  refs: number[];
}

export async function pointsOf(db: Reader, consultationId: number): Promise<PointRow[]> {
  const points = (await db('consultation_points')
    .where({ consultation_id: consultationId })
    .orderBy([{ column: 'party_id' }, { column: 'position' }, { column: 'id' }])
    .select('id', 'party_id as partyId', 'position', 'text', 'comment', 'outcome', 'version')) as Array<Omit<PointRow, 'refs'>>;
  const refs = (await db('consultation_point_refs as r')
    .join('consultation_points as p', 'p.id', 'r.point_id')
    .where('p.consultation_id', consultationId)
    .orderBy([{ column: 'r.point_id' }, { column: 'r.position' }])
    .select('r.point_id as pointId', 'r.target_point_id as targetId')) as Array<{ pointId: number; targetId: number }>;
  return points.map((p) => ({ ...p, refs: refs.filter((r) => r.pointId === p.id).map((r) => r.targetId) }));
}

export interface MeetingOption {
  id: number;
  startsAt: Date;
  status: MeetingStatus;
}

/** Meetings of a committee that can still take a new item: coming, not cancelled, agenda not yet out of drafting. */
export async function meetingOptions(db: Reader, committeeIds: number[], now: Date): Promise<Map<number, MeetingOption[]>> {
  const rows = committeeIds.length
    ? ((await db('meetings')
        .whereIn('committee_id', committeeIds)
        .where('starts_at', '>', now)
        .where('cancelled', false)
        .whereIn('status', ['planned', 'agenda_published'])
        .orderBy('starts_at')
        .select('id', 'committee_id as committeeId', 'starts_at as startsAt', 'status')) as Array<MeetingOption & { committeeId: number }>)
    : [];
  const map = new Map<number, MeetingOption[]>();
  for (const r of rows) {
    const list = map.get(r.committeeId) ?? [];
    list.push({ id: r.id, startsAt: r.startsAt, status: r.status });
    map.set(r.committeeId, list);
  }
  return map;
}

export interface OriginItem {
  id: number;
  number: number;
  title: string;
  isClosed: boolean;
  caseId: number | null;
  caseNumber: string | null;
  meetingId: number;
  meetingStartsAt: Date;
  committeeId: number;
  committeeName: string;
  bodyId: number;
  bodyName: string;
  attachments: Array<{ id: number; title: string; hasFile: boolean }>;
}

/** The item a consultation is started from, with its own attachments (the draft is one of them). */
export async function originItem(db: Reader, itemId: number): Promise<OriginItem | undefined> {
  const row = await db('agenda_items as i')
    .join('meetings as m', 'm.id', 'i.meeting_id')
    .join('committees as c', 'c.id', 'm.committee_id')
    .join('bodies as b', 'b.id', 'c.body_id')
    .leftJoin('cases as s', 's.id', 'i.case_id')
    .where('i.id', itemId)
    .first(
      'i.id as id',
      'i.number as number',
      'i.title as title',
      'i.is_closed as isClosed',
      'i.case_id as caseId',
      's.case_number as caseNumber',
      'm.id as meetingId',
      'm.starts_at as meetingStartsAt',
      'c.id as committeeId',
      'c.name as committeeName',
      'b.id as bodyId',
      'b.name as bodyName',
    );
  if (!row) return undefined;
  const attachments = (await db('attachments')
    .where({ item_id: itemId })
    .whereNull('sub_point_id')
    .orderBy([{ column: 'position' }, { column: 'id' }])
    .select('id', 'title', db.raw('(storage_key IS NOT NULL) AS "hasFile"'))) as OriginItem['attachments'];
  return { ...(row as Omit<OriginItem, 'attachments'>), attachments };
}

export interface ConsulteeOption {
  id: number;
  name: string;
  kind: CommitteeKind;
  contactEmail: string | null;
}

/** Who can be consulted: the body's committees, boards and outside parties, except the committee asking. */
export async function consulteeOptions(db: Reader, bodyId: number, exceptCommitteeId: number): Promise<ConsulteeOption[]> {
  return (await db('committees')
    .where({ body_id: bodyId })
    .whereNot('id', exceptCommitteeId)
    .whereIn('kind', ['committee', 'council', 'advisory_board', 'external_party'])
    .orderBy('name')
    .select('id', 'name', 'kind', 'contact_email as contactEmail')) as ConsulteeOption[];
}

/** The consultations started from any of the given items. */
export async function consultationsOfItems(db: Reader, itemIds: number[]): Promise<ConsultationRow[]> {
  if (itemIds.length === 0) return [];
  return (await consultationQuery(db).whereIn('k.item_id', itemIds).orderBy('k.starts_on').orderBy('k.id')) as ConsultationRow[];
}

export interface ReturningItem {
  id: number;
  number: number;
  title: string;
  isClosed: boolean;
  version: number;
  meetingId: number;
  meetingSlug: string;
  meetingStartsAt: Date;
  meetingStatus: MeetingStatus;
  meetingCancelled: boolean;
  committeeId: number;
  committeeName: string;
}

/**
 * The items a consultation's summary can be attached to: the case's ordinary items
 * on meetings after the one that sent it out (where it returns for decision), other
 * than the consultees' own items, oldest meeting first.
 */
export async function returningItems(db: Reader, c: Pick<ConsultationRow, 'id' | 'caseId' | 'itemId' | 'originMeetingStartsAt'>): Promise<ReturningItem[]> {
  if (c.caseId === null) return [];
  return (await db('agenda_items as i')
    .join('meetings as m', 'm.id', 'i.meeting_id')
    .join('committees as c', 'c.id', 'm.committee_id')
    .where('i.case_id', c.caseId)
    .whereNot('i.id', c.itemId)
    .where('i.kind', 'regular')
    .where('m.starts_at', '>', c.originMeetingStartsAt)
    .whereNot('c.kind', 'external_party')
    .whereNotExists(db('consultation_parties as p').whereRaw('p.item_id = i.id'))
    .orderBy([{ column: 'm.starts_at' }, { column: 'i.number' }])
    .select(
      'i.id as id',
      'i.number as number',
      'i.title as title',
      'i.is_closed as isClosed',
      'i.version as version',
      'm.id as meetingId',
      'm.slug as meetingSlug',
      'm.starts_at as meetingStartsAt',
      'm.status as meetingStatus',
      'm.cancelled as meetingCancelled',
      'c.id as committeeId',
      'c.name as committeeName',
    )) as ReturningItem[];
}

export interface SummaryAttachmentRow {
  id: number;
  itemId: number;
  attachmentId: number | null;
  edition: number;
  contentKey: string;
  storageKey: string;
  automatic: boolean;
  attachedAt: Date;
  /** The attachment as it is now (null when it has been deleted) */
  attachmentTitle: string | null;
  attachmentStorageKey: string | null;
}

/** Every time the consultation's summary was attached to an item, oldest first. */
export async function summaryAttachmentsOf(db: Reader, consultationId: number): Promise<SummaryAttachmentRow[]> {
  return (await db('consultation_summary_attachments as s')
    .leftJoin('attachments as a', 'a.id', 's.attachment_id')
    .where('s.consultation_id', consultationId)
    .orderBy([{ column: 's.attached_at' }, { column: 's.id' }])
    .select(
      's.id as id',
      's.item_id as itemId',
      's.attachment_id as attachmentId',
      's.edition as edition',
      's.content_key as contentKey',
      's.storage_key as storageKey',
      's.automatic as automatic',
      's.attached_at as attachedAt',
      'a.title as attachmentTitle',
      'a.storage_key as attachmentStorageKey',
    )) as SummaryAttachmentRow[];
}
