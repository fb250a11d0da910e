import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { formatDate } from '../../i18n/format';
import { RuleError } from '../../web/app-errors';
import { NotFoundError } from '../../web/errors';
import { storeFile } from '../attachments/file-store';
import { attachmentsOfItem } from '../attachments/repository';
import { attachmentsLocked, MAX_TITLE_LENGTH, putGeneratedAttachment, releaseIfUnreferenced } from '../attachments/service';
import { audit } from '../audit/audit';
import { lockItem, recordChangeNote, type Actor } from '../items/service';
import { isAgendaPublic } from '../meetings/meeting-status';
import { indexAttachmentText } from '../search/attachment-text';
import { consultationsOfCase, findConsultation, returningItems, summaryAttachmentsOf, type ConsultationRow, type ReturningItem, type SummaryAttachmentRow } from './repository';
import { ConsultationFieldError, type FileDeps } from './service';
import type { SummaryPdfs } from './summary-pdf';

/**
 * The høringsnotat as an attachment of the item where the case returns for decision:
 * an ordinary attachment (content-addressed file, the item's Bilag list, its public
 * page, the meeting's samlet dokument), titled "Høringsnotat – <title>". Attaching it
 * again after the summary changed gives the item a new edition: the attachment's file
 * is replaced while the agenda is unpublished; once published, the old edition stays
 * and the new one is added beside it with a change note, as every published change.
 */

export type AttachMode = 'added' | 'replaced' | 'new_edition' | 'unchanged';

/** "Høringsnotat – <title>", and " (udgave n)" for a later edition beside an earlier one. */
export function summaryAttachmentTitle(c: Pick<ConsultationRow, 'title'>, edition?: number): string {
  const suffix = edition && edition > 1 ? ` (udgave ${edition})` : '';
  return `Høringsnotat – ${c.title}`.slice(0, MAX_TITLE_LENGTH - suffix.length) + suffix;
}

export const messages = {
  notPublished: 'Offentliggør høringsnotatet, før det vedhæftes et punkt',
  notCandidate: 'Vælg et af sagens punkter fra listen',
  closedOrigin: 'Høringen er sendt ud fra et lukket punkt. Høringsnotatet kan kun vedhæftes et lukket punkt',
  locked: 'Referatet for det møde er godkendt og låst, så punktets bilag kan ikke ændres. Vælg et punkt på et senere møde',
} as const;

/** Why the summary cannot go on this item, or null when it can. */
export function attachRefusal(c: Pick<ConsultationRow, 'summaryPublishedAt' | 'originClosed'>, item: ReturningItem): string | null {
  if (!c.summaryPublishedAt) return messages.notPublished;
  if (attachmentsLocked(item.meetingStatus)) return messages.locked;
  if (c.originClosed && !item.isClosed) return messages.closedOrigin;
  return null;
}

interface CurrentEdition {
  attachmentId: number;
  contentKey: string;
}

/**
 * The summary's attachment the item has now: the newest edition attached to it that
 * is still there, else an attachment carrying a file of an earlier edition (copied
 * along when the case was sent on from an item that had it).
 */
async function currentEdition(trx: Knex.Transaction, history: SummaryAttachmentRow[], itemId: number): Promise<CurrentEdition | null> {
  const attachments = (await attachmentsOfItem(trx, itemId)).filter((a) => a.subPointId === null && a.storageKey !== null);
  const mine = history.filter((h) => h.itemId === itemId).sort((a, b) => b.edition - a.edition);
  for (const h of mine) {
    const a = attachments.find((x) => x.id === h.attachmentId);
    if (a && a.storageKey === h.storageKey) return { attachmentId: a.id, contentKey: h.contentKey };
  }
  for (const a of [...attachments].reverse()) {
    const h = history.find((x) => x.storageKey === a.storageKey);
    if (h) return { attachmentId: a.id, contentKey: h.contentKey };
  }
  return null;
}

export interface AttachInput {
  consultationId: number;
  itemId: number;
  /** The public note when the item's agenda is published; one is written when it is blank */
  changeNote: string;
  /** Attached because the case returned (the item was created or sent on), not by the button */
  automatic: boolean;
  actor: Actor;
  now: Date;
}

export interface AttachResult {
  mode: AttachMode;
  attachmentId: number | null;
  edition: number;
  item: ReturningItem;
}

/**
 * Renders the summary (or takes it from the cache), stores the file, and in one
 * transaction records it on the item: locked and checked again there, the change
 * note, the attachment, the edition and the audit entry.
 */
export async function attachSummary(db: Db, files: Pick<FileDeps, 'dir'>, pdfs: SummaryPdfs, input: AttachInput): Promise<AttachResult> {
  const c = await findConsultation(db, input.consultationId);
  if (!c) throw new NotFoundError('Høringen');
  const item = (await returningItems(db, c)).find((i) => i.id === input.itemId);
  if (!item) throw new ConsultationFieldError('itemId', messages.notCandidate);
  const refusal = attachRefusal(c, item);
  if (refusal) throw new ConsultationFieldError('itemId', refusal);

  const pdf = await pdfs.render(c);
  // The file before its record, as uploads do: a failed transaction leaves at most an unreferenced file.
  await storeFile(files.dir, pdf.bytes);

  const result = await db.transaction(async (trx): Promise<AttachResult & { releasedKey: string | null }> => {
    // One attach at a time per consultation, so editions are numbered without gaps or twins.
    const locked = (await trx('consultations').where({ id: c.id }).forUpdate().first('summary_published_at')) as { summary_published_at: Date | null } | undefined;
    if (!locked) throw new NotFoundError('Høringen');
    if (!locked.summary_published_at) throw new ConsultationFieldError('itemId', messages.notPublished);
    const target = await lockItem(trx, item.id, undefined);
    if (attachmentsLocked(target.meetingStatus)) throw new ConsultationFieldError('itemId', messages.locked);
    const closed = new Map(((await trx('agenda_items').whereIn('id', [c.itemId, item.id]).select('id', 'is_closed')) as Array<{ id: number; is_closed: boolean }>).map((r) => [r.id, r.is_closed]));
    // Whether the consultation may be public decided what was rendered: it must still hold.
    if (closed.get(c.itemId) !== c.originClosed) throw new ConsultationFieldError('itemId', 'Høringens punkt er blevet lukket eller åbnet imens. Prøv igen');
    if (c.originClosed && !closed.get(item.id)) throw new ConsultationFieldError('itemId', messages.closedOrigin);
    const history = await summaryAttachmentsOf(trx, c.id);
    const current = await currentEdition(trx, history, item.id);
    const editions = history.filter((h) => h.itemId === item.id).map((h) => h.edition);
    // A copy carried along by "Send videre" counts as the item's first edition.
    const edition = Math.max(current ? 1 : 0, ...editions) + 1;
    if (current && current.contentKey === pdf.key) {
      if (editions.length === 0) {
        // The copy is the current summary: remember it as this item's first edition, so the consultation's page shows it.
        const storageKey = (await trx('attachments').where({ id: current.attachmentId }).first('storage_key')).storage_key as string;
        await trx('consultation_summary_attachments').insert({ consultation_id: c.id, item_id: item.id, attachment_id: current.attachmentId, edition: 1, content_key: pdf.key, storage_key: storageKey, automatic: input.automatic, attached_at: input.now, attached_by_user_id: input.actor.userId });
        await audit(trx, { userId: input.actor.userId, action: 'consultation.summary_attach', entity: 'consultation', entityId: c.id, after: { itemId: item.id, attachmentId: current.attachmentId, edition: 1, mode: 'copied', automatic: input.automatic, contentKey: pdf.key } });
      }
      return { mode: 'unchanged', attachmentId: current.attachmentId, edition: edition - 1, item, releasedKey: null };
    }

    const published = isAgendaPublic(target.meetingStatus);
    const mode: AttachMode = current ? (published ? 'new_edition' : 'replaced') : 'added';
    const defaultNote =
      mode === 'new_edition'
        ? `Høringsnotatet er ændret, efter det blev vedhæftet, og er vedhæftet i en ny udgave (udgave ${edition}). Den tidligere udgave er bevaret.`
        : `Høringsnotatet fra høringen om ${c.title} er vedhæftet som bilag.`;
    try {
      await recordChangeNote(trx, target, input.changeNote.trim() || defaultNote, input.actor, input.now);
    } catch (error) {
      if (error instanceof RuleError) throw new ConsultationFieldError('changeNote', error.userMessage);
      throw error;
    }
    const put = await putGeneratedAttachment(trx, files, {
      item: target,
      bytes: pdf.bytes,
      fileName: pdf.fileName,
      title: summaryAttachmentTitle(c, mode === 'new_edition' ? edition : undefined),
      recommended: true,
      // A consultation sent out from a closed item stays out of public view wherever it goes.
      isPublic: !c.originClosed,
      replace: mode === 'replaced' ? (current as CurrentEdition).attachmentId : null,
      actor: input.actor,
    });
    await trx('consultation_summary_attachments').insert({
      consultation_id: c.id,
      item_id: item.id,
      attachment_id: put.id,
      edition,
      content_key: pdf.key,
      storage_key: put.storageKey,
      automatic: input.automatic,
      attached_at: input.now,
      attached_by_user_id: input.actor.userId,
    });
    await audit(trx, {
      userId: input.actor.userId,
      action: 'consultation.summary_attach',
      entity: 'consultation',
      entityId: c.id,
      after: { itemId: item.id, attachmentId: put.id, edition, mode, automatic: input.automatic, contentKey: pdf.key },
    });
    return { mode, attachmentId: put.id, edition, item, releasedKey: put.releasedKey };
  });

  if (result.releasedKey) await releaseIfUnreferenced(db, files.dir, result.releasedKey);
  if (result.mode !== 'unchanged') await indexAttachmentText(db, pdf.bytes); // the file's text for the public search; never throws
  return { mode: result.mode, attachmentId: result.attachmentId, edition: result.edition, item: result.item };
}

/**
 * After an item was created on a case or the case was sent on to it: attaches the
 * published summary of each of the case's consultations the item is a return of.
 * Never throws (the item exists either way); returns a sentence for the flash message, or null.
 */
export async function attachSummariesToNewItem(
  deps: { db: Db; files: Pick<FileDeps, 'dir'>; pdfs: SummaryPdfs | null; log?: (message: string, error?: unknown) => void },
  input: { itemId: number; actor: Actor; now: Date },
): Promise<string | null> {
  const { db } = deps;
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(message, error));
  try {
    const row = (await db('agenda_items').where({ id: input.itemId }).first('case_id')) as { case_id: number | null } | undefined;
    if (!row?.case_id) return null;
    const sentences: string[] = [];
    for (const c of await consultationsOfCase(db, row.case_id)) {
      if (!c.summaryPublishedAt) continue;
      const item = (await returningItems(db, c)).find((i) => i.id === input.itemId);
      if (!item || attachRefusal(c, item)) continue;
      if (!deps.pdfs) {
        sentences.push(`Høringsnotatet for ${c.title} kunne ikke laves som PDF her. Vedhæft det fra høringens side.`);
        continue;
      }
      try {
        const result = await attachSummary(db, deps.files, deps.pdfs, { consultationId: c.id, itemId: item.id, changeNote: '', automatic: true, actor: input.actor, now: input.now });
        if (result.mode !== 'unchanged') sentences.push(`Høringsnotatet for ${c.title} er vedhæftet som bilag.`);
      } catch (error) {
        log(`Høringsnotatet for høring ${c.id} kunne ikke vedhæftes punkt ${input.itemId}`, error);
        sentences.push(`Høringsnotatet for ${c.title} kunne ikke vedhæftes. Vedhæft det fra høringens side.`);
      }
    }
    return sentences.length > 0 ? sentences.join(' ') : null;
  } catch (error) {
    log(`Høringsnotater for punkt ${input.itemId} kunne ikke findes`, error);
    return null;
  }
}

/** "Vedhæftet 3. december 2026 (udgave 2), ændret siden" — what the consultation's admin page says per item. */
export interface AttachedState {
  edition: number;
  attachedAt: string;
  automatic: boolean;
  /** The summary changed after this edition was attached */
  outdated: boolean;
  /** The attachment was deleted from the item since */
  removed: boolean;
}

export function attachedStates(history: SummaryAttachmentRow[], currentKey: string | null): Map<number, AttachedState> {
  const map = new Map<number, AttachedState>();
  for (const h of history) {
    const previous = map.get(h.itemId);
    if (previous && previous.edition > h.edition) continue;
    map.set(h.itemId, {
      edition: h.edition,
      attachedAt: formatDate(h.attachedAt),
      automatic: h.automatic,
      outdated: currentKey !== null && h.contentKey !== currentKey,
      removed: h.attachmentStorageKey !== h.storageKey,
    });
  }
  return map;
}
