import path from 'node:path';
import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { formatDate } from '../../i18n/format';
import { slugify } from '../../lib/slug';
import { ConflictError, RuleError } from '../../web/app-errors';
import { AppError, NotFoundError } from '../../web/errors';
import { decodeUploadName, sanitizeFileName } from '../attachments/file-name';
import { storeFile } from '../attachments/file-store';
import { sniffFile } from '../attachments/sniff';
import { audit } from '../audit/audit';
import { bumpVersion, createItem, type Actor } from '../items/service';
import type { Mailer } from '../mail/mailer';
import { richTextToPlain, sanitizeRichText } from '../sanitize/html';
import { buildNumbering, encodeInlineRefs, inlineRefIds, parseLabelList, type Numbering } from './numbering';
import { deadlinePassed, formatDay, formatPeriod, isIsoDate, linkExpiry, endOfDay, todayIn, dayAsDate } from './period';
import { findConsultation, findParty, meetingOptions, originItem, partiesOf, partyByTokenHash, pointsOf, type PartyRow } from './repository';
import { answerPath, hashAnswerToken, newAnswerToken } from './token';

/** A rule refused one field of a form: 422 with the message at that field. */
export class ConsultationFieldError extends RuleError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('invalid_field', message);
  }
}

export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

export interface FileDeps {
  dir: string;
  maxBytes: number;
}

const KIND_ORDER: Record<string, number> = { council: 0, committee: 0, advisory_board: 1, external_party: 2 };

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Response files live apart from attachments, so an attachment's clean-up never removes one. */
export function responseFilesDir(filesDir: string): string {
  return path.join(filesDir, 'hoeringssvar');
}

async function storeResponseFile(files: FileDeps, file: UploadedFile, field: string) {
  const fileName = sanitizeFileName(decodeUploadName(file.name), 'hoeringssvar');
  if (file.bytes.length === 0) throw new ConsultationFieldError(field, 'Filen er tom. Vælg en fil med indhold');
  if (file.bytes.length > files.maxBytes) throw new ConsultationFieldError(field, 'Filen er for stor. Vælg en mindre fil');
  const type = sniffFile(file.bytes, fileName);
  if (!type) throw new ConsultationFieldError(field, 'Filtypen er ikke tilladt. Vælg en PDF-, Word-, Excel- eller billedfil');
  const key = await storeFile(responseFilesDir(files.dir), file.bytes);
  return { response_file_name: fileName, response_content_type: type.contentType, response_size_bytes: file.bytes.length, response_storage_key: key };
}

async function uniqueSlug(trx: Knex.Transaction, title: string): Promise<string> {
  const base = slugify(title).slice(0, 80).replace(/-+$/, '') || 'hoering';
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await trx('consultations').where({ slug }).first('id'))) return slug;
  }
}

// ---------- starting a consultation ----------

export interface StartInput {
  itemId: number;
  title: string;
  coverHtml: string | null;
  draftAttachmentId: number;
  startsOn: string;
  deadline: string;
  graceDays: number;
  /** Consultees in the order chosen; meetingId null = the committee's next meeting */
  parties: Array<{ committeeId: number; meetingId: number | null }>;
  actor: Actor;
  now: Date;
}

/**
 * Starts a consultation from an item: every committee and board gets an item on its
 * coming meeting (on the same case, with the draft attached), every outside party an
 * invitation mail with its private answer link. All in one transaction.
 */
export async function startConsultation(db: Db, mailer: Mailer, input: StartInput): Promise<number> {
  return db.transaction(async (trx) => {
    const origin = await originItem(trx, input.itemId);
    if (!origin) throw new NotFoundError('Punktet');
    if (origin.caseId === null) throw new ConsultationFieldError('form', 'Punktet hører ikke til en sag. Skriv et sagsnummer på punktet, før det sendes i høring');
    if (!origin.attachments.some((a) => a.id === input.draftAttachmentId)) throw new ConsultationFieldError('draftAttachmentId', 'Vælg udkastet blandt punktets bilag');
    if (input.deadline < input.startsOn) throw new ConsultationFieldError('deadline', 'Høringsfristen skal ligge efter høringens start');
    if (input.deadline < todayIn(input.now)) throw new ConsultationFieldError('deadline', 'Høringsfristen er allerede passeret. Vælg en senere dato');
    if (input.parties.length === 0) throw new ConsultationFieldError('parties', 'Vælg mindst én høringspart');

    const ids = input.parties.map((p) => p.committeeId);
    const committees = (await trx('committees').whereIn('id', ids).select('id', 'name', 'kind', 'body_id', 'contact_email')) as Array<{
      id: number;
      name: string;
      kind: string;
      body_id: number;
      contact_email: string | null;
    }>;
    if (committees.length !== new Set(ids).size || committees.some((c) => c.body_id !== origin.bodyId || c.id === origin.committeeId)) {
      throw new ConsultationFieldError('parties', 'Vælg høringsparterne fra listen');
    }
    const withoutMail = committees.filter((c) => c.kind === 'external_party' && !c.contact_email);
    if (withoutMail.length > 0) {
      throw new ConsultationFieldError('parties', `${withoutMail.map((c) => c.name).join(', ')} har ingen kontakt-e-mail. Tilføj den under udvalg, råd og nævn`);
    }
    const options = await meetingOptions(trx, ids, input.now);
    for (const p of input.parties) {
      if (p.meetingId !== null && !(options.get(p.committeeId) ?? []).some((m) => m.id === p.meetingId)) {
        throw new ConsultationFieldError(`meeting_${p.committeeId}`, 'Vælg et af udvalgets kommende møder');
      }
    }

    const [row] = await trx('consultations')
      .insert({
        item_id: origin.id,
        case_id: origin.caseId,
        slug: await uniqueSlug(trx, input.title),
        title: input.title,
        cover_text: input.coverHtml ? sanitizeRichText(input.coverHtml) : null,
        draft_attachment_id: input.draftAttachmentId,
        starts_on: input.startsOn,
        deadline: input.deadline,
        grace_days: input.graceDays,
        created_by_user_id: input.actor.userId,
      })
      .returning('id');
    const consultationId = (row as { id: number }).id;

    const byId = new Map(committees.map((c) => [c.id, c]));
    const ordered = input.parties
      .map((p, i) => ({ ...p, i, committee: byId.get(p.committeeId) as (typeof committees)[number] }))
      .sort((a, b) => (KIND_ORDER[a.committee.kind] ?? 3) - (KIND_ORDER[b.committee.kind] ?? 3) || a.i - b.i);
    const consultation = { id: consultationId, title: input.title, coverHtml: input.coverHtml, startsOn: input.startsOn, deadline: input.deadline, graceDays: input.graceDays };
    for (const [index, p] of ordered.entries()) {
      const [partyRow] = await trx('consultation_parties')
        .insert({ consultation_id: consultationId, committee_id: p.committeeId, position: index + 1, contact_email: p.committee.kind === 'external_party' ? p.committee.contact_email : null })
        .returning('id');
      const partyId = (partyRow as { id: number }).id;
      if (p.committee.kind === 'external_party') {
        await inviteOutsideParty(trx, mailer, { partyId, name: p.committee.name, email: p.committee.contact_email as string, consultation, origin, expiresAt: linkExpiry(input.deadline, input.graceDays), now: input.now });
      } else {
        const meetingId = p.meetingId ?? options.get(p.committeeId)?.[0]?.id ?? null;
        if (meetingId !== null) await putOnMeeting(trx, { partyId, meetingId, committee: p.committee, consultationId, actor: input.actor });
      }
    }
    await audit(trx, {
      userId: input.actor.userId,
      action: 'consultation.start',
      entity: 'consultation',
      entityId: consultationId,
      after: { itemId: origin.id, title: input.title, startsOn: input.startsOn, deadline: input.deadline, parties: ordered.map((p) => p.committee.name) },
    });
    return consultationId;
  });
}

async function inviteOutsideParty(
  trx: Knex.Transaction,
  mailer: Mailer,
  input: {
    partyId: number;
    name: string;
    email: string;
    consultation: { title: string; coverHtml: string | null; startsOn: string; deadline: string };
    origin: { committeeName: string; bodyName: string };
    expiresAt: Date;
    now: Date;
  },
): Promise<void> {
  const { token, hash } = newAnswerToken();
  await trx('consultation_parties').where({ id: input.partyId }).update({ token_hash: hash, link_expires_at: input.expiresAt, invited_at: input.now, updated_at: trx.fn.now() });
  const c = input.consultation;
  const cover = c.coverHtml ? `${richTextToPlain(c.coverHtml)}\n\n` : '';
  const body = [
    `Til ${input.name}`,
    '',
    `${input.origin.committeeName} sender "${c.title}" i høring.`,
    '',
    `${cover}Høringsperiode: ${formatPeriod(c.startsOn, c.deadline)}. Svar senest den ${formatDay(c.deadline)}.`,
    '',
    `Afgiv jeres høringssvar og hent udkastet her. Linket er personligt for ${input.name}, gælder kun denne høring og virker til og med ${formatDate(new Date(input.expiresAt.getTime() - 1))}:`,
    `${mailer.baseUrl}${answerPath(token)}`,
    '',
    'Med venlig hilsen',
    input.origin.bodyName,
  ].join('\n');
  await mailer.queue(trx, { to: input.email, subject: `Høring: ${c.title}`, body, kind: 'consultation_invitation' }, input.now);
}

/** Puts the consultation's item on a committee's meeting: same case, the draft attached, the committee's decision as its response. */
async function putOnMeeting(
  trx: Knex.Transaction,
  input: { partyId: number; meetingId: number; committee: { id: number; name: string }; consultationId: number; actor: Actor },
): Promise<number> {
  const consultation = await findConsultation(trx, input.consultationId);
  if (!consultation) throw new NotFoundError('Høringen');
  const itemId = await createItem(trx, {
    meetingId: input.meetingId,
    title: `Høring: ${consultation.title}`,
    kind: 'regular',
    isClosed: consultation.originClosed,
    caseId: consultation.caseId as number,
    actor: input.actor,
  });
  const intro = `<p>${escapeHtml(consultation.committeeName)} har sendt ${escapeHtml(consultation.title)} i høring hos ${escapeHtml(input.committee.name)}. Høringsperioden er ${escapeHtml(formatPeriod(consultation.startsOn, consultation.deadline))}.</p>`;
  await trx('agenda_items')
    .where({ id: itemId })
    .update({
      summary: sanitizeRichText(intro + (consultation.coverText ?? '')),
      decided_by_committee_id: input.committee.id,
      recommendation_by: 'Administrationen',
    });
  await trx('recommendation_points').insert({
    item_id: itemId,
    number: 1,
    text: sanitizeRichText(`<p>${escapeHtml(input.committee.name)} afgiver eventuelle bemærkninger til udkastet som høringssvar.</p>`),
  });
  if (consultation.draftAttachmentId !== null) {
    const draft = await trx('attachments').where({ id: consultation.draftAttachmentId }).first('title', 'is_public', 'file_name', 'content_type', 'size_bytes', 'storage_key');
    if (draft) await trx('attachments').insert({ ...draft, item_id: itemId, position: 1, recommended: true });
  }
  await bumpVersion(trx, itemId);
  await trx('consultation_parties').where({ id: input.partyId }).update({ item_id: itemId, invited_at: trx.fn.now(), updated_at: trx.fn.now() });
  return itemId;
}

/** Puts a committee's consultation item on a meeting the secretary picks, when it has none yet. */
export async function placeOnMeeting(db: Db, input: { partyId: number; meetingId: number; actor: Actor; now: Date }): Promise<void> {
  await db.transaction(async (trx) => {
    const party = await lockParty(trx, input.partyId);
    if (party.kind === 'external_party') throw new ConsultationFieldError('meetingId', 'En ekstern part svarer gennem sit link, ikke på et møde');
    if (party.itemId !== null) throw new ConsultationFieldError('meetingId', 'Høringen står allerede på et af udvalgets møder');
    const options = await meetingOptions(trx, [party.committeeId], input.now);
    if (!(options.get(party.committeeId) ?? []).some((m) => m.id === input.meetingId)) throw new ConsultationFieldError('meetingId', 'Vælg et af udvalgets kommende møder');
    const itemId = await putOnMeeting(trx, { partyId: party.id, meetingId: input.meetingId, committee: { id: party.committeeId, name: party.name }, consultationId: party.consultationId, actor: input.actor });
    await audit(trx, { userId: input.actor.userId, action: 'consultation.place', entity: 'consultation_party', entityId: party.id, after: { meetingId: input.meetingId, itemId } });
  });
}

async function lockParty(trx: Knex.Transaction, partyId: number): Promise<PartyRow> {
  await trx('consultation_parties').where({ id: partyId }).forUpdate().first('id');
  const party = await findParty(trx, partyId);
  if (!party) throw new NotFoundError('Høringsparten');
  return party;
}

// ---------- responses ----------

function responseSnapshot(p: PartyRow) {
  return { text: p.responseText, sender: p.responseSender, receivedAt: p.responseReceivedAt, source: p.responseSource, fileName: p.responseFileName, storageKey: p.responseStorageKey };
}

/** The secretariat registers a response that came by mail or letter, with its file. */
export async function registerResponse(
  db: Db,
  files: FileDeps,
  input: { partyId: number; receivedOn: string; sender: string; html: string | null; file: UploadedFile | null; actor: Actor; now: Date },
): Promise<void> {
  if (!isIsoDate(input.receivedOn)) throw new ConsultationFieldError('receivedOn', 'Skriv datoen som åååå-mm-dd');
  if (input.receivedOn > todayIn(input.now)) throw new ConsultationFieldError('receivedOn', 'Modtagelsesdatoen kan ikke ligge i fremtiden');
  if (!input.html && !input.file) throw new ConsultationFieldError('text', 'Skriv høringssvaret, eller vælg filen med svaret');
  const stored = input.file ? await storeResponseFile(files, input.file, 'file') : null;
  await db.transaction(async (trx) => {
    const party = await lockParty(trx, input.partyId);
    const receivedAt = input.receivedOn === todayIn(input.now) ? input.now : dayAsDate(input.receivedOn);
    await trx('consultation_parties')
      .where({ id: party.id })
      .update({
        response_text: input.html ? sanitizeRichText(input.html) : null,
        response_sender: input.sender || null,
        response_received_at: receivedAt,
        response_source: 'registered',
        response_registered_by_user_id: input.actor.userId,
        ...(stored ?? { response_file_name: null, response_content_type: null, response_size_bytes: null, response_storage_key: null }),
        updated_at: trx.fn.now(),
      });
    const after = await findParty(trx, party.id);
    await audit(trx, { userId: input.actor.userId, action: 'consultation.response_register', entity: 'consultation_party', entityId: party.id, before: responseSnapshot(party), after: after ? responseSnapshot(after) : undefined });
  });
}

export class LinkError extends AppError {}

/**
 * The party and consultation a private link answers for. A token that is no token,
 * or that no party holds, is 404; an expired link 410. The answer form names the
 * party and consultation it was opened for: a token is accepted for exactly those.
 */
export async function partyOfLink(db: Db | Knex.Transaction, token: string, now: Date, claimed?: { partyId: unknown; consultationId: unknown }): Promise<PartyRow> {
  const hash = hashAnswerToken(token);
  const party = hash ? await partyByTokenHash(db, hash) : undefined;
  if (!party) throw new LinkError(404, 'link_unknown', 'Linket findes ikke. Tjek, at du har brugt hele linket fra mailen.');
  if (claimed) {
    if (String(claimed.partyId) !== String(party.id)) throw new LinkError(403, 'link_other_party', 'Linket gælder ikke for denne høringspart.');
    if (String(claimed.consultationId) !== String(party.consultationId)) throw new LinkError(403, 'link_other_consultation', 'Linket gælder ikke for denne høring.');
  }
  if (!party.linkExpiresAt || now.getTime() >= party.linkExpiresAt.getTime()) {
    throw new LinkError(410, 'link_expired', 'Linket er udløbet. Kontakt sekretariatet, hvis I stadig vil afgive høringssvar.');
  }
  return party;
}

/** An outside party answers through its private link; a later answer replaces the earlier one until the link expires. */
export async function answerThroughLink(
  db: Db,
  files: FileDeps,
  input: { token: string; claimed: { partyId: unknown; consultationId: unknown }; html: string | null; sender: string; file: UploadedFile | null; now: Date },
): Promise<PartyRow> {
  await partyOfLink(db, input.token, input.now, input.claimed);
  if (!input.html && !input.file) throw new ConsultationFieldError('text', 'Skriv jeres høringssvar, eller vælg en fil med svaret');
  const stored = input.file ? await storeResponseFile(files, input.file, 'file') : null;
  return db.transaction(async (trx) => {
    const checked = await partyOfLink(trx, input.token, input.now, input.claimed);
    const party = await lockParty(trx, checked.id);
    await trx('consultation_parties')
      .where({ id: party.id })
      .update({
        response_text: input.html ? sanitizeRichText(input.html) : null,
        response_sender: input.sender || null,
        response_received_at: input.now,
        response_source: 'link',
        response_registered_by_user_id: null,
        ...(stored ?? { response_file_name: null, response_content_type: null, response_size_bytes: null, response_storage_key: null }),
        updated_at: trx.fn.now(),
      });
    const after = (await findParty(trx, party.id)) as PartyRow;
    await audit(trx, { userId: null, action: 'consultation.response_link', entity: 'consultation_party', entityId: party.id, before: responseSnapshot(party), after: responseSnapshot(after) });
    return after;
  });
}

/** Extends an outside party's link to the end of a day, or sends a new link (the old one stops working) valid until then. */
export async function manageLink(db: Db, mailer: Mailer, input: { partyId: number; until: string; renew: boolean; actor: Actor; now: Date }): Promise<void> {
  if (!isIsoDate(input.until)) throw new ConsultationFieldError('until', 'Skriv datoen som åååå-mm-dd');
  if (input.until < todayIn(input.now)) throw new ConsultationFieldError('until', 'Vælg en dato fra i dag og frem');
  await db.transaction(async (trx) => {
    const party = await lockParty(trx, input.partyId);
    if (party.kind !== 'external_party') throw new ConsultationFieldError('until', 'Kun eksterne parter svarer gennem et link');
    const consultation = await findConsultation(trx, party.consultationId);
    if (!consultation) throw new NotFoundError('Høringen');
    const expiresAt = endOfDay(input.until);
    if (input.renew) {
      const email = party.contactEmail;
      if (!email) throw new ConsultationFieldError('until', 'Parten har ingen kontakt-e-mail');
      await inviteOutsideParty(trx, mailer, {
        partyId: party.id,
        name: party.name,
        email,
        consultation: { title: consultation.title, coverHtml: consultation.coverText, startsOn: consultation.startsOn, deadline: consultation.deadline },
        origin: { committeeName: consultation.committeeName, bodyName: consultation.bodyName },
        expiresAt,
        now: input.now,
      });
    } else {
      if (!party.hasLink) throw new ConsultationFieldError('until', 'Parten har intet link endnu. Send et nyt link');
      await trx('consultation_parties').where({ id: party.id }).update({ link_expires_at: expiresAt, updated_at: trx.fn.now() });
    }
    await audit(trx, {
      userId: input.actor.userId,
      action: input.renew ? 'consultation.link_renew' : 'consultation.link_extend',
      entity: 'consultation_party',
      entityId: party.id,
      before: { linkExpiresAt: party.linkExpiresAt },
      after: { linkExpiresAt: expiresAt },
    });
  });
}

// ---------- the summary (høringsnotat) ----------

export type Outcome = 'change' | 'no_change' | 'implementation';

async function lockConsultation(trx: Knex.Transaction, consultationId: number): Promise<void> {
  const row = await trx('consultations').where({ id: consultationId }).forUpdate().first('id');
  if (!row) throw new NotFoundError('Høringen');
}

async function numberingOf(trx: Knex.Transaction, consultationId: number): Promise<{ numbering: Numbering; points: Awaited<ReturnType<typeof pointsOf>> }> {
  const parties = await partiesOf(trx, consultationId);
  const points = await pointsOf(trx, consultationId);
  const numbering = buildNumbering(parties.map((p) => ({ id: p.id, name: p.name, pointIds: points.filter((x) => x.partyId === p.id).sort((a, b) => a.position - b.position).map((x) => x.id) })));
  return { numbering, points };
}

export interface PointInput {
  /** Markup of src/modules/sanitize/markup.ts, already turned into HTML by the caller except for references */
  text: string;
  comment: string;
  /** "1.b, 1.c" */
  refs: string;
  outcome: Outcome | null;
}

/** Typed references become stored ones; unknown labels are field errors. */
function resolvePoint(input: PointInput, numbering: Numbering, toHtml: (markup: string) => string, selfId: number | null) {
  const text = encodeInlineRefs(input.text, numbering);
  if (text.unknown.length > 0) throw new ConsultationFieldError('text', `Henvisningen ${text.unknown[0]} findes ikke i høringsnotatet`);
  const comment = encodeInlineRefs(input.comment, numbering);
  if (comment.unknown.length > 0) throw new ConsultationFieldError('comment', `Henvisningen ${comment.unknown[0]} findes ikke i høringsnotatet`);
  const list = parseLabelList(input.refs);
  if (list.invalid.length > 0) throw new ConsultationFieldError('refs', `"${list.invalid[0]}" er ikke et punktnummer. Skriv fx 1.b, 1.c`);
  const refs: number[] = [];
  for (const label of list.labels) {
    const id = numbering.pointOf(label);
    if (id === undefined) throw new ConsultationFieldError('refs', `Punkt ${label} findes ikke i høringsnotatet`);
    if (id === selfId) throw new ConsultationFieldError('refs', 'Et punkt kan ikke henvise til sig selv');
    if (!refs.includes(id)) refs.push(id);
  }
  const textHtml = text.text.trim() ? sanitizeRichText(toHtml(text.text)) : '';
  if (!textHtml) throw new ConsultationFieldError('text', 'Skriv punktet fra høringssvaret');
  const commentHtml = comment.text.trim() ? sanitizeRichText(toHtml(comment.text)) : null;
  return { textHtml, commentHtml, refs };
}

async function writeRefs(trx: Knex.Transaction, pointId: number, refs: number[]): Promise<void> {
  await trx('consultation_point_refs').where({ point_id: pointId }).delete();
  for (const [i, target] of refs.entries()) await trx('consultation_point_refs').insert({ point_id: pointId, target_point_id: target, position: i + 1 });
}

export async function addPoint(db: Db, input: { consultationId: number; partyId: number; point: PointInput; toHtml: (markup: string) => string; actor: Actor }): Promise<number> {
  return db.transaction(async (trx) => {
    await lockConsultation(trx, input.consultationId);
    const party = await findParty(trx, input.partyId);
    if (!party || party.consultationId !== input.consultationId) throw new NotFoundError('Høringsparten');
    const { numbering } = await numberingOf(trx, input.consultationId);
    const resolved = resolvePoint(input.point, numbering, input.toHtml, null);
    const max = (await trx('consultation_points').where({ party_id: party.id }).max('position as max').first()) as { max: number | null } | undefined;
    const [row] = await trx('consultation_points')
      .insert({ consultation_id: input.consultationId, party_id: party.id, position: (max?.max ?? 0) + 1, text: resolved.textHtml, comment: resolved.commentHtml, outcome: input.point.outcome })
      .returning('id');
    const id = (row as { id: number }).id;
    await writeRefs(trx, id, resolved.refs);
    await audit(trx, { userId: input.actor.userId, action: 'consultation.point_add', entity: 'consultation_point', entityId: id, after: { partyId: party.id, text: resolved.textHtml, comment: resolved.commentHtml, refs: resolved.refs, outcome: input.point.outcome } });
    return id;
  });
}

async function lockPoint(trx: Knex.Transaction, consultationId: number, pointId: number, version: number | undefined) {
  await lockConsultation(trx, consultationId);
  const point = (await trx('consultation_points').where({ id: pointId, consultation_id: consultationId }).forUpdate().first('id', 'party_id', 'position', 'text', 'comment', 'outcome', 'version')) as
    | { id: number; party_id: number; position: number; text: string; comment: string | null; outcome: Outcome | null; version: number }
    | undefined;
  if (!point) throw new NotFoundError('Punktet i høringsnotatet');
  if (version !== undefined && point.version !== version) {
    throw new ConflictError(point.version, 'Punktet er blevet ændret af en anden, mens du redigerede. Dine ændringer er ikke gemt – din tekst står i formularen, så du kan sammenligne og gemme igen.');
  }
  return point;
}

export async function updatePoint(
  db: Db,
  input: { consultationId: number; pointId: number; version: number; point: PointInput; toHtml: (markup: string) => string; actor: Actor },
): Promise<void> {
  await db.transaction(async (trx) => {
    const before = await lockPoint(trx, input.consultationId, input.pointId, input.version);
    const { numbering, points } = await numberingOf(trx, input.consultationId);
    const resolved = resolvePoint(input.point, numbering, input.toHtml, before.id);
    const beforeRefs = points.find((p) => p.id === before.id)?.refs ?? [];
    await trx('consultation_points')
      .where({ id: before.id })
      .update({ text: resolved.textHtml, comment: resolved.commentHtml, outcome: input.point.outcome, version: before.version + 1, updated_at: trx.fn.now() });
    await writeRefs(trx, before.id, resolved.refs);
    await audit(trx, {
      userId: input.actor.userId,
      action: 'consultation.point_update',
      entity: 'consultation_point',
      entityId: before.id,
      before: { text: before.text, comment: before.comment, outcome: before.outcome, refs: beforeRefs },
      after: { text: resolved.textHtml, comment: resolved.commentHtml, outcome: input.point.outcome, refs: resolved.refs },
    });
  });
}

/** Moves a point one place within its consultee's points: the numbers follow, the references stay on their points. */
export async function movePoint(db: Db, input: { consultationId: number; pointId: number; direction: 'up' | 'down'; actor: Actor }): Promise<void> {
  await db.transaction(async (trx) => {
    const point = await lockPoint(trx, input.consultationId, input.pointId, undefined);
    const siblings = (await trx('consultation_points').where({ party_id: point.party_id }).orderBy([{ column: 'position' }, { column: 'id' }]).select('id')) as Array<{ id: number }>;
    const index = siblings.findIndex((s) => s.id === point.id);
    const other = siblings[input.direction === 'up' ? index - 1 : index + 1];
    if (!other) return;
    [siblings[index], siblings[input.direction === 'up' ? index - 1 : index + 1]] = [other, siblings[index] as { id: number }];
    for (const [i, s] of siblings.entries()) await trx('consultation_points').where({ id: s.id }).update({ position: i + 1 });
    await audit(trx, { userId: input.actor.userId, action: `consultation.point_move_${input.direction}`, entity: 'consultation_point', entityId: point.id });
  });
}

export async function deletePoint(db: Db, input: { consultationId: number; pointId: number; actor: Actor }): Promise<void> {
  await db.transaction(async (trx) => {
    const point = await lockPoint(trx, input.consultationId, input.pointId, undefined);
    const { numbering, points } = await numberingOf(trx, input.consultationId);
    const referrers = points.filter((p) => p.id !== point.id && (p.refs.includes(point.id) || inlineRefIds(p.text).includes(point.id) || inlineRefIds(p.comment).includes(point.id)));
    if (referrers.length > 0) {
      const labels = referrers.map((r) => numbering.labelOf(r.id)).join(', ');
      throw new ConsultationFieldError('form', `Punkt ${labels} henviser til punkt ${numbering.labelOf(point.id) ?? ''}. Fjern henvisningen, før punktet slettes`);
    }
    await trx('consultation_points').where({ id: point.id }).delete();
    await audit(trx, { userId: input.actor.userId, action: 'consultation.point_delete', entity: 'consultation_point', entityId: point.id, before: { text: point.text, comment: point.comment, outcome: point.outcome } });
  });
}

/** The introduction above the summary's table, and whether the summary is published. */
export async function saveSummarySettings(
  db: Db,
  input: { consultationId: number; version: number; introHtml: string | null; publish: boolean; actor: Actor; now: Date },
): Promise<void> {
  await db.transaction(async (trx) => {
    const row = (await trx('consultations').where({ id: input.consultationId }).forUpdate().first('id', 'version', 'deadline', 'summary_intro', 'summary_published_at')) as
      | { id: number; version: number; deadline: string; summary_intro: string | null; summary_published_at: Date | null }
      | undefined;
    if (!row) throw new NotFoundError('Høringen');
    if (row.version !== input.version) throw new ConflictError(row.version, 'Høringsnotatet er blevet ændret af en anden, mens du redigerede. Dine ændringer er ikke gemt – din tekst står i formularen.');
    if (input.publish && !row.summary_published_at && !deadlinePassed(row.deadline, input.now)) {
      throw new ConsultationFieldError('publish', `Høringsnotatet kan offentliggøres, når høringsfristen ${formatDay(row.deadline)} er udløbet`);
    }
    const publishedAt = input.publish ? (row.summary_published_at ?? input.now) : null;
    const intro = input.introHtml ? sanitizeRichText(input.introHtml) : null;
    await trx('consultations').where({ id: row.id }).update({ summary_intro: intro, summary_published_at: publishedAt, version: row.version + 1, updated_at: trx.fn.now() });
    await audit(trx, {
      userId: input.actor.userId,
      action: 'consultation.summary_settings',
      entity: 'consultation',
      entityId: row.id,
      before: { intro: row.summary_intro, publishedAt: row.summary_published_at },
      after: { intro, publishedAt },
    });
  });
}
