import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { formatNumber } from '../../i18n/format';
import { ConflictError, RuleError } from '../../web/app-errors';
import { NotFoundError } from '../../web/errors';
import { audit } from '../audit/audit';
import { bumpVersion, lockItem, recordChangeNote, type Actor, type LockedItem } from '../items/service';
import { isAgendaPublic, MEETING_STATUSES, type MeetingStatus } from '../meetings/meeting-status';
import { decodeUploadName, sanitizeFileName, stemOf } from './file-name';
import { isStored, removeStoredFile, storageKeyOf, storeFile } from './file-store';
import { findAttachment, findPublicFile, type AttachmentRow } from './repository';
import { sniffFile } from './sniff';

export interface FileDeps {
  /** Where files are stored (DATA_DIR/files) */
  dir: string;
  maxBytes: number;
}

export const MAX_TITLE_LENGTH = 300;

/** Rule codes whose message belongs to the upload's file field. */
export const FILE_RULES = ['file_empty', 'file_too_large', 'file_type'] as const;

export const messages = {
  fileType: 'Filtypen er ikke tilladt. Vælg en PDF-, Word-, Excel- eller billedfil',
  fileEmpty: 'Filen er tom. Vælg en fil med indhold',
  fileMissing: 'Vælg en fil',
  tooLarge: (maxBytes: number) => `Filen er for stor. Den må højst fylde ${formatMegabytes(maxBytes)}`,
  subPointRequired: 'Vælg det meddelelsespunkt, bilaget hører til',
  noSubPoints: 'Punktet har endnu ingen meddelelser. Opret en meddelelse på punktet, før du tilføjer bilag til den',
  subPointForeign: 'Vælg et meddelelsespunkt fra listen',
  locked: 'Referatet er godkendt og låst, så bilagene kan ikke ændres',
} as const;

/** 2097152 → "2 MB"; 1572864 → "1,5 MB"; 2048 → "2 kB"; 17 → "17 byte" */
export function formatFileSize(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB) return formatMegabytes(bytes);
  if (bytes >= 1024) return `${formatNumber(Math.round(bytes / 1024))} kB`;
  return `${formatNumber(bytes)} byte`;
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${formatNumber(mb, Number.isInteger(mb) ? 0 : 1)} MB`;
}

/** What the audit log keeps of an attachment. */
function snapshot(row: AttachmentRow) {
  return {
    title: row.title,
    recommended: row.recommended,
    isPublic: row.isPublic,
    subPointId: row.subPointId,
    position: row.position,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    storageKey: row.storageKey,
  };
}

/**
 * Serialises everything that decides whether a stored file is still needed: an
 * upload referencing the key and the clean-up removing an unreferenced file
 * cannot interleave. Held until the transaction ends.
 */
async function lockStorageKey(trx: Knex.Transaction, key: string): Promise<void> {
  await trx.raw('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [`attachment-file:${key}`]);
}

/** Approved minutes are final (the database refuses changes too): their items' attachments stay as they are. */
export function attachmentsLocked(status: MeetingStatus): boolean {
  return status === 'minutes_approved' || status === 'minutes_published';
}

function checkUnlocked(status: MeetingStatus): void {
  if (attachmentsLocked(status)) throw new RuleError('minutes_locked', messages.locked);
}

/** Fails early (before the file is written) on a stale form or a missing change note; the transaction checks again. */
async function precheck(db: Db, itemId: number, version: number, changeNote: string | undefined): Promise<void> {
  const row = (await db('agenda_items as i').join('meetings as m', 'm.id', 'i.meeting_id').where('i.id', itemId).first('i.version', 'm.status')) as
    | { version: number; status: MeetingStatus }
    | undefined;
  if (!row) throw new NotFoundError('Punktet');
  checkUnlocked(row.status);
  if (row.version !== version) throw new ConflictError(row.version);
  if (isAgendaPublic(row.status) && !changeNote?.trim()) {
    throw new RuleError('change_note_required', 'Dagsordenen er offentliggjort: skriv en kort ændringsnote, som vises på punktet');
  }
}

async function checkSubPoint(trx: Knex.Transaction, item: LockedItem, subPointId: number | null): Promise<void> {
  if (item.kind !== 'announcements') {
    if (subPointId !== null) throw new RuleError('sub_point_foreign', messages.subPointForeign);
    return;
  }
  const subPoints = (await trx('sub_points').where({ item_id: item.id }).pluck('id')) as number[];
  if (subPoints.length === 0) throw new RuleError('sub_point_none', messages.noSubPoints);
  if (subPointId === null) throw new RuleError('sub_point_required', messages.subPointRequired);
  if (!subPoints.includes(subPointId)) throw new RuleError('sub_point_foreign', messages.subPointForeign);
}

export interface NewAttachment {
  itemId: number;
  version: number;
  upload: { name: string; bytes: Buffer };
  /** Empty: the file name without its extension */
  title: string;
  recommended: boolean;
  isPublic: boolean;
  subPointId: number | null;
  changeNote?: string;
  actor: Actor;
  now: Date;
}

/**
 * Adds an uploaded file to an item. The file is checked by its bytes, written to
 * the store first and only then recorded: a failed transaction leaves at most an
 * unreferenced file, never a record without its file.
 */
export async function addAttachment(db: Db, files: FileDeps, input: NewAttachment): Promise<number> {
  const fileName = sanitizeFileName(decodeUploadName(input.upload.name));
  const bytes = input.upload.bytes;
  if (bytes.length === 0) throw new RuleError('file_empty', messages.fileEmpty);
  if (bytes.length > files.maxBytes) throw new RuleError('file_too_large', messages.tooLarge(files.maxBytes));
  const type = sniffFile(bytes, fileName);
  if (!type) throw new RuleError('file_type', messages.fileType);
  const title = (input.title.trim() || stemOf(fileName)).slice(0, MAX_TITLE_LENGTH);

  await precheck(db, input.itemId, input.version, input.changeNote);
  const key = await storeFile(files.dir, bytes);

  return db.transaction(async (trx) => {
    const item = await lockItem(trx, input.itemId, input.version);
    checkUnlocked(item.meetingStatus);
    await checkSubPoint(trx, item, input.subPointId);
    await recordChangeNote(trx, item, input.changeNote, input.actor, input.now);
    await lockStorageKey(trx, key);
    // A clean-up may have removed an identical, unreferenced file since it was written.
    if (!(await isStored(files.dir, key))) await storeFile(files.dir, bytes);
    const max = (await trx('attachments').where({ item_id: item.id }).max('position as max').first()) as { max: number | null } | undefined;
    const [row] = await trx('attachments')
      .insert({
        item_id: item.id,
        sub_point_id: input.subPointId,
        position: (max?.max ?? 0) + 1,
        title,
        recommended: input.recommended,
        is_public: input.isPublic,
        file_name: fileName,
        content_type: type.contentType,
        size_bytes: bytes.length,
        storage_key: key,
      })
      .returning('id');
    const id = (row as { id: number }).id;
    await bumpVersion(trx, item.id);
    const created = await findAttachment(trx, id);
    await audit(trx, { userId: input.actor.userId, action: 'attachment.create', entity: 'attachment', entityId: id, after: created ? snapshot(created) : undefined });
    return id;
  });
}

export interface GeneratedAttachment {
  /** Locked by the caller (lockItem), who has also recorded any change note */
  item: LockedItem;
  /** Already stored with storeFile before the transaction, as uploads are */
  bytes: Buffer;
  fileName: string;
  title: string;
  recommended: boolean;
  isPublic: boolean;
  /** An attachment of the same item that gets this file instead of a new attachment being made */
  replace: number | null;
  actor: Actor;
}

/**
 * Records a document the system made (a consultation's høringsnotat as PDF) on an
 * item, inside the caller's transaction: a new attachment, or a new file for one of
 * the item's own (`replace`). Checked by its bytes and audited as an upload is.
 * Returns the attachment and the storage key it no longer uses (for releaseIfUnreferenced after commit).
 */
export async function putGeneratedAttachment(trx: Knex.Transaction, files: Pick<FileDeps, 'dir'>, input: GeneratedAttachment): Promise<{ id: number; storageKey: string; releasedKey: string | null }> {
  const { item } = input;
  checkUnlocked(item.meetingStatus);
  const fileName = sanitizeFileName(input.fileName);
  const type = sniffFile(input.bytes, fileName);
  if (!type) throw new RuleError('file_type', messages.fileType);
  const key = storageKeyOf(input.bytes);
  await lockStorageKey(trx, key);
  // A clean-up may have removed an identical, unreferenced file since the caller wrote it.
  if (!(await isStored(files.dir, key))) await storeFile(files.dir, input.bytes);
  const title = input.title.trim().slice(0, MAX_TITLE_LENGTH);
  const fileColumns = { file_name: fileName, content_type: type.contentType, size_bytes: input.bytes.length, storage_key: key };
  if (input.replace !== null) {
    const before = await findAttachment(trx, input.replace, { forUpdate: true });
    if (!before || before.itemId !== item.id || before.subPointId !== null) throw new NotFoundError('Bilaget');
    await trx('attachments').where({ id: before.id }).update({ ...fileColumns, updated_at: trx.fn.now() });
    await bumpVersion(trx, item.id);
    const after = await findAttachment(trx, before.id);
    await audit(trx, { userId: input.actor.userId, action: 'attachment.replace_file', entity: 'attachment', entityId: before.id, before: snapshot(before), after: after ? snapshot(after) : undefined });
    return { id: before.id, storageKey: key, releasedKey: before.storageKey !== key ? before.storageKey : null };
  }
  const max = (await trx('attachments').where({ item_id: item.id }).max('position as max').first()) as { max: number | null } | undefined;
  const [row] = await trx('attachments')
    .insert({ item_id: item.id, sub_point_id: null, position: (max?.max ?? 0) + 1, title, recommended: input.recommended, is_public: input.isPublic, ...fileColumns })
    .returning('id');
  const id = (row as { id: number }).id;
  await bumpVersion(trx, item.id);
  const created = await findAttachment(trx, id);
  await audit(trx, { userId: input.actor.userId, action: 'attachment.create', entity: 'attachment', entityId: id, after: created ? snapshot(created) : undefined });
  return { id, storageKey: key, releasedKey: null };
}

export interface AttachmentChange {
  attachmentId: number;
  version: number;
  title: string;
  recommended: boolean;
  isPublic: boolean;
  move: 'up' | 'down' | null;
  changeNote?: string;
  actor: Actor;
  now: Date;
}

/** Locks the attachment's item (version-checked) and the attachment itself. */
async function lockAttachment(trx: Knex.Transaction, attachmentId: number, version: number): Promise<{ item: LockedItem; row: AttachmentRow }> {
  const first = await findAttachment(trx, attachmentId);
  if (!first) throw new NotFoundError('Bilaget');
  const item = await lockItem(trx, first.itemId, version);
  checkUnlocked(item.meetingStatus);
  const row = await findAttachment(trx, attachmentId, { forUpdate: true });
  if (!row || row.itemId !== item.id) throw new NotFoundError('Bilaget');
  return { item, row };
}

/** The attachment next to this one (up or down) among those of the same item and sub-point. */
async function neighbour(trx: Knex.Transaction, row: AttachmentRow, direction: 'up' | 'down'): Promise<{ id: number; position: number } | undefined> {
  const siblings = (await trx('attachments')
    .where({ item_id: row.itemId })
    .whereRaw('sub_point_id IS NOT DISTINCT FROM ?', [row.subPointId])
    .orderBy([{ column: 'position' }, { column: 'id' }])
    .forUpdate()
    .select('id', 'position')) as Array<{ id: number; position: number }>;
  const index = siblings.findIndex((s) => s.id === row.id);
  return siblings[direction === 'up' ? index - 1 : index + 1];
}

/** Changes an attachment's title and flags and/or moves it one place. Returns the item id. */
export async function updateAttachment(db: Db, input: AttachmentChange): Promise<number> {
  return db.transaction(async (trx) => {
    const { item, row } = await lockAttachment(trx, input.attachmentId, input.version);
    const other = input.move ? await neighbour(trx, row, input.move) : undefined;
    const title = input.title.trim().slice(0, MAX_TITLE_LENGTH);
    const changed = title !== row.title || input.recommended !== row.recommended || input.isPublic !== row.isPublic;
    if (!changed && !other) return item.id;
    await recordChangeNote(trx, item, input.changeNote, input.actor, input.now);
    await trx('attachments').where({ id: row.id }).update({ title, recommended: input.recommended, is_public: input.isPublic, updated_at: trx.fn.now() });
    if (other) {
      // Positions are distinct within an item (every insert takes max + 1), so a swap moves it one place.
      await trx('attachments').where({ id: row.id }).update({ position: other.position });
      await trx('attachments').where({ id: other.id }).update({ position: row.position });
    }
    await bumpVersion(trx, item.id);
    const after = await findAttachment(trx, row.id);
    await audit(trx, {
      userId: input.actor.userId,
      action: other ? `attachment.move_${input.move}` : 'attachment.update',
      entity: 'attachment',
      entityId: row.id,
      before: snapshot(row),
      after: after ? snapshot(after) : undefined,
    });
    return item.id;
  });
}

/** Removes an attachment; its file goes too unless another attachment (e.g. a copy sent on to the next meeting) uses it. */
export async function deleteAttachment(db: Db, files: FileDeps, input: { attachmentId: number; version: number; changeNote?: string; actor: Actor; now: Date }): Promise<number> {
  const { itemId, key } = await db.transaction(async (trx) => {
    const { item, row } = await lockAttachment(trx, input.attachmentId, input.version);
    await recordChangeNote(trx, item, input.changeNote, input.actor, input.now);
    await trx('attachments').where({ id: row.id }).delete();
    await bumpVersion(trx, item.id);
    await audit(trx, { userId: input.actor.userId, action: 'attachment.delete', entity: 'attachment', entityId: row.id, before: snapshot(row) });
    return { itemId: item.id, key: row.storageKey };
  });
  if (key) await releaseIfUnreferenced(db, files.dir, key);
  return itemId;
}

/** Removes a stored file no attachment refers to any more. */
export async function releaseIfUnreferenced(db: Db, dir: string, key: string): Promise<void> {
  await db.transaction(async (trx) => {
    await lockStorageKey(trx, key);
    const used = await trx('attachments').where({ storage_key: key }).first('id');
    if (!used) await removeStoredFile(dir, key);
  });
}

const PUBLIC_STATUSES = MEETING_STATUSES.filter(isAgendaPublic);

/** The attachment a citizen asked for, or undefined when it is not (or not yet) public: the caller answers 404 either way. */
export async function publicAttachmentFile(db: Db, attachmentId: number): Promise<AttachmentRow | undefined> {
  return findPublicFile(db, attachmentId, PUBLIC_STATUSES);
}

/** Any attachment of the committee for its staff (authorization is the route's), when it has a file. */
export async function staffAttachmentFile(db: Db, attachmentId: number): Promise<AttachmentRow | undefined> {
  const row = await findAttachment(db, attachmentId);
  return row?.storageKey ? row : undefined;
}
