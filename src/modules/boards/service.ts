import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { formatDate, formatIsoDate } from '../../i18n/format';
import { ConflictError, RuleError } from '../../web/app-errors';
import { NotFoundError } from '../../web/errors';
import { audit } from '../audit/audit';
import type { Mailer } from '../mail/mailer';
import { isAgendaPublic } from '../meetings/meeting-status';
import { itemHref } from '../meetings/presenter';
import { markupToHtml } from '../sanitize/markup';
import { richTextToPlain, sanitizeRichText } from '../sanitize/html';
import {
  commentExists,
  commentTarget,
  committeeSecretaries,
  findCommittee,
  findMeetingInfo,
  findReport,
  followOptions,
  insertComment,
  replaceFollows,
  seatOnDay,
  substitutesOnDay,
  presenceRows,
  type CommitteeInfo,
  type Role,
} from './repository';

export interface Actor {
  userId: number;
}

/** A rule refusal that belongs to one form field (shown inline there). */
export class FieldRuleError extends RuleError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('invalid_field', message);
  }
}

/** The advisory board with this id, or 404: these pages exist only for boards. */
export async function requireBoard(db: Db | Knex.Transaction, boardId: number): Promise<CommitteeInfo> {
  const board = await findCommittee(db, boardId);
  if (!board || board.kind !== 'advisory_board') throw new NotFoundError('Rådet');
  return board;
}

// ---------- following ----------

export async function saveFollows(db: Db, input: { boardId: number; committeeIds: number[]; actor: Actor; now: Date }): Promise<void> {
  await db.transaction(async (trx) => {
    await requireBoard(trx, input.boardId);
    const options = await followOptions(trx, input.boardId);
    const allowed = new Set(options.map((o) => o.id));
    const chosen = [...new Set(input.committeeIds)];
    if (chosen.some((id) => !allowed.has(id))) throw new FieldRuleError('committees', 'Vælg udvalg fra listen');
    const before = options.filter((o) => o.followed).map((o) => o.id);
    await replaceFollows(trx, input.boardId, chosen, input.now);
    await audit(trx, { userId: input.actor.userId, action: 'board.follows', entity: 'committee', entityId: input.boardId, before, after: chosen.sort((a, b) => a - b) });
  });
}

// ---------- comments ----------

/** Why the board cannot comment on the item, or null when it can. */
export function commentRefusal(target: NonNullable<Awaited<ReturnType<typeof commentTarget>>>, boardId: number): string | null {
  if (target.isClosed || target.kind === 'minutes_approval') return 'Rådet kan kun sende bemærkninger til åbne punkter.';
  if (!isAgendaPublic(target.meeting.status)) return 'Dagsordenen er ikke offentliggjort endnu.';
  if (target.meeting.cancelled) return 'Mødet er aflyst.';
  if (target.meeting.committeeId === boardId) return 'Rådet kan ikke sende bemærkninger til sin egen dagsorden.';
  if (target.meeting.committeeKind !== 'committee' && target.meeting.committeeKind !== 'council') return 'Rådet kan kun sende bemærkninger til udvalgenes og kommunalbestyrelsens dagsordener.';
  return null;
}

/** The item the board comments on, when the board may see and comment on it; else 404 (a closed item is never shown). */
export async function publicTarget(db: Db, itemId: number) {
  const target = await commentTarget(db, itemId);
  if (!target || target.isClosed || !isAgendaPublic(target.meeting.status)) throw new NotFoundError('Punktet');
  return target;
}

/**
 * Sends the board's comment on a public item: stored, and mailed to the secretaries of
 * the committee whose agenda it is, in the same transaction. Returns the comment's id.
 */
export async function sendComment(
  db: Db,
  mailer: Mailer,
  input: { boardId: number; itemId: number; text: string; actor: Actor; now: Date },
): Promise<number> {
  return db.transaction(async (trx) => {
    const board = await requireBoard(trx, input.boardId);
    const target = await commentTarget(trx, input.itemId);
    if (!target) throw new NotFoundError('Punktet');
    const refusal = commentRefusal(target, board.id);
    if (refusal) throw new RuleError('comment_not_allowed', refusal);
    if (await commentExists(trx, board.id, target.itemId)) throw new RuleError('comment_exists', `${board.name} har allerede sendt en bemærkning til punkt ${target.number}.`);
    const body = sanitizeRichText(markupToHtml(input.text));
    if (richTextToPlain(body).trim() === '') throw new FieldRuleError('text', 'Skriv rådets bemærkning');
    const id = await insertComment(trx, { boardId: board.id, itemId: target.itemId, body, sentAt: input.now, userId: input.actor.userId });
    const meetingDate = formatDate(target.meeting.startsAt);
    const mail = {
      subject: `Bemærkning fra ${board.name}: ${target.meeting.committeeName} ${meetingDate}, punkt ${target.number}`,
      body: [
        `${board.name} har følgende bemærkning til dagsordenen for mødet i ${target.meeting.committeeName} den ${meetingDate}:`,
        '',
        `Punkt ${target.number}. ${target.title}`,
        '',
        richTextToPlain(body).trim(),
        '',
        `Punktet: ${mailer.baseUrl}${itemHref(target.meeting.slug, target.number)}`,
        `Alle bemærkninger til udvalgets møder: ${mailer.baseUrl}/admin/raadsbemaerkninger`,
      ].join('\n'),
    };
    for (const secretary of await committeeSecretaries(trx, target.meeting.committeeId)) {
      await mailer.queue(trx, { to: secretary.email, ...mail, kind: 'board_comment', meetingId: target.meeting.id }, input.now);
    }
    await audit(trx, { userId: input.actor.userId, action: 'board.comment', entity: 'board_comment', entityId: id, after: { boardId: board.id, itemId: target.itemId, body } });
    return id;
  });
}

/** Whether the signed-in person may send comments for the board today: a current seat (member or substitute). */
export async function hasSeatToday(db: Db, boardId: number, personId: number | null, now: Date): Promise<boolean> {
  if (personId === null) return false;
  return seatOnDay(db, boardId, personId, formatIsoDate(now));
}

// ---------- constitution ----------

/**
 * Gives the person the role on the board from the day on: the seat covering the day
 * changes role (or is split in two, so the history keeps the earlier role).
 */
async function applyRole(trx: Knex.Transaction, boardId: number, personId: number, role: Exclude<Role, 'substitute'>, day: string): Promise<void> {
  const seat = (await trx('memberships')
    .where({ committee_id: boardId, person_id: personId })
    .whereNot('role', 'substitute')
    .where('valid_from', '<=', day)
    .where((w) => w.whereNull('valid_to').orWhere('valid_to', '>=', day))
    .orderBy('valid_from', 'desc')
    .first()) as { id: number; role: Role; valid_from: string } | undefined;
  if (!seat || seat.role === role) return;
  if (seat.valid_from === day) {
    await trx('memberships').where({ id: seat.id }).update({ role, updated_at: trx.fn.now() });
    return;
  }
  const full = (await trx('memberships').where({ id: seat.id }).first()) as Record<string, unknown>;
  await trx('memberships').where({ id: seat.id }).update({ valid_to: trx.raw('?::date - 1', [day]), updated_at: trx.fn.now() });
  const { id: _id, created_at: _c, updated_at: _u, ...copy } = full;
  await trx('memberships').insert({ ...copy, role, valid_from: day });
}

/** Whoever held the posts before steps back to member from the day; then the elected take them. */
export async function applyConstitutionRoles(trx: Knex.Transaction, boardId: number, chairId: number, viceChairId: number, day: string): Promise<void> {
  for (const role of ['chair', 'vice_chair'] as const) {
    const holders = (await trx('memberships')
      .where({ committee_id: boardId, role })
      .where('valid_from', '<=', day)
      .where((w) => w.whereNull('valid_to').orWhere('valid_to', '>=', day))
      .pluck('person_id')) as number[];
    for (const holder of holders) if (holder !== chairId && holder !== viceChairId) await applyRole(trx, boardId, holder, 'member', day);
  }
  await applyRole(trx, boardId, chairId, 'chair', day);
  await applyRole(trx, boardId, viceChairId, 'vice_chair', day);
}

/** Records the constituting decision at one of the board's meetings and gives the elected their roles from that day. */
export async function recordConstitution(
  db: Db,
  input: { boardId: number; meetingId: number; chairId: number; viceChairId: number; substitutesAttendAll: boolean; actor: Actor; now: Date },
): Promise<void> {
  await db.transaction(async (trx) => {
    await requireBoard(trx, input.boardId);
    const meeting = await findMeetingInfo(trx, input.meetingId);
    if (!meeting || meeting.committeeId !== input.boardId) throw new FieldRuleError('meetingId', 'Vælg et af rådets møder');
    if (meeting.cancelled) throw new FieldRuleError('meetingId', 'Mødet er aflyst. Vælg det møde, hvor rådet blev konstitueret');
    if (input.chairId === input.viceChairId) throw new FieldRuleError('viceChairId', 'Vælg en anden næstformand end formanden');
    const day = meeting.day;
    const members = (await trx('memberships')
      .where({ committee_id: input.boardId })
      .whereNot('role', 'substitute')
      .where('valid_from', '<=', day)
      .where((w) => w.whereNull('valid_to').orWhere('valid_to', '>=', day))
      .pluck('person_id')) as number[];
    if (!members.includes(input.chairId)) throw new FieldRuleError('chairId', 'Vælg formanden blandt rådets medlemmer på mødedagen (ikke suppleanter)');
    if (!members.includes(input.viceChairId)) throw new FieldRuleError('viceChairId', 'Vælg næstformanden blandt rådets medlemmer på mødedagen (ikke suppleanter)');

    const before = await trx('board_constitutions').where({ meeting_id: meeting.id }).first();
    const row = {
      board_id: input.boardId,
      meeting_id: meeting.id,
      chair_person_id: input.chairId,
      vice_chair_person_id: input.viceChairId,
      substitutes_attend_all: input.substitutesAttendAll,
      recorded_at: input.now,
      recorded_by_user_id: input.actor.userId,
    };
    await trx('board_constitutions').insert(row).onConflict('meeting_id').merge();
    await applyConstitutionRoles(trx, input.boardId, input.chairId, input.viceChairId, day);
    await audit(trx, { userId: input.actor.userId, action: 'board.constitution', entity: 'committee', entityId: input.boardId, before: before ?? undefined, after: row });
  });
}

// ---------- substitutes beside their members ----------

export interface PresenceEntry {
  personId: number;
  status: 'present' | 'absent' | null;
  reason: string | null;
}

/** Why substitutes' presence cannot be recorded for the meeting now, or null. */
export function presenceRefusal(meeting: { startsAt: Date; cancelled: boolean }, now: Date): string | null {
  if (meeting.cancelled) return 'Mødet er aflyst.';
  if (formatIsoDate(meeting.startsAt) > formatIsoDate(now)) return 'Fremmøde kan først registreres på mødedagen.';
  return null;
}

export async function saveSubstitutePresence(db: Db, input: { meetingId: number; entries: PresenceEntry[]; actor: Actor; now: Date }): Promise<void> {
  await db.transaction(async (trx) => {
    const meeting = await findMeetingInfo(trx, input.meetingId);
    if (!meeting) throw new NotFoundError('Mødet');
    await trx('meetings').where({ id: meeting.id }).forUpdate().first('id');
    const refusal = presenceRefusal(meeting, input.now);
    if (refusal) throw new RuleError('presence_not_allowed', refusal);
    const substitutes = await substitutesOnDay(trx, meeting.id);
    for (const entry of input.entries) {
      const seat = substitutes.find((s) => s.personId === entry.personId);
      if (!seat) throw new FieldRuleError(`status_${entry.personId}`, 'Personen er ikke suppleant i rådet på mødedagen. Genindlæs siden, og prøv igen.');
      if (seat.inSeatForName && entry.status !== null) throw new FieldRuleError(`status_${entry.personId}`, `${seat.name} sad i ${seat.inSeatForName}s sted og er registreret under mødets fremmøde`);
    }
    const before = await presenceRows(trx, meeting.id);
    await trx('substitute_presence').where({ meeting_id: meeting.id }).delete();
    const rows = input.entries
      .filter((e) => e.status !== null)
      .map((e) => ({ meeting_id: meeting.id, person_id: e.personId, status: e.status, reason: e.status === 'absent' ? e.reason : null }));
    if (rows.length > 0) await trx('substitute_presence').insert(rows);
    await audit(trx, { userId: input.actor.userId, action: 'meeting.substitute_presence', entity: 'meeting', entityId: meeting.id, before, after: await presenceRows(trx, meeting.id) });
  });
}

// ---------- annual reports ----------

export interface ReportSectionInput {
  heading: string;
  body: string;
}

export async function saveReport(
  db: Db,
  input: { committeeId: number; year: number; version: number; introduction: string; sections: ReportSectionInput[]; actor: Actor; now: Date },
): Promise<void> {
  await db.transaction(async (trx) => {
    const committee = await findCommittee(trx, input.committeeId);
    if (!committee) throw new NotFoundError('Udvalget');
    const existing = await findReport(trx, input.committeeId, input.year, true);
    const current = existing?.version ?? 0;
    if (current !== input.version) {
      throw new ConflictError(current, 'Årsberetningen er blevet ændret af en anden, mens du redigerede. Intet er gemt – din tekst står herunder, så du kan sammenligne og gemme igen.');
    }
    const introduction = input.introduction.trim() === '' ? null : sanitizeRichText(markupToHtml(input.introduction));
    const sections = input.sections.map((s) => ({ heading: s.heading.trim(), body: s.body.trim() === '' ? null : sanitizeRichText(markupToHtml(s.body)) }));
    let reportId: number;
    if (existing) {
      reportId = existing.id;
      await trx('annual_reports').where({ id: existing.id }).update({ introduction, version: current + 1, updated_at: input.now, updated_by_user_id: input.actor.userId });
    } else {
      const [row] = await trx('annual_reports')
        .insert({ committee_id: input.committeeId, year: input.year, introduction, version: 1, updated_at: input.now, updated_by_user_id: input.actor.userId })
        .returning('id');
      reportId = (row as { id: number }).id;
    }
    const before = existing ? { introduction: existing.introduction, sections: await trx('annual_report_sections').where({ report_id: reportId }).orderBy('position').select('heading', 'body') } : undefined;
    await trx('annual_report_sections').where({ report_id: reportId }).delete();
    if (sections.length > 0) await trx('annual_report_sections').insert(sections.map((s, i) => ({ report_id: reportId, position: i + 1, heading: s.heading, body: s.body })));
    await audit(trx, { userId: input.actor.userId, action: 'annual_report.save', entity: 'annual_report', entityId: reportId, before, after: { year: input.year, introduction, sections } });
  });
}

export async function setReportPublished(db: Db, input: { committeeId: number; year: number; publish: boolean; actor: Actor; now: Date }): Promise<void> {
  await db.transaction(async (trx) => {
    let report = await findReport(trx, input.committeeId, input.year, true);
    if (!report && input.publish) {
      // A report nobody wrote an introduction for is still the generated report: publishing creates its row.
      await trx('annual_reports').insert({ committee_id: input.committeeId, year: input.year, version: 1, updated_at: input.now, updated_by_user_id: input.actor.userId });
      report = await findReport(trx, input.committeeId, input.year, true);
    }
    if (!report) throw new RuleError('not_published', 'Årsberetningen er ikke offentliggjort.');
    if (input.publish === (report.publishedAt !== null)) return;
    await trx('annual_reports')
      .where({ id: report.id })
      .update({ published_at: input.publish ? input.now : null, version: report.version + 1, updated_at: input.now, updated_by_user_id: input.actor.userId });
    await audit(trx, {
      userId: input.actor.userId,
      action: input.publish ? 'annual_report.publish' : 'annual_report.withdraw',
      entity: 'annual_report',
      entityId: report.id,
      before: { publishedAt: report.publishedAt },
      after: { publishedAt: input.publish ? input.now : null },
    });
  });
}
