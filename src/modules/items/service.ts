import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { ConflictError, RuleError } from '../../web/app-errors';
import { NotFoundError } from '../../web/errors';
import { audit } from '../audit/audit';
import { isAgendaPublic, type MeetingStatus } from '../meetings/meeting-status';
import { sanitizeRichText } from '../sanitize/html';
import { insertItemGraph, type ItemKind } from './item-graph';

export interface Actor {
  userId: number;
}

/** Editable text fields of an item, as stored (sanitized HTML for the sections). */
export interface ItemFields {
  title: string;
  isClosed: boolean;
  caseId: number | null;
  summary: string | null;
  background: string | null;
  casePresentation: string | null;
  financialText: string | null;
  decidedByCommitteeId: number | null;
  recommendationBy: string | null;
  points: string[];
}

const COLUMN: Record<Exclude<keyof ItemFields, 'points'>, string> = {
  title: 'title',
  isClosed: 'is_closed',
  caseId: 'case_id',
  summary: 'summary',
  background: 'background',
  casePresentation: 'case_presentation',
  financialText: 'financial_text',
  decidedByCommitteeId: 'decided_by_committee_id',
  recommendationBy: 'recommendation_by',
};

export interface LockedItem {
  id: number;
  meetingId: number;
  version: number;
  kind: ItemKind;
  meetingStatus: MeetingStatus;
  number: number;
}

/**
 * Locks an item for a change and checks the version the user's form was based on.
 * Every editor of an item's content goes through this, so two secretaries cannot
 * overwrite each other silently.
 */
export async function lockItem(trx: Knex.Transaction, itemId: number, expectedVersion: number | undefined): Promise<LockedItem> {
  const row = (await trx('agenda_items as i')
    .join('meetings as m', 'm.id', 'i.meeting_id')
    .where('i.id', itemId)
    .forUpdate()
    .first('i.id', 'i.meeting_id as meetingId', 'i.version', 'i.kind', 'm.status as meetingStatus', 'i.number')) as LockedItem | undefined;
  if (!row) throw new NotFoundError('Punktet');
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw new ConflictError(row.version);
  return row;
}

export async function bumpVersion(trx: Knex.Transaction, itemId: number): Promise<number> {
  const [row] = await trx('agenda_items').where({ id: itemId }).increment('version', 1).update({ updated_at: trx.fn.now() }).returning('version');
  return (row as { version: number }).version;
}

/** After the agenda is published, changes are public: they need a note, shown with its date. */
export async function recordChangeNote(trx: Knex.Transaction, item: LockedItem, note: string | undefined, actor: Actor, now: Date): Promise<void> {
  if (!isAgendaPublic(item.meetingStatus)) return;
  const text = note?.trim();
  if (!text) throw new RuleError('change_note_required', 'Dagsordenen er offentliggjort: skriv en kort ændringsnote, som vises på punktet');
  await trx('item_change_notes').insert({ item_id: item.id, changed_at: now, note: text, user_id: actor.userId });
}

async function readFields(trx: Knex.Transaction, itemId: number): Promise<ItemFields> {
  const row = await trx('agenda_items').where({ id: itemId }).first();
  const points = (await trx('recommendation_points').where({ item_id: itemId }).orderBy('number').pluck('text')) as string[];
  return {
    title: row.title,
    isClosed: row.is_closed,
    caseId: row.case_id,
    summary: row.summary,
    background: row.background,
    casePresentation: row.case_presentation,
    financialText: row.financial_text,
    decidedByCommitteeId: row.decided_by_committee_id,
    recommendationBy: row.recommendation_by,
    points,
  };
}

/** Saves the text of an item: version-checked, audited, with a public change note once the agenda is published. */
export async function updateItemFields(
  db: Db,
  input: { itemId: number; version: number; fields: ItemFields; changeNote?: string; actor: Actor; now: Date },
): Promise<number> {
  return db.transaction(async (trx) => {
    const item = await lockItem(trx, input.itemId, input.version);
    const before = await readFields(trx, item.id);
    const f = input.fields;
    const clean = (html: string | null) => (html === null || html.trim() === '' ? null : sanitizeRichText(html));
    const after: ItemFields = {
      ...f,
      summary: clean(f.summary),
      background: clean(f.background),
      casePresentation: clean(f.casePresentation),
      financialText: clean(f.financialText),
      points: f.points.map((p) => sanitizeRichText(p)),
    };
    if (JSON.stringify(before) === JSON.stringify(after)) return item.version;
    await recordChangeNote(trx, item, input.changeNote, input.actor, input.now);
    const update: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(COLUMN)) update[column] = after[key as keyof typeof COLUMN];
    await trx('agenda_items').where({ id: item.id }).update(update);
    // Points keep their per-point decisions when only the wording changes.
    const existing = (await trx('recommendation_points').where({ item_id: item.id }).select('number', 'decision')) as Array<{ number: number; decision: string | null }>;
    await trx('recommendation_points').where({ item_id: item.id }).delete();
    for (const [i, text] of after.points.entries()) {
      await trx('recommendation_points').insert({ item_id: item.id, number: i + 1, text, decision: existing.find((p) => p.number === i + 1)?.decision ?? null });
    }
    const version = await bumpVersion(trx, item.id);
    await audit(trx, { userId: input.actor.userId, action: 'item.update', entity: 'agenda_item', entityId: item.id, before, after });
    return version;
  });
}

/**
 * Adds an item before the meeting's signature item (which stays last). Items added
 * after the agenda is published form the supplementary agenda (tillægsdagsorden).
 */
export async function createItem(
  db: Db,
  input: { meetingId: number; title: string; kind: ItemKind; isClosed: boolean; caseId: number; actor: Actor; copyFrom?: number; postponedFromItemId?: number | null },
): Promise<number> {
  return db.transaction(async (trx) => {
    const meeting = await trx('meetings').where({ id: input.meetingId }).forUpdate().first('id', 'status', 'committee_id');
    if (!meeting) throw new NotFoundError('Mødet');
    const items = (await trx('agenda_items').where({ meeting_id: meeting.id }).orderBy('position').select('id', 'position', 'number', 'kind')) as Array<{
      id: number;
      position: number;
      number: number;
      kind: ItemKind;
    }>;
    const signature = items.find((i) => i.kind === 'minutes_approval');
    const published = isAgendaPublic(meeting.status as MeetingStatus);
    let position: number;
    let number: number;
    if (signature) {
      // Shift the signature item one place on; the new item takes its place. Positions are unique, so move it out of the way first.
      await trx('agenda_items').where({ id: signature.id }).update({ position: -1, number: 100000 });
      position = signature.position;
      number = signature.number;
      await trx('agenda_items').where({ id: signature.id }).update({ position: position + 1, number: number + 1 });
    } else {
      position = (items.at(-1)?.position ?? 0) + 1;
      number = (items.at(-1)?.number ?? 0) + 1;
    }
    const source = input.copyFrom ? await trx('agenda_items').where({ id: input.copyFrom }).first() : undefined;
    const itemId = await insertItemGraph(trx, meeting.id, {
      number,
      position,
      kind: input.kind,
      isClosed: input.isClosed,
      caseId: input.caseId,
      postponedFromItemId: input.postponedFromItemId ?? null,
      title: input.title,
      summary: source?.summary ?? null,
      background: source?.background ?? null,
      casePresentation: source?.case_presentation ?? null,
      financialText: source?.financial_text ?? null,
      decidedByCommitteeId: source?.decided_by_committee_id ?? null,
      recommendationBy: source?.recommendation_by ?? null,
      decision: null,
      attachmentsNote: null,
      tables: [],
      points: [],
      amendments: [],
      dissents: [],
      absences: [],
      subPoints: [],
      attachments: [],
    });
    if (published) await trx('agenda_items').where({ id: itemId }).update({ supplementary: true });
    if (source) await copyItemContent(trx, source.id as number, itemId);
    await audit(trx, { userId: input.actor.userId, action: source ? 'item.send_on' : 'item.create', entity: 'agenda_item', entityId: itemId, after: { meetingId: meeting.id, title: input.title, number, fromItemId: source?.id ?? null } });
    return itemId;
  });
}

/** Carries a case's texts forward: tables, recommendation points (without decisions) and attachment records. */
async function copyItemContent(trx: Knex.Transaction, fromId: number, toId: number): Promise<void> {
  // A confirmation of a table's numbers travels with exactly those numbers.
  const tables = await trx('budget_tables').where({ item_id: fromId }).orderBy('position').select('position', 'definition', 'confirmed_definition_hash', 'confirmed_by_user_id', 'confirmed_at');
  for (const t of tables) await trx('budget_tables').insert({ ...t, item_id: toId, definition: JSON.stringify(t.definition) });
  const points = await trx('recommendation_points').where({ item_id: fromId }).orderBy('number').select('number', 'text');
  for (const p of points) await trx('recommendation_points').insert({ item_id: toId, number: p.number, text: p.text });
  const attachments = await trx('attachments').where({ item_id: fromId }).whereNull('sub_point_id').orderBy('position').select('position', 'title', 'recommended', 'is_public', 'file_name', 'content_type', 'size_bytes', 'storage_key');
  for (const a of attachments) await trx('attachments').insert({ ...a, item_id: toId });
}

/** Moves an item one place up or down, renumbering. Only before the agenda is published: published numbers are permalinks. */
export async function moveItem(db: Db, input: { itemId: number; direction: 'up' | 'down'; actor: Actor }): Promise<void> {
  await db.transaction(async (trx) => {
    const item = await lockItem(trx, input.itemId, undefined);
    if (isAgendaPublic(item.meetingStatus)) throw new RuleError('published', 'Dagsordenen er offentliggjort, så punkternes rækkefølge og numre ligger fast');
    if (item.kind === 'minutes_approval') throw new RuleError('signature_last', 'Godkendelse af referat er altid sidste punkt');
    const items = (await trx('agenda_items').where({ meeting_id: item.meetingId }).orderBy('position').forUpdate().select('id', 'position', 'kind')) as Array<{ id: number; position: number; kind: ItemKind }>;
    const index = items.findIndex((i) => i.id === item.id);
    const otherIndex = input.direction === 'up' ? index - 1 : index + 1;
    const other = items[otherIndex];
    if (!other || other.kind === 'minutes_approval') return;
    [items[index], items[otherIndex]] = [other, items[index] as (typeof items)[number]];
    await renumber(trx, items.map((i) => i.id));
    await bumpVersion(trx, item.id);
    await audit(trx, { userId: input.actor.userId, action: `item.move_${input.direction}`, entity: 'agenda_item', entityId: item.id });
  });
}

async function renumber(trx: Knex.Transaction, orderedIds: number[]): Promise<void> {
  // Two passes: positions and numbers are unique per meeting.
  for (const [i, id] of orderedIds.entries()) await trx('agenda_items').where({ id }).update({ position: -(i + 1), number: 100000 + i });
  for (const [i, id] of orderedIds.entries()) await trx('agenda_items').where({ id }).update({ position: i + 1, number: i + 1 });
}

/** Deletes an item that is not yet public; renumbers the rest. */
export async function deleteItem(db: Db, input: { itemId: number; version: number; actor: Actor }): Promise<number> {
  return db.transaction(async (trx) => {
    const item = await lockItem(trx, input.itemId, input.version);
    if (isAgendaPublic(item.meetingStatus)) throw new RuleError('published', 'Punktet er offentliggjort og kan ikke slettes. Ret det i stedet, så ændringen vises');
    if (item.kind === 'minutes_approval') throw new RuleError('signature_last', 'Godkendelse af referat kan ikke slettes');
    const before = await readFields(trx, item.id);
    await trx('agenda_items').where({ id: item.id }).delete();
    const rest = (await trx('agenda_items').where({ meeting_id: item.meetingId }).orderBy('position').pluck('id')) as number[];
    await renumber(trx, rest);
    await audit(trx, { userId: input.actor.userId, action: 'item.delete', entity: 'agenda_item', entityId: item.id, before });
    return item.meetingId;
  });
}
