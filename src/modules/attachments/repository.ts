import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import type { ItemKind } from '../items/item-graph';
import type { MeetingStatus } from '../meetings/meeting-status';

export interface AttachmentRow {
  id: number;
  itemId: number;
  subPointId: number | null;
  position: number;
  title: string;
  recommended: boolean;
  isPublic: boolean;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  storageKey: string | null;
}

/** The item an attachment page is about, with what the page and the rules need. */
export interface AttachmentItem {
  id: number;
  number: number;
  title: string;
  kind: ItemKind;
  isClosed: boolean;
  version: number;
  meetingId: number;
  meetingStatus: MeetingStatus;
  meetingStartsAt: Date;
  committeeName: string;
  committeeKind: string;
  subPoints: Array<{ id: number; number: number; title: string | null }>;
}

const attachmentColumns = [
  'a.id as id',
  'a.item_id as itemId',
  'a.sub_point_id as subPointId',
  'a.position as position',
  'a.title as title',
  'a.recommended as recommended',
  'a.is_public as isPublic',
  'a.file_name as fileName',
  'a.content_type as contentType',
  'a.size_bytes as sizeBytes',
  'a.storage_key as storageKey',
];

/** bigint comes back from pg as a string. */
function toRow(raw: Omit<AttachmentRow, 'sizeBytes'> & { sizeBytes: string | number | null }): AttachmentRow {
  return { ...raw, sizeBytes: raw.sizeBytes === null ? null : Number(raw.sizeBytes) };
}

export async function findAttachmentItem(db: Db, itemId: number): Promise<AttachmentItem | undefined> {
  const row = await db('agenda_items as i')
    .join('meetings as m', 'm.id', 'i.meeting_id')
    .join('committees as c', 'c.id', 'm.committee_id')
    .where('i.id', itemId)
    .first(
      'i.id as id',
      'i.number as number',
      'i.title as title',
      'i.kind as kind',
      'i.is_closed as isClosed',
      'i.version as version',
      'm.id as meetingId',
      'm.status as meetingStatus',
      'm.starts_at as meetingStartsAt',
      'c.name as committeeName',
      'c.kind as committeeKind',
    );
  if (!row) return undefined;
  const subPoints = (await db('sub_points').where({ item_id: itemId }).orderBy('number').select('id', 'number', 'title')) as AttachmentItem['subPoints'];
  return { ...(row as Omit<AttachmentItem, 'subPoints'>), subPoints };
}

/** An item's attachments in their order (sub-points' attachments included). */
export async function attachmentsOfItem(db: Db | Knex.Transaction, itemId: number): Promise<AttachmentRow[]> {
  const rows = await db('attachments as a').where('a.item_id', itemId).orderBy([{ column: 'a.position' }, { column: 'a.id' }]).select(attachmentColumns);
  return rows.map(toRow);
}

export async function findAttachment(db: Db | Knex.Transaction, id: number, options: { forUpdate?: boolean } = {}): Promise<AttachmentRow | undefined> {
  const q = db('attachments as a').where('a.id', id);
  if (options.forUpdate) q.forUpdate();
  const row = await q.first(attachmentColumns);
  return row ? toRow(row) : undefined;
}

/**
 * An attachment citizens may download: it has a file, is marked public, its item
 * is open and its meeting's agenda is public (published, and not an external
 * party's meeting). Anything else is as if it did not exist.
 */
export async function findPublicFile(db: Db, id: number, publicStatuses: readonly MeetingStatus[]): Promise<AttachmentRow | undefined> {
  const row = await db('attachments as a')
    .join('agenda_items as i', 'i.id', 'a.item_id')
    .join('meetings as m', 'm.id', 'i.meeting_id')
    .join('committees as c', 'c.id', 'm.committee_id')
    .where('a.id', id)
    .where('a.is_public', true)
    .whereNotNull('a.storage_key')
    .where('i.is_closed', false)
    .whereIn('m.status', [...publicStatuses])
    .whereNot('c.kind', 'external_party')
    .first(attachmentColumns);
  return row ? toRow(row) : undefined;
}
