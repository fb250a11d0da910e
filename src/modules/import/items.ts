import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { findOrCreateCase } from '../cases/service';
import { insertItemGraph, type NewAttachment } from '../items/item-graph';
import { bumpVersion } from '../items/service';
import { sanitizeRichText } from '../sanitize/html';
import { describeUnexpectedError, ImportFileError, type ImportedAttachment, type ImportedItem, type ImportFormat } from './model';
import { committeeByName } from './organisation';
import { forgetSources, saveSource, sourcesOf, type BodyRow } from './repository';
import { escapeHtml } from './sections';

export interface ItemSyncContext {
  body: BodyRow;
  format: ImportFormat;
  meetingId: number;
  year: number;
  /** People of the meeting by normalized name, for "deltog ikke i behandlingen af punktet" */
  people: Map<string, number>;
  /** The agenda was public before this import: a changed item gets a public change note */
  agendaWasPublic: boolean;
  changeNote: string;
  userId: number | null;
  now: Date;
}

function sha256(value: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(value), 'utf8').digest('hex');
}

/** The hash of an item's agenda content: a change here is a change to a published agenda. Decisions are the minutes'. */
export function agendaHash(item: ImportedItem): string {
  const { decision: _decision, decisionHistory: _history, absentNames: _absent, ...agenda } = item;
  return sha256(agenda);
}

export function personKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

interface ExtraRow {
  kind: 'section' | 'earlier_treatment' | 'decision_history';
  label: string;
  body: string | null;
}

function extraRows(item: ImportedItem, decidedById: number | null): ExtraRow[] {
  const rows: ExtraRow[] = item.earlierTreatments.map((label) => ({ kind: 'earlier_treatment', label, body: null }));
  for (const s of item.extraSections) rows.push({ kind: 'section', label: s.label, body: sanitizeRichText(s.html) });
  // "Sagen afgøres af: Regionsrådet" names a body we do not have as a committee: keep the text.
  if (item.decidedBy && decidedById === null) rows.push({ kind: 'section', label: item.decidedBy.label, body: `<p>${escapeHtml(item.decidedBy.name)}</p>` });
  for (const h of item.decisionHistory) rows.push({ kind: 'decision_history', label: h.label, body: sanitizeRichText(h.html) });
  return rows;
}

async function writeExtras(trx: Knex.Transaction, itemId: number, rows: ExtraRow[]): Promise<void> {
  await trx('item_extra_sections').where({ item_id: itemId }).delete();
  for (const [i, r] of rows.entries()) await trx('item_extra_sections').insert({ item_id: itemId, position: i + 1, kind: r.kind, label: r.label, body: r.body });
}

const rich = (html: string | null): string | null => (html === null ? null : sanitizeRichText(html));

/** The item's own columns, sanitized through the one sanitizer. */
function columns(item: ImportedItem, position: number, caseId: number | null, decidedById: number | null) {
  return {
    number: item.number,
    position,
    kind: item.kind,
    is_closed: item.isClosed,
    case_id: caseId,
    title: item.title,
    summary: rich(item.summary),
    background: rich(item.background),
    case_presentation: rich(item.casePresentation),
    financial_text: rich(item.financialText),
    decided_by_committee_id: decidedById,
    recommendation_by: item.points.length > 0 ? item.recommendationBy : null,
    decision: rich(item.decision),
  };
}

function absencesOf(item: ImportedItem, people: Map<string, number>): Array<{ personId: number; reason: 'absent'; note: null }> {
  const ids = new Set<number>();
  for (const name of item.absentNames) {
    const id = people.get(personKey(name.replace(/\s*\([^)]*\)\s*$/, '')));
    if (id !== undefined) ids.add(id);
  }
  return [...ids].map((personId) => ({ personId, reason: 'absent' as const, note: null }));
}

/** Attachment in the order insertItemGraph gives them positions: sub-points' first, then the item's own. */
function attachmentOrder(item: ImportedItem): Array<{ attachment: ImportedAttachment; subPoint: number | null }> {
  return [
    ...item.subPoints.flatMap((s, i) => s.attachments.map((attachment) => ({ attachment, subPoint: i + 1 }))),
    ...item.attachments.map((attachment) => ({ attachment, subPoint: null })),
  ];
}

const newAttachment = (a: ImportedAttachment): NewAttachment => ({ title: a.title, recommended: false, isPublic: a.isPublic });

/**
 * Brings the meeting's items in line with the export: items are matched by the
 * export's ids and updated in place (their ids, versions, change notes and uploaded
 * files survive); new items are written with insertItemGraph; items the export no
 * longer has are removed. Call inside the meeting's transaction, with its minutes unlocked.
 */
export async function syncItems(trx: Knex.Transaction, ctx: ItemSyncContext, items: ImportedItem[]): Promise<void> {
  const existing = (await trx('agenda_items').where({ meeting_id: ctx.meetingId }).select('id')) as Array<{ id: number }>;
  const existingIds = new Set(existing.map((r) => r.id));
  const mapped = await sourcesOf(trx, ctx.body.id, ctx.format, 'item', [...existingIds]);
  // Move every number and position aside first, so renumbering never collides with itself.
  if (existing.length > 0) {
    await trx('agenda_items')
      .where({ meeting_id: ctx.meetingId })
      .update({ position: trx.raw('-position - 1000000'), number: trx.raw('number + 1000000') });
  }
  const kept = new Set<number>();
  for (const [index, item] of items.entries()) {
    try {
      const source = mapped.get(item.externalId);
      const itemId = source && existingIds.has(source.localId) ? source.localId : null;
      await syncItem(trx, ctx, item, index + 1, itemId, source?.contentHash ?? null);
      if (itemId !== null) kept.add(itemId);
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      throw new ImportFileError(`Punktet kunne ikke gemmes: ${describeUnexpectedError(error)}`, `punkt ${item.number}`);
    }
  }
  const gone = [...existingIds].filter((id) => !kept.has(id));
  if (gone.length > 0) {
    const goneAttachments = (await trx('attachments').whereIn('item_id', gone).pluck('id')) as number[];
    await trx('agenda_items').whereIn('id', gone).delete();
    await forgetSources(trx, 'item', gone);
    await forgetSources(trx, 'attachment', goneAttachments);
  }
}

async function syncItem(trx: Knex.Transaction, ctx: ItemSyncContext, item: ImportedItem, position: number, itemId: number | null, previousHash: string | null): Promise<void> {
  const caseId = item.caseNumber ? await findOrCreateCase(trx, { bodyId: ctx.body.id, caseNumber: item.caseNumber, title: item.caseTitle ?? item.title, year: ctx.year }) : null;
  const decidedById = item.decidedBy ? await committeeByName(trx, ctx.body.id, item.decidedBy.name) : null;
  const hash = agendaHash(item);
  const absences = absencesOf(item, ctx.people);
  const order = attachmentOrder(item);

  if (itemId === null) {
    const id = await insertItemGraph(trx, ctx.meetingId, {
      number: item.number,
      position,
      kind: item.kind,
      isClosed: item.isClosed,
      caseId,
      postponedFromItemId: null,
      title: item.title,
      summary: item.summary,
      background: item.background,
      casePresentation: item.casePresentation,
      financialText: item.financialText,
      decidedByCommitteeId: decidedById,
      recommendationBy: item.points.length > 0 ? item.recommendationBy : null,
      decision: item.decision,
      attachmentsNote: null,
      tables: item.tables,
      points: item.points.map((text, i) => ({ number: i + 1, text: escapeHtml(text), decision: null })),
      amendments: [],
      dissents: [],
      absences,
      subPoints: item.subPoints.map((s, i) => ({ number: i + 1, title: s.title, body: s.body, caseId: null, attachments: s.attachments.map(newAttachment) })),
      attachments: item.attachments.map(newAttachment),
    });
    await writeExtras(trx, id, extraRows(item, decidedById));
    const attachmentIds = (await trx('attachments').where({ item_id: id }).orderBy('position').pluck('id')) as number[];
    for (const [i, { attachment }] of order.entries()) {
      const localId = attachmentIds[i];
      if (localId !== undefined) await saveSource(trx, { bodyId: ctx.body.id, system: ctx.format, kind: 'attachment', externalId: attachment.externalId, localId, now: ctx.now });
    }
    await saveSource(trx, { bodyId: ctx.body.id, system: ctx.format, kind: 'item', externalId: item.externalId, localId: id, contentHash: hash, now: ctx.now });
    return;
  }

  await trx('agenda_items').where({ id: itemId }).update({ ...columns(item, position, caseId, decidedById), updated_at: trx.fn.now() });
  await trx('budget_tables').where({ item_id: itemId }).delete();
  for (const [i, table] of item.tables.entries()) await trx('budget_tables').insert({ item_id: itemId, position: i + 1, definition: JSON.stringify(table) });
  await trx('recommendation_points').where({ item_id: itemId }).delete();
  for (const [i, text] of item.points.entries()) await trx('recommendation_points').insert({ item_id: itemId, number: i + 1, text: sanitizeRichText(escapeHtml(text)) });
  await trx('item_absences').where({ item_id: itemId }).delete();
  for (const a of absences) await trx('item_absences').insert({ item_id: itemId, person_id: a.personId, reason: a.reason, note: a.note });
  await writeExtras(trx, itemId, extraRows(item, decidedById));

  // Sub-points have no ids in the exports: rewrite them, keeping the attachments (and their uploaded files) aside.
  await trx('attachments').where({ item_id: itemId }).update({ sub_point_id: null });
  await trx('sub_points').where({ item_id: itemId }).delete();
  const subPointIds: number[] = [];
  for (const [i, s] of item.subPoints.entries()) {
    const [row] = await trx('sub_points').insert({ item_id: itemId, number: i + 1, title: s.title, body: sanitizeRichText(s.body) }).returning('id');
    subPointIds.push((row as { id: number }).id);
  }
  const current = (await trx('attachments').where({ item_id: itemId }).pluck('id')) as number[];
  const attachmentSources = await sourcesOf(trx, ctx.body.id, ctx.format, 'attachment', current);
  const keptAttachments = new Set<number>();
  for (const [i, { attachment, subPoint }] of order.entries()) {
    const values = {
      position: i + 1,
      title: attachment.title,
      is_public: attachment.isPublic,
      sub_point_id: subPoint === null ? null : (subPointIds[subPoint - 1] ?? null),
    };
    const local = attachmentSources.get(attachment.externalId)?.localId;
    if (local !== undefined && current.includes(local)) {
      await trx('attachments').where({ id: local }).update({ ...values, updated_at: trx.fn.now() });
      keptAttachments.add(local);
    } else {
      const [row] = await trx('attachments').insert({ item_id: itemId, recommended: false, ...values }).returning('id');
      await saveSource(trx, { bodyId: ctx.body.id, system: ctx.format, kind: 'attachment', externalId: attachment.externalId, localId: (row as { id: number }).id, now: ctx.now });
    }
  }
  const goneAttachments = current.filter((id) => !keptAttachments.has(id));
  if (goneAttachments.length > 0) {
    await trx('attachments').whereIn('id', goneAttachments).delete();
    await forgetSources(trx, 'attachment', goneAttachments);
  }

  await bumpVersion(trx, itemId);
  if (ctx.agendaWasPublic && previousHash !== hash) {
    // Published text is never changed silently: the item says when and why.
    await trx('item_change_notes').insert({ item_id: itemId, changed_at: ctx.now, note: ctx.changeNote, user_id: ctx.userId });
  }
  await saveSource(trx, { bodyId: ctx.body.id, system: ctx.format, kind: 'item', externalId: item.externalId, localId: itemId, contentHash: hash, now: ctx.now });
}
