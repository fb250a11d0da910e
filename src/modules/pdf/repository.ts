import type { Db } from '../../db/knex';
import type { MeetingStatus } from '../meetings/meeting-status';

export interface PdfMeetingRow {
  id: number;
  slug: string;
  status: MeetingStatus;
}

export async function meetingBySlug(db: Db, slug: string): Promise<PdfMeetingRow | undefined> {
  return db('meetings').where({ slug }).first('id', 'slug', 'status');
}

export async function meetingById(db: Db, id: number): Promise<PdfMeetingRow | undefined> {
  return db('meetings').where({ id }).first('id', 'slug', 'status');
}

export interface PdfAttachmentRow {
  id: number;
  title: string;
  storageKey: string;
}

/**
 * The meeting's attachments that may be appended to its "samlet dokument": PDF
 * files of open items, marked public, in the order of the items (an item's own
 * attachments before its sub-points'). Each is checked again through the public
 * download rule by the caller.
 */
export async function pdfAttachmentsOfMeeting(db: Db, meetingId: number): Promise<PdfAttachmentRow[]> {
  return db('attachments as a')
    .join('agenda_items as i', 'i.id', 'a.item_id')
    .leftJoin('sub_points as s', 's.id', 'a.sub_point_id')
    .where('i.meeting_id', meetingId)
    .where('i.is_closed', false)
    .where('a.is_public', true)
    .whereNotNull('a.storage_key')
    .where('a.content_type', 'application/pdf')
    .orderBy([{ column: 'i.number' }, { column: 's.number', nulls: 'first' }, { column: 'a.position' }, { column: 'a.id' }])
    .select('a.id as id', 'a.title as title', 'a.storage_key as storageKey');
}
