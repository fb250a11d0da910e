import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { ConflictError, RuleError } from '../../web/app-errors';
import { NotFoundError } from '../../web/errors';
import { audit } from '../audit/audit';
import { computeBudgetTable } from '../budget-tables/compute';
import { budgetTableSchema } from '../budget-tables/schema';
import { definitionHash } from '../budget-tables/confirmation';
import { insertItemGraph } from '../items/item-graph';
import type { Actor } from '../items/service';
import { isAgendaPublic, statusRank, type MeetingStatus } from './meeting-status';
import { meetingSlug } from './slug';

export interface MeetingInput {
  startsAt: Date;
  endsAt: Date | null;
  location: string | null;
}

async function uniqueSlug(trx: Knex.Transaction, committeeId: number, startsAt: Date, exceptMeetingId?: number): Promise<string> {
  const committee = await trx('committees').where({ id: committeeId }).first('slug');
  const plain = meetingSlug(committee.slug as string, startsAt, false);
  const clash = await trx('meetings').where({ slug: plain }).modify((q) => exceptMeetingId && q.whereNot({ id: exceptMeetingId })).first('id');
  if (!clash) return plain;
  const timed = meetingSlug(committee.slug as string, startsAt, true);
  const clashTimed = await trx('meetings').where({ slug: timed }).modify((q) => exceptMeetingId && q.whereNot({ id: exceptMeetingId })).first('id');
  if (clashTimed) throw new RuleError('meeting_exists', 'Udvalget har allerede et møde på det tidspunkt');
  return timed;
}

/** Plans a meeting. Its agenda starts with the signature item, which stays last ("Godkendelse af referat"). */
export async function planMeeting(db: Db, input: MeetingInput & { committeeId: number; actor: Actor }): Promise<number> {
  return db.transaction(async (trx) => {
    const slug = await uniqueSlug(trx, input.committeeId, input.startsAt);
    const [row] = await trx('meetings')
      .insert({ committee_id: input.committeeId, slug, starts_at: input.startsAt, ends_at: input.endsAt, location: input.location, status: 'planned' })
      .returning('id');
    const meetingId = (row as { id: number }).id;
    await insertItemGraph(trx, meetingId, {
      number: 1,
      position: 1,
      kind: 'minutes_approval',
      isClosed: false,
      caseId: null,
      postponedFromItemId: null,
      title: 'Godkendelse af referat (underskriftside)',
      summary: null,
      background: null,
      casePresentation: null,
      financialText: null,
      decidedByCommitteeId: input.committeeId,
      recommendationBy: null,
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
    await audit(trx, { userId: input.actor.userId, action: 'meeting.plan', entity: 'meeting', entityId: meetingId, after: { ...input, actor: undefined, slug } });
    return meetingId;
  });
}

async function lockMeeting(trx: Knex.Transaction, meetingId: number, version?: number) {
  const meeting = await trx('meetings').where({ id: meetingId }).forUpdate().first();
  if (!meeting) throw new NotFoundError('Mødet');
  if (version !== undefined && meeting.version !== version) {
    throw new ConflictError(meeting.version as number, 'Mødet er blevet ændret af en anden, mens du redigerede. Dine ændringer er ikke gemt; dine indtastninger står herunder.');
  }
  return meeting as { id: number; committee_id: number; slug: string; starts_at: Date; ends_at: Date | null; location: string | null; status: MeetingStatus; cancelled: boolean; version: number };
}

/** Edits or moves a meeting. Its address changes with the date only while nothing is published. */
export async function updateMeeting(db: Db, input: MeetingInput & { meetingId: number; version: number; actor: Actor }): Promise<void> {
  await db.transaction(async (trx) => {
    const meeting = await lockMeeting(trx, input.meetingId, input.version);
    const slug = isAgendaPublic(meeting.status) ? meeting.slug : await uniqueSlug(trx, meeting.committee_id, input.startsAt, meeting.id);
    await trx('meetings')
      .where({ id: meeting.id })
      .update({ starts_at: input.startsAt, ends_at: input.endsAt, location: input.location, slug, version: meeting.version + 1, updated_at: trx.fn.now() });
    await audit(trx, {
      userId: input.actor.userId,
      action: 'meeting.update',
      entity: 'meeting',
      entityId: meeting.id,
      before: { startsAt: meeting.starts_at, endsAt: meeting.ends_at, location: meeting.location, slug: meeting.slug },
      after: { startsAt: input.startsAt, endsAt: input.endsAt, location: input.location, slug },
    });
  });
}

export async function setCancelled(db: Db, input: { meetingId: number; cancelled: boolean; actor: Actor }): Promise<void> {
  await db.transaction(async (trx) => {
    const meeting = await lockMeeting(trx, input.meetingId);
    if (statusRank(meeting.status) >= statusRank('held')) throw new RuleError('held', 'Mødet er afholdt og kan ikke aflyses');
    await trx('meetings').where({ id: meeting.id }).update({ cancelled: input.cancelled, version: meeting.version + 1 });
    await audit(trx, { userId: input.actor.userId, action: input.cancelled ? 'meeting.cancel' : 'meeting.reinstate', entity: 'meeting', entityId: meeting.id });
  });
}

/** Budget tables on the meeting whose numbers disagree with their formulas and that nobody has confirmed. */
export async function unconfirmedTables(trx: Knex.Transaction | Db, meetingId: number): Promise<Array<{ itemNumber: number; position: number; problems: number }>> {
  const rows = (await trx('budget_tables as t')
    .join('agenda_items as i', 'i.id', 't.item_id')
    .where('i.meeting_id', meetingId)
    .orderBy(['i.position', 't.position'])
    .select('i.number as itemNumber', 't.position', 't.definition', 't.confirmed_definition_hash as confirmed')) as Array<{
    itemNumber: number;
    position: number;
    definition: unknown;
    confirmed: string | null;
  }>;
  const out: Array<{ itemNumber: number; position: number; problems: number }> = [];
  for (const row of rows) {
    const table = budgetTableSchema.parse(row.definition);
    const problems = computeBudgetTable(table).discrepancies.length;
    if (problems > 0 && row.confirmed !== definitionHash(table)) out.push({ itemNumber: row.itemNumber, position: row.position, problems });
  }
  return out;
}

/** Publishes the agenda: the public meeting page shows the dagsorden from now on. */
export async function publishAgenda(db: Db, input: { meetingId: number; actor: Actor; now: Date }): Promise<void> {
  await db.transaction(async (trx) => {
    const meeting = await lockMeeting(trx, input.meetingId);
    if (meeting.cancelled) throw new RuleError('cancelled', 'Mødet er aflyst');
    if (meeting.status !== 'planned') throw new RuleError('already_published', 'Dagsordenen er allerede offentliggjort');
    const count = await trx('agenda_items').where({ meeting_id: meeting.id }).whereNot({ kind: 'minutes_approval' }).count<{ count: number }[]>('* as count');
    if (Number(count[0]?.count ?? 0) === 0) throw new RuleError('empty', 'Dagsordenen har ingen punkter endnu');
    const problems = await unconfirmedTables(trx, meeting.id);
    if (problems.length > 0) {
      const list = problems.map((p) => `punkt ${p.itemNumber}, tabel ${p.position}`).join('; ');
      throw new RuleError('table_discrepancies', `Tal i budgettabeller stemmer ikke med deres formler (${list}). Ret tabellerne, eller bekræft dem på tabellens side.`);
    }
    await trx('meetings').where({ id: meeting.id }).update({ status: 'agenda_published', agenda_published_at: input.now, version: meeting.version + 1 });
    await audit(trx, { userId: input.actor.userId, action: 'meeting.publish_agenda', entity: 'meeting', entityId: meeting.id });
  });
}

const NEXT: Partial<Record<MeetingStatus, MeetingStatus>> = { agenda_published: 'held', held: 'minutes_draft' };

/** Records that the meeting was held, then opens the minutes draft. Later states belong to the approval workflow. */
export async function advanceStatus(db: Db, input: { meetingId: number; to: MeetingStatus; actor: Actor }): Promise<void> {
  await db.transaction(async (trx) => {
    const meeting = await lockMeeting(trx, input.meetingId);
    if (NEXT[meeting.status] !== input.to) throw new RuleError('status', 'Mødet kan ikke skifte til den status nu');
    await trx('meetings').where({ id: meeting.id }).update({ status: input.to, version: meeting.version + 1 });
    await audit(trx, { userId: input.actor.userId, action: `meeting.${input.to}`, entity: 'meeting', entityId: meeting.id, before: { status: meeting.status }, after: { status: input.to } });
  });
}
