import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { formatDate, formatIsoDate } from '../../i18n/format';
import { ConflictError, RuleError } from '../../web/app-errors';
import { NotFoundError } from '../../web/errors';
import { audit } from '../audit/audit';
import { bumpVersion, lockItem, type Actor } from '../items/service';
import { statusRank } from '../meetings/meeting-status';
import { markupToHtml } from '../sanitize/markup';
import { composeDecision } from './decision-text';
import {
  attendanceRows,
  findMeeting,
  itemRecording,
  meetingParticipantsForRecording,
  membersOnDay,
  substituteOptions,
  type ItemRecording,
  type Participant,
  type RecordingMeeting,
} from './repository';
import type { AmendmentForm, AttendanceEntry, DecisionForm, DissentForm, VoteForm } from './schema';

/** A domain rule refused one field of a form: 422, with the message shown at that field. */
export class FieldRuleError extends RuleError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('invalid_field', message);
  }
}

const LOCKED = 'Referatet er godkendt og derfor låst.';

function isMeetingDayOrLater(meeting: RecordingMeeting, now: Date): boolean {
  return formatIsoDate(now) >= meeting.day;
}

/**
 * Why attendance cannot be recorded now, or null. Allowed from the meeting day (or once held) until the minutes
 * are approved: while they are out for approval the secretary corrects them, which asks the members again.
 */
export function attendanceRefusal(meeting: RecordingMeeting, now: Date): string | null {
  if (meeting.cancelled) return 'Mødet er aflyst, så der registreres ikke fremmøde.';
  if (statusRank(meeting.status) >= statusRank('minutes_approved')) return `${LOCKED} Fremmødet kan ikke længere ændres.`;
  if (statusRank(meeting.status) < statusRank('held') && !isMeetingDayOrLater(meeting, now)) {
    return `Fremmøde kan først registreres på mødedagen, ${formatDate(meeting.startsAt)}.`;
  }
  return null;
}

/**
 * Why decisions cannot be recorded now, or null: they are recorded once the meeting
 * is held (or on its day once the agenda is out), until the minutes are approved.
 */
export function decisionRefusal(meeting: RecordingMeeting, now: Date, itemKind?: string): string | null {
  if (meeting.cancelled) return 'Mødet er aflyst, så der registreres ikke beslutninger.';
  if (statusRank(meeting.status) >= statusRank('minutes_approved')) return `${LOCKED} Beslutningerne kan ikke længere ændres.`;
  if (meeting.status === 'planned') return 'Mødet er kun planlagt, og dagsordenen er ikke offentliggjort. Beslutninger registreres, når mødet er afholdt.';
  if (meeting.status === 'agenda_published' && !isMeetingDayOrLater(meeting, now)) {
    return `Mødet er ikke afholdt endnu. Beslutninger kan registreres fra mødedagen, ${formatDate(meeting.startsAt)}.`;
  }
  if (itemKind === 'minutes_approval') return 'Punktet "Godkendelse af referat" får ingen beslutning: medlemmerne godkender referatet, når det sendes til godkendelse.';
  return null;
}

function participantName(p: Participant): string {
  return p.party ? `${p.name} (${p.party})` : p.name;
}

// ---------- attendance ----------

/** Records who attended: every member present, absent (with a reason) or replaced by a substitute. */
export async function recordAttendance(
  db: Db,
  input: { meetingId: number; version: number; entries: AttendanceEntry[]; actor: Actor; now: Date },
): Promise<void> {
  await db.transaction(async (trx) => {
    const meeting = await findMeeting(trx, input.meetingId, true);
    if (!meeting) throw new NotFoundError('Mødet');
    if (meeting.version !== input.version) {
      throw new ConflictError(meeting.version, 'Mødet er blevet ændret af en anden, mens du registrerede fremmøde. Intet er gemt – dine valg står herunder, så du kan gemme igen.');
    }
    const refusal = attendanceRefusal(meeting, input.now);
    if (refusal) throw new RuleError('recording_not_allowed', refusal);

    const members = await membersOnDay(trx, meeting.id);
    const memberIds = new Set(members.map((m) => m.personId));
    for (const entry of input.entries) {
      if (!memberIds.has(entry.memberId)) throw new FieldRuleError(`status_${entry.memberId}`, 'Personen er ikke medlem af udvalget på mødedagen. Genindlæs siden, og prøv igen.');
    }
    for (const member of members) {
      if (!input.entries.some((e) => e.memberId === member.personId)) throw new FieldRuleError(`status_${member.personId}`, `Vælg fremmøde for ${member.name}`);
    }
    const options = await substituteOptions(trx, meeting.id);
    const chosen = new Map<number, number>();
    for (const entry of input.entries) {
      if (entry.substituteId === null) continue;
      const option = options.find((o) => o.personId === entry.substituteId);
      if (!option) throw new FieldRuleError(`substitute_${entry.memberId}`, 'Vælg en stedfortræder fra listen: udvalgets stedfortrædere eller en anden person i kommunen, der ikke selv er medlem af udvalget');
      if (chosen.has(option.personId)) throw new FieldRuleError(`substitute_${entry.memberId}`, `${option.name} er valgt som stedfortræder for flere medlemmer. Vælg en anden`);
      chosen.set(option.personId, entry.memberId);
    }

    const before = await attendanceRows(trx, meeting.id);
    await trx('attendance').where({ meeting_id: meeting.id }).delete();
    const rows = input.entries.flatMap((e) => {
      const own = { meeting_id: meeting.id, person_id: e.memberId, status: e.status === 'present' ? 'present' : 'absent', reason: e.reason, substitute_for_person_id: null };
      if (e.status !== 'substitute' || e.substituteId === null) return [own];
      return [own, { meeting_id: meeting.id, person_id: e.substituteId, status: 'substitute', reason: null, substitute_for_person_id: e.memberId }];
    });
    if (rows.length > 0) await trx('attendance').insert(rows);
    await syncDaySubstituteSeats(trx, meeting, chosen, options);
    await trx('meetings').where({ id: meeting.id }).update({ version: meeting.version + 1, updated_at: trx.fn.now() });
    await audit(trx, { userId: input.actor.userId, action: 'meeting.attendance', entity: 'meeting', entityId: meeting.id, before, after: await attendanceRows(trx, meeting.id) });
  });
}

/**
 * Someone who is not one of the committee's substitutes sits in a member's seat for
 * the day: they get a one-day substitute seat, so the minutes list them with their
 * party like any substitute. Such seats no longer used that day are removed again.
 */
async function syncDaySubstituteSeats(
  trx: Knex.Transaction,
  meeting: RecordingMeeting,
  chosen: Map<number, number>,
  options: Awaited<ReturnType<typeof substituteOptions>>,
): Promise<void> {
  const inUse = (await trx('attendance as a')
    .join('meetings as m', 'm.id', 'a.meeting_id')
    .where('m.committee_id', meeting.committeeId)
    .where('a.status', 'substitute')
    .whereRaw("(m.starts_at AT TIME ZONE 'Europe/Copenhagen')::date = ?::date", [meeting.day])
    .pluck('a.person_id')) as number[];
  await trx('memberships')
    .where({ committee_id: meeting.committeeId, role: 'substitute', valid_from: meeting.day, valid_to: meeting.day })
    .whereNotIn('person_id', inUse)
    .delete();
  for (const [personId, memberId] of chosen) {
    const option = options.find((o) => o.personId === personId);
    if (!option || option.committeeSubstitute) continue;
    await trx('memberships').insert({
      committee_id: meeting.committeeId,
      person_id: personId,
      role: 'substitute',
      party: option.party,
      substitute_for_person_id: memberId,
      voting_right: true,
      valid_from: meeting.day,
      valid_to: meeting.day,
    });
  }
}

// ---------- item recording ----------

interface ItemContext {
  item: ItemRecording;
  meeting: RecordingMeeting;
  participants: Participant[];
}

/** Locks the item against the form's version and checks that decisions may be recorded now. */
async function openItem(trx: Knex.Transaction, itemId: number, version: number, now: Date): Promise<ItemContext> {
  const locked = await lockItem(trx, itemId, version);
  const meeting = await findMeeting(trx, locked.meetingId);
  const item = await itemRecording(trx, itemId);
  if (!meeting || !item) throw new NotFoundError('Punktet');
  const refusal = decisionRefusal(meeting, now, item.kind);
  if (refusal) throw new RuleError('recording_not_allowed', refusal);
  return { item, meeting, participants: await meetingParticipantsForRecording(trx, meeting.id) };
}

function requireParticipants(ctx: ItemContext, personIds: number[], field: string): void {
  for (const id of personIds) {
    if (!ctx.participants.some((p) => p.personId === id)) {
      throw new FieldRuleError(field, 'Vælg kun blandt mødets deltagere. En af de valgte personer deltog ikke i mødet');
    }
  }
}

function requirePoint(ctx: ItemContext, pointNumber: number | null, field: string): void {
  if (pointNumber !== null && !ctx.item.points.some((p) => p.number === pointNumber)) {
    throw new FieldRuleError(field, `Indstillingen har ikke et punkt ${pointNumber}. Vælg et af indstillingens punkter`);
  }
}

async function finish(trx: Knex.Transaction, ctx: ItemContext, actor: Actor, action: string, before: unknown, after: unknown): Promise<void> {
  await bumpVersion(trx, ctx.item.id);
  await audit(trx, { userId: actor.userId, action, entity: 'agenda_item', entityId: ctx.item.id, before, after });
}

/** The decision of an item: one for the whole item or one per recommendation point, and who was absent or inhabil. */
export async function recordDecision(db: Db, input: { itemId: number; form: DecisionForm; actor: Actor; now: Date }): Promise<void> {
  await db.transaction(async (trx) => {
    const ctx = await openItem(trx, input.itemId, input.form.version, input.now);
    const { form } = input;
    for (const p of form.points) requirePoint(ctx, p.number, `phrase_${p.number}`);
    if (form.mode === 'points' && ctx.item.points.length === 0) throw new FieldRuleError('mode', 'Punktet har ingen indstilling med nummererede punkter. Vælg en beslutning for hele punktet');
    requireParticipants(ctx, form.absences.filter((a) => a.reason === 'absent').map((a) => a.personId), 'absent');
    requireParticipants(ctx, form.absences.filter((a) => a.reason === 'conflict_of_interest').map((a) => a.personId), 'conflict');

    const decision = form.mode === 'whole' ? composeDecision(form.whole.phrase, form.whole.text) : null;
    const pointDecisions = ctx.item.points.map((p) => {
      const posted = form.points.find((f) => f.number === p.number);
      return { number: p.number, decision: form.mode === 'points' && posted ? composeDecision(posted.phrase, posted.text) : null };
    });
    const before = { decision: ctx.item.decision, points: ctx.item.points.map((p) => ({ number: p.number, decision: p.decision })), absences: ctx.item.absences };
    const after = { decision, points: pointDecisions, absences: form.absences };
    if (JSON.stringify(before) === JSON.stringify(after)) return;

    await trx('agenda_items').where({ id: ctx.item.id }).update({ decision });
    for (const p of pointDecisions) await trx('recommendation_points').where({ item_id: ctx.item.id, number: p.number }).update({ decision: p.decision });
    await trx('item_absences').where({ item_id: ctx.item.id }).delete();
    if (form.absences.length > 0) {
      await trx('item_absences').insert(form.absences.map((a) => ({ item_id: ctx.item.id, person_id: a.personId, reason: a.reason, note: a.note })));
    }
    await finish(trx, ctx, input.actor, 'item.decision', before, after);
  });
}

/** A named vote on an amendment or on a recommendation point. */
export async function addVote(db: Db, input: { itemId: number; form: VoteForm; actor: Actor; now: Date }): Promise<void> {
  await db.transaction(async (trx) => {
    const ctx = await openItem(trx, input.itemId, input.form.version, input.now);
    const { target, ballots } = input.form;
    let amendmentId: number | null = null;
    let pointNumber: number | null;
    if (target.kind === 'amendment') {
      const amendment = ctx.item.amendments.find((a) => a.id === target.id);
      if (!amendment) throw new FieldRuleError('vote_target', 'Ændringsforslaget findes ikke på punktet. Vælg, hvad der blev stemt om');
      amendmentId = amendment.id;
      pointNumber = amendment.pointNumber;
      if (ctx.item.votes.some((v) => v.amendmentId === amendmentId)) {
        throw new FieldRuleError('vote_target', 'Der er allerede registreret en afstemning om ændringsforslaget. Slet den først, hvis den skal rettes');
      }
    } else {
      requirePoint(ctx, target.number, 'vote_target');
      pointNumber = target.number;
      if (ctx.item.votes.some((v) => v.amendmentId === null && v.pointNumber === pointNumber)) {
        throw new FieldRuleError('vote_target', `Der er allerede registreret en afstemning om indstillingens punkt ${pointNumber}. Slet den først, hvis den skal rettes`);
      }
    }
    for (const b of ballots) {
      const participant = ctx.participants.find((p) => p.personId === b.personId);
      if (!participant) throw new FieldRuleError(`ballot_${b.personId}`, 'Kun mødets deltagere kan stemme. Genindlæs siden, og prøv igen');
      const absence = ctx.item.absences.find((a) => a.personId === b.personId);
      if (absence) {
        const why = absence.reason === 'conflict_of_interest' ? 'er inhabil i punktet' : 'deltog ikke i punktet';
        throw new FieldRuleError(`ballot_${b.personId}`, `${participantName(participant)} ${why} og kan ikke stemme`);
      }
    }
    // Ballots in the order the participants are listed, so names read chair first.
    const order = (id: number) => ctx.participants.findIndex((p) => p.personId === id);
    const sorted = [...ballots].sort((a, b) => order(a.personId) - order(b.personId));
    const position = Math.max(0, ...ctx.item.votes.map((v) => v.position)) + 1;
    const [row] = await trx('votes').insert({ item_id: ctx.item.id, amendment_id: amendmentId, point_number: pointNumber, position }).returning('id');
    const voteId = (row as { id: number }).id;
    await trx('vote_ballots').insert(sorted.map((b, i) => ({ vote_id: voteId, person_id: b.personId, choice: b.choice, position: i + 1 })));
    await finish(trx, ctx, input.actor, 'item.vote.add', null, { voteId, amendmentId, pointNumber, ballots: sorted });
  });
}

export async function removeVote(db: Db, input: { itemId: number; voteId: number; version: number; actor: Actor; now: Date }): Promise<void> {
  await db.transaction(async (trx) => {
    const ctx = await openItem(trx, input.itemId, input.version, input.now);
    const vote = ctx.item.votes.find((v) => v.id === input.voteId);
    if (!vote) throw new FieldRuleError('recorded', 'Afstemningen findes ikke længere på punktet. Siden viser, hvad der er registreret nu.');
    await trx('votes').where({ id: vote.id }).delete();
    await finish(trx, ctx, input.actor, 'item.vote.remove', vote, null);
  });
}

/** An amendment (ændringsforslag): who proposed it, its text, the point it concerns and whether it was adopted. */
export async function addAmendment(db: Db, input: { itemId: number; form: AmendmentForm; actor: Actor; now: Date }): Promise<void> {
  await db.transaction(async (trx) => {
    const ctx = await openItem(trx, input.itemId, input.form.version, input.now);
    const { form } = input;
    requireParticipants(ctx, form.proposerIds, 'amendment_proposer');
    requirePoint(ctx, form.pointNumber, 'amendment_point');
    const text = markupToHtml(form.text);
    if (text.trim() === '') throw new FieldRuleError('amendment_text', 'Skriv ændringsforslagets tekst');
    const position = Math.max(0, ...ctx.item.amendments.map((a) => a.position)) + 1;
    const [row] = await trx('amendments').insert({ item_id: ctx.item.id, position, point_number: form.pointNumber, text, outcome: form.outcome }).returning('id');
    const amendmentId = (row as { id: number }).id;
    await trx('amendment_proposers').insert(form.proposerIds.map((personId, i) => ({ amendment_id: amendmentId, person_id: personId, position: i + 1 })));
    await finish(trx, ctx, input.actor, 'item.amendment.add', null, { amendmentId, pointNumber: form.pointNumber, text, outcome: form.outcome, proposerIds: form.proposerIds });
  });
}

/** Removes an amendment and the vote on it. */
export async function removeAmendment(db: Db, input: { itemId: number; amendmentId: number; version: number; actor: Actor; now: Date }): Promise<void> {
  await db.transaction(async (trx) => {
    const ctx = await openItem(trx, input.itemId, input.version, input.now);
    const amendment = ctx.item.amendments.find((a) => a.id === input.amendmentId);
    if (!amendment) throw new FieldRuleError('recorded', 'Ændringsforslaget findes ikke længere på punktet. Siden viser, hvad der er registreret nu.');
    const votes = ctx.item.votes.filter((v) => v.amendmentId === amendment.id);
    await trx('amendments').where({ id: amendment.id }).delete();
    await finish(trx, ctx, input.actor, 'item.amendment.remove', { ...amendment, votes }, null);
  });
}

/** A dissent or minority statement: "X, Y kunne ikke godkende …". */
export async function addDissent(db: Db, input: { itemId: number; form: DissentForm; actor: Actor; now: Date }): Promise<void> {
  await db.transaction(async (trx) => {
    const ctx = await openItem(trx, input.itemId, input.form.version, input.now);
    const { form } = input;
    requireParticipants(ctx, form.personIds, 'dissent_person');
    requirePoint(ctx, form.pointNumber, 'dissent_point');
    const position = Math.max(0, ...ctx.item.dissents.map((d) => d.position)) + 1;
    const [row] = await trx('dissents').insert({ item_id: ctx.item.id, position, point_number: form.pointNumber, text: form.text }).returning('id');
    const dissentId = (row as { id: number }).id;
    await trx('dissent_persons').insert(form.personIds.map((personId, i) => ({ dissent_id: dissentId, person_id: personId, position: i + 1 })));
    await finish(trx, ctx, input.actor, 'item.dissent.add', null, { dissentId, pointNumber: form.pointNumber, text: form.text, personIds: form.personIds });
  });
}

export async function removeDissent(db: Db, input: { itemId: number; dissentId: number; version: number; actor: Actor; now: Date }): Promise<void> {
  await db.transaction(async (trx) => {
    const ctx = await openItem(trx, input.itemId, input.version, input.now);
    const dissent = ctx.item.dissents.find((d) => d.id === input.dissentId);
    if (!dissent) throw new FieldRuleError('recorded', 'Mindretalsudtalelsen findes ikke længere på punktet. Siden viser, hvad der er registreret nu.');
    await trx('dissents').where({ id: dissent.id }).delete();
    await finish(trx, ctx, input.actor, 'item.dissent.remove', dissent, null);
  });
}
