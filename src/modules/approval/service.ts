import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { formatDate } from '../../i18n/format';
import { AppError } from '../../web/errors';
import { ConflictError, RuleError } from '../../web/app-errors';
import { audit } from '../audit/audit';
import type { Mailer } from '../mail/mailer';
import type { MeetingStatus } from '../meetings/meeting-status';
import { canonicalMinutes, type CanonicalMinutes } from './canonical';

export interface Approver {
  personId: number;
  name: string;
  party: string | null;
  email: string | null;
  userId: number | null;
}

/**
 * Who must approve: everyone who sat in the meeting (present, or a substitute in a
 * member's seat). Before attendance is recorded: the committee's members on the day.
 */
export async function requiredApprovers(db: Db, meetingId: number): Promise<Approver[]> {
  const attended = await db('attendance').where({ meeting_id: meetingId }).whereIn('status', ['present', 'substitute']).pluck('person_id');
  const recorded = await db('attendance').where({ meeting_id: meetingId }).first('person_id');
  const result = await db.raw<{ rows: Approver[] }>(
    `SELECT p.id AS "personId", p.name, u.email, u.id AS "userId",
            (SELECT ms.party FROM memberships ms WHERE ms.person_id = p.id AND ms.committee_id = m.committee_id AND ms.party IS NOT NULL
              ORDER BY ms.valid_from DESC LIMIT 1) AS party
       FROM meetings m
       JOIN people p ON ${recorded ? 'p.id = ANY(?)' : `p.id IN (
            SELECT ms.person_id FROM memberships ms
             WHERE ms.committee_id = m.committee_id AND ms.role <> 'substitute'
               AND ms.valid_from <= (m.starts_at AT TIME ZONE 'Europe/Copenhagen')::date
               AND (ms.valid_to IS NULL OR ms.valid_to >= (m.starts_at AT TIME ZONE 'Europe/Copenhagen')::date))`}
       LEFT JOIN users u ON u.person_id = p.id AND u.disabled = false
      WHERE m.id = ?
      ORDER BY p.name`,
    recorded ? [attended, meetingId] : [meetingId],
  );
  return result.rows;
}

export interface ApprovalState {
  status: MeetingStatus;
  current: CanonicalMinutes;
  approvers: Array<
    Approver & {
      approvedAt: Date | null;
      registeredReason: string | null;
      registeredBy: string | null;
      /** Approved an earlier wording: no longer counts */
      staleApproval: { at: Date; hash: string } | null;
    }
  >;
  missing: number;
}

export async function approvalState(db: Db, meetingId: number): Promise<ApprovalState> {
  const meeting = await db('meetings').where({ id: meetingId }).first('status', 'approval_round');
  if (!meeting) throw new AppError(404, 'not_found', 'Mødet findes ikke.');
  const current = await canonicalMinutes(db, meetingId);
  const approvers = await requiredApprovers(db, meetingId);
  // After a reopening, only approvals of the new round count: the new version is approved anew.
  const approvals = (await db('minutes_approvals as a')
    .leftJoin('users as r', 'r.id', 'a.registered_by_user_id')
    .where('a.meeting_id', meetingId)
    .where('a.round', meeting.approval_round)
    .orderBy('a.approved_at', 'desc')
    .select('a.person_id', 'a.content_hash', 'a.approved_at', 'a.registered_reason', 'r.name as registered_by')) as Array<{
    person_id: number;
    content_hash: string;
    approved_at: Date;
    registered_reason: string | null;
    registered_by: string | null;
  }>;
  const rows = approvers.map((a) => {
    const valid = approvals.find((x) => x.person_id === a.personId && x.content_hash === current.hash);
    const stale = valid ? undefined : approvals.find((x) => x.person_id === a.personId);
    return {
      ...a,
      approvedAt: valid?.approved_at ?? null,
      registeredReason: valid?.registered_reason ?? null,
      registeredBy: valid?.registered_by ?? null,
      staleApproval: stale ? { at: stale.approved_at, hash: stale.content_hash } : null,
    };
  });
  return { status: meeting.status as MeetingStatus, current, approvers: rows, missing: rows.filter((r) => !r.approvedAt).length };
}

async function lockMeeting(trx: Knex.Transaction, meetingId: number) {
  const meeting = await trx('meetings as m').join('committees as c', 'c.id', 'm.committee_id').where('m.id', meetingId).forUpdate('m').first('m.*', 'c.name as committee_name');
  if (!meeting) throw new AppError(404, 'not_found', 'Mødet findes ikke.');
  return meeting as { id: number; status: MeetingStatus; slug: string; starts_at: Date; committee_name: string; version: number; approval_round: number };
}

async function saveSnapshot(trx: Knex.Transaction, meetingId: number, minutes: CanonicalMinutes): Promise<void> {
  await trx('minutes_snapshots').insert({ content_hash: minutes.hash, meeting_id: meetingId, canonical: minutes.text }).onConflict('content_hash').ignore();
}

function approvalMail(mailer: Mailer, meeting: { id: number; committee_name: string; starts_at: Date }, reminder: boolean) {
  const link = `${mailer.baseUrl}/mine-moeder/${meeting.id}`;
  return {
    subject: `${reminder ? 'Påmindelse: ' : ''}Godkend referatet fra ${meeting.committee_name} ${formatDate(meeting.starts_at)}`,
    body: [
      'Kære udvalgsmedlem',
      '',
      `Referatet fra ${meeting.committee_name}s møde ${formatDate(meeting.starts_at)} er klar til godkendelse.`,
      'For at godkende referatet for dette møde skal alle medlemmer af udvalget klikke på "Godkendt".',
      '',
      `Læs og godkend referatet her: ${link}`,
      'Har du bemærkninger, kan du skrive dem samme sted i stedet for at godkende.',
      '',
      'Venlig hilsen',
      'Sekretariatet',
    ].join('\n'),
  };
}

/** The secretary releases the draft: members are asked (on "Mine møder" and by mail) to approve it. */
export async function releaseForApproval(db: Db, input: { meetingId: number; userId: number; now: Date; mailer: Mailer }): Promise<number> {
  return db.transaction(async (trx) => {
    const meeting = await lockMeeting(trx, input.meetingId);
    if (meeting.status !== 'minutes_draft') throw new RuleError('status', 'Referatet kan kun sendes til godkendelse fra referatudkastet');
    const minutes = await canonicalMinutes(trx, meeting.id);
    await saveSnapshot(trx, meeting.id, minutes);
    await trx('meetings').where({ id: meeting.id }).update({ status: 'minutes_in_approval', released_for_approval_at: input.now, version: meeting.version + 1 });
    const approvers = await requiredApprovers(trx, meeting.id);
    const mail = approvalMail(input.mailer, meeting, false);
    for (const a of approvers) if (a.email) await input.mailer.queue(trx, { to: a.email, ...mail, kind: 'approval_request', meetingId: meeting.id }, input.now);
    await audit(trx, { userId: input.userId, action: 'minutes.release', entity: 'meeting', entityId: meeting.id, after: { hash: minutes.hash, approvers: approvers.map((a) => a.name) } });
    return approvers.length;
  });
}

export async function sendReminders(db: Db, input: { meetingId: number; userId: number; now: Date; mailer: Mailer }): Promise<number> {
  const state = await approvalState(db, input.meetingId);
  if (state.status !== 'minutes_in_approval') throw new RuleError('status', 'Referatet er ikke til godkendelse');
  return db.transaction(async (trx) => {
    const meeting = await lockMeeting(trx, input.meetingId);
    const mail = approvalMail(input.mailer, meeting, true);
    let sent = 0;
    for (const a of state.approvers.filter((x) => !x.approvedAt && x.email)) {
      await input.mailer.queue(trx, { to: a.email as string, ...mail, kind: 'approval_reminder', meetingId: meeting.id }, input.now);
      sent++;
    }
    await audit(trx, { userId: input.userId, action: 'minutes.remind', entity: 'meeting', entityId: meeting.id, after: { sent } });
    return sent;
  });
}

export interface Publication {
  renderPublicHtml(db: Db, meetingId: number): Promise<string>;
}

/** When every required approval matches the current content, the minutes lock and are published, as one new version. */
async function publishIfComplete(trx: Knex.Transaction, meetingId: number, round: number, now: Date, publication: Publication): Promise<boolean> {
  const state = await approvalState(trx, meetingId);
  if (state.missing > 0 || state.approvers.length === 0) return false;
  await trx('meetings').where({ id: meetingId }).update({ status: 'minutes_approved' });
  await trx('meetings').where({ id: meetingId }).update({ status: 'minutes_published' });
  const last = (await trx('minutes_versions').where({ meeting_id: meetingId }).max<{ max: number | null }[]>('version as max'))[0]?.max ?? 0;
  const publicHtml = await publication.renderPublicHtml(trx, meetingId);
  await trx('minutes_versions').insert({
    meeting_id: meetingId,
    version: last + 1,
    round,
    content_hash: state.current.hash,
    released_at: now,
    published_at: now,
    public_html: publicHtml,
  });
  await audit(trx, { userId: null, action: 'minutes.publish', entity: 'meeting', entityId: meetingId, after: { version: last + 1, hash: state.current.hash } });
  return true;
}

/**
 * A member approves exactly the content they read: the form carries the hash of
 * what was shown, and an approval of anything else is refused. Approving twice
 * changes nothing.
 */
export async function approve(
  db: Db,
  input: { meetingId: number; personId: number; userId: number | null; seenHash: string; now: Date; publication: Publication; registered?: { byUserId: number; reason: string } },
): Promise<'approved' | 'already' | 'published'> {
  return db.transaction(async (trx) => {
    const meeting = await lockMeeting(trx, input.meetingId);
    if (meeting.status !== 'minutes_in_approval') throw new RuleError('status', 'Referatet er ikke til godkendelse lige nu');
    const minutes = await canonicalMinutes(trx, meeting.id);
    if (minutes.hash !== input.seenHash) throw new ConflictError(0, 'Referatet er blevet rettet, siden du åbnede det. Læs ændringerne og godkend igen.');
    const approvers = await requiredApprovers(trx, meeting.id);
    if (!approvers.some((a) => a.personId === input.personId)) throw new AppError(403, 'not_approver', 'Du skal ikke godkende dette referat, fordi du ikke deltog i mødet.');
    await saveSnapshot(trx, meeting.id, minutes);
    const state = await approvalState(trx, meeting.id);
    if (state.approvers.find((a) => a.personId === input.personId)?.approvedAt) return 'already';
    const inserted = await trx('minutes_approvals')
      .insert({
        meeting_id: meeting.id,
        person_id: input.personId,
        content_hash: minutes.hash,
        round: meeting.approval_round,
        approved_at: input.now,
        user_id: input.userId,
        registered_by_user_id: input.registered?.byUserId ?? null,
        registered_reason: input.registered?.reason ?? null,
      })
      .returning('id');
    if (inserted.length === 0) throw new Error('approval not stored');
    await audit(trx, {
      userId: input.registered?.byUserId ?? input.userId,
      action: input.registered ? 'minutes.approve_on_behalf' : 'minutes.approve',
      entity: 'meeting',
      entityId: meeting.id,
      after: { personId: input.personId, hash: minutes.hash, reason: input.registered?.reason ?? null },
    });
    return (await publishIfComplete(trx, meeting.id, meeting.approval_round, input.now, input.publication)) ? 'published' : 'approved';
  });
}

export async function addRemark(db: Db, input: { meetingId: number; personId: number; text: string; seenHash: string; now: Date }): Promise<void> {
  await db.transaction(async (trx) => {
    const meeting = await lockMeeting(trx, input.meetingId);
    if (meeting.status !== 'minutes_in_approval') throw new RuleError('status', 'Referatet er ikke til godkendelse lige nu');
    await trx('minutes_remarks').insert({ meeting_id: meeting.id, person_id: input.personId, content_hash: input.seenHash, text: input.text, created_at: input.now });
    await audit(trx, { userId: null, action: 'minutes.remark', entity: 'meeting', entityId: meeting.id, after: { personId: input.personId, text: input.text } });
  });
}

export async function answerRemark(db: Db, input: { remarkId: number; meetingId: number; answer: string; userId: number; now: Date }): Promise<void> {
  await db.transaction(async (trx) => {
    const remark = await trx('minutes_remarks').where({ id: input.remarkId, meeting_id: input.meetingId }).forUpdate().first();
    if (!remark) throw new AppError(404, 'not_found', 'Bemærkningen findes ikke.');
    await trx('minutes_remarks').where({ id: remark.id }).update({ answer: input.answer, answered_at: input.now, answered_by_user_id: input.userId });
    await audit(trx, { userId: input.userId, action: 'minutes.answer_remark', entity: 'meeting', entityId: input.meetingId, before: { answer: remark.answer }, after: { answer: input.answer } });
  });
}

/** Only an admin, with a reason: the published version stays readable; the next publication is a new version. */
export async function reopenMinutes(db: Db, input: { meetingId: number; reason: string; userId: number; now: Date; publication: Publication }): Promise<void> {
  await db.transaction(async (trx) => {
    const meeting = await lockMeeting(trx, input.meetingId);
    if (meeting.status !== 'minutes_published') throw new RuleError('status', 'Kun et offentliggjort referat kan genåbnes');
    // Keep the published version readable exactly as it was (demo and imported minutes have no rendering yet).
    const current = await trx('minutes_versions').where({ meeting_id: meeting.id }).orderBy('version', 'desc').first('id', 'public_html');
    if (current && !current.public_html) await trx('minutes_versions').where({ id: current.id }).update({ public_html: await input.publication.renderPublicHtml(trx, meeting.id) });
    await trx('meetings').where({ id: meeting.id }).update({ status: 'minutes_draft', approval_round: meeting.approval_round + 1 });
    const latest = await trx('minutes_versions').where({ meeting_id: meeting.id }).orderBy('version', 'desc').first('id', 'version');
    if (latest) await trx('minutes_versions').where({ id: latest.id }).update({ reopened_at: input.now, reopen_reason: input.reason, reopened_by_user_id: input.userId });
    await audit(trx, { userId: input.userId, action: 'minutes.reopen', entity: 'meeting', entityId: meeting.id, after: { reason: input.reason, version: latest?.version ?? null } });
  });
}

/**
 * Minutes approved outside Mødebog (demo data, imports from a case system): records
 * every participant's approval of the current content at the given time and
 * publishes it as version 1. Call inside the transaction that wrote the minutes.
 */
export async function recordApprovedMinutes(trx: Knex.Transaction, input: { meetingId: number; approvedAt: Date }): Promise<string> {
  const minutes = await canonicalMinutes(trx, input.meetingId);
  await saveSnapshot(trx, input.meetingId, minutes);
  for (const approver of await requiredApprovers(trx, input.meetingId)) {
    await trx('minutes_approvals').insert({ meeting_id: input.meetingId, person_id: approver.personId, content_hash: minutes.hash, round: 1, approved_at: input.approvedAt, user_id: approver.userId });
  }
  await trx('meetings').where({ id: input.meetingId }).update({ status: 'minutes_approved', released_for_approval_at: input.approvedAt });
  await trx('meetings').where({ id: input.meetingId }).update({ status: 'minutes_published' });
  await trx('minutes_versions').insert({ meeting_id: input.meetingId, version: 1, round: 1, content_hash: minutes.hash, released_at: input.approvedAt, published_at: input.approvedAt });
  return minutes.hash;
}
