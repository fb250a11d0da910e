import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/knex';
import { formatDate, formatTime } from '../../i18n/format';
import type { RouteDeps } from '../../routes';
import { ConflictError, RuleError } from '../../web/app-errors';
import { AppError, NotFoundError } from '../../web/errors';
import { id, requiredText } from '../../web/form-fields';
import { flash, parseForm } from '../../web/forms';
import type { RouteDef } from '../../web/route-table';
import type { User } from '../auth/repository';
import { STATUS_LABELS } from '../meetings/meeting-status';
import { diffLines, readableLines } from './canonical';
import { addRemark, answerRemark, approvalState, approve, releaseForApproval, reopenMinutes, sendReminders } from './service';

const hashField = z.string({ required_error: 'Genindlæs siden og prøv igen', invalid_type_error: 'Genindlæs siden og prøv igen' }).regex(/^[0-9a-f]{64}$/, 'Genindlæs siden og prøv igen');

export interface MemberApprovalPanel {
  meetingId: number;
  status: string;
  inApproval: boolean;
  isApprover: boolean;
  hash: string;
  approvedAt: string | null;
  /** The member approved an earlier wording: what changed since */
  changes: Array<{ kind: string; text: string }> | null;
  remarks: Array<{ text: string; at: string; answer: string | null }>;
  approvedCount: number;
  total: number;
}

/** The approval box on a member's page for a meeting (/mine-moeder/:meetingId). */
export async function memberApprovalPanel(db: Db, meetingId: number, user: User): Promise<MemberApprovalPanel | null> {
  const state = await approvalState(db, meetingId);
  if (!['minutes_in_approval', 'minutes_published', 'minutes_approved'].includes(state.status)) return null;
  const me = state.approvers.find((a) => a.personId === user.personId);
  let changes: MemberApprovalPanel['changes'] = null;
  if (me && !me.approvedAt && me.staleApproval) {
    const before = await db('minutes_snapshots').where({ content_hash: me.staleApproval.hash }).first('canonical');
    if (before) changes = diffLines(readableLines(before.canonical as string), readableLines(state.current.text)).filter((l) => l.kind !== 'same');
  }
  const remarks = user.personId
    ? ((await db('minutes_remarks').where({ meeting_id: meetingId, person_id: user.personId }).orderBy('created_at').select('text', 'created_at', 'answer')) as Array<{ text: string; created_at: Date; answer: string | null }>)
    : [];
  return {
    meetingId,
    status: STATUS_LABELS[state.status],
    inApproval: state.status === 'minutes_in_approval',
    isApprover: Boolean(me),
    hash: state.current.hash,
    approvedAt: me?.approvedAt ? `${formatDate(me.approvedAt)} kl. ${formatTime(me.approvedAt)}` : null,
    changes,
    remarks: remarks.map((r) => ({ text: r.text, at: formatDate(r.created_at), answer: r.answer })),
    approvedCount: state.approvers.length - state.missing,
    total: state.approvers.length,
  };
}

export function approvalRoutes(deps: RouteDeps): RouteDef[] {
  const { db, now, mailer, publication } = deps;
  const user = (res: Response) => res.locals.user as User;
  const meetingId = (req: Request) => Number(req.params.meetingId);
  const back = (req: Request) => `/mine-moeder/${meetingId(req)}`;
  const adminBack = (req: Request) => `/admin/moeder/${meetingId(req)}/godkendelse`;

  /** Runs an action; a broken rule or a stale page comes back as a message (nothing changed). Bad input is a 422. */
  const act = (to: (req: Request) => string, work: (req: Request, res: Response) => Promise<string>) => async (req: Request, res: Response) => {
    try {
      flash(res, 'success', await work(req, res));
    } catch (error) {
      if (!(error instanceof RuleError || error instanceof ConflictError)) throw error;
      flash(res, 'warning', error.userMessage);
    }
    await mailer.flush(db, now());
    res.redirect(303, to(req));
  };

  const requirePerson = (res: Response): number => {
    const personId = user(res).personId;
    if (personId === null) throw new AppError(403, 'not_member', 'Kun udvalgets medlemmer godkender referatet.');
    return personId;
  };

  const approveHandler = act(back, async (req, res) => {
    const parsed = parseForm(z.object({ hash: hashField }), req.body);
    if (!parsed.ok) throw new AppError(422, 'invalid', parsed.errors[0]?.message ?? 'Ugyldig forespørgsel');
    const result = await approve(db, { meetingId: meetingId(req), personId: requirePerson(res), userId: user(res).id, seenHash: parsed.data.hash, now: now(), publication });
    if (result === 'published') await deps.onPublished?.(meetingId(req));
    if (result === 'already') return 'Du har allerede godkendt referatet.';
    if (result === 'published') return 'Tak. Alle har godkendt, og referatet er nu offentliggjort.';
    return 'Tak. Din godkendelse er registreret.';
  });

  const remarkSchema = z.object({ hash: hashField, text: requiredText('Skriv din bemærkning til referatet', 5000) });
  const remarkHandler = async (req: Request, res: Response) => {
    const personId = requirePerson(res);
    const parsed = parseForm(remarkSchema, req.body);
    if (!parsed.ok) {
      throw new AppError(422, 'invalid', parsed.errors.map((e) => e.message).join('. '));
    }
    await act(back, async () => {
      await addRemark(db, { meetingId: meetingId(req), personId, text: parsed.data.text, seenHash: parsed.data.hash, now: now() });
      return 'Din bemærkning er sendt til sekretariatet.';
    })(req, res);
  };

  // Secretariat ---------------------------------------------------------------------------------

  const overview = async (req: Request, res: Response) => {
    const meeting = await db('meetings as m').join('committees as c', 'c.id', 'm.committee_id').where('m.id', meetingId(req)).first('m.id', 'm.status', 'm.starts_at', 'c.name as committee');
    if (!meeting) throw new NotFoundError('Mødet');
    const state = await approvalState(db, meeting.id);
    const remarks = (await db('minutes_remarks as r')
      .join('people as p', 'p.id', 'r.person_id')
      .where('r.meeting_id', meeting.id)
      .orderBy('r.created_at')
      .select('r.id', 'p.name', 'r.text', 'r.created_at', 'r.answer', 'r.content_hash')) as Array<{ id: number; name: string; text: string; created_at: Date; answer: string | null; content_hash: string }>;
    res.render('pages/admin/approval', {
      pageTitle: `Godkendelse af referat – ${meeting.committee}, ${formatDate(meeting.starts_at)}`,
      meeting: { id: meeting.id, committee: meeting.committee, date: formatDate(meeting.starts_at), status: STATUS_LABELS[state.status] },
      canRelease: state.status === 'minutes_draft',
      inApproval: state.status === 'minutes_in_approval',
      canReopen: state.status === 'minutes_published' && user(res).role === 'admin',
      hash: state.current.hash,
      approvers: state.approvers.map((a) => ({
        personId: a.personId,
        name: a.name,
        party: a.party,
        approvedAt: a.approvedAt ? `${formatDate(a.approvedAt)} kl. ${formatTime(a.approvedAt)}` : null,
        registered: a.registeredBy ? `registreret af ${a.registeredBy}: ${a.registeredReason}` : null,
        stale: a.staleApproval ? `godkendte en tidligere udgave ${formatDate(a.staleApproval.at)}` : null,
        hasAccount: a.userId !== null,
      })),
      missing: state.approvers.filter((a) => !a.approvedAt).map((a) => ({ value: a.personId, text: a.name })),
      remarks: remarks.map((r) => ({ ...r, at: `${formatDate(r.created_at)} kl. ${formatTime(r.created_at)}`, outdated: r.content_hash !== state.current.hash })),
      values: {},
      breadcrumbs: [{ href: '/admin', text: 'Administration' }, { href: `/admin/moeder/${meeting.id}`, text: `${meeting.committee}, ${formatDate(meeting.starts_at)}` }, { text: 'Godkendelse' }],
    });
  };

  const release = act(adminBack, async (req, res) => {
    const count = await releaseForApproval(db, { meetingId: meetingId(req), userId: user(res).id, now: now(), mailer });
    return `Referatet er sendt til godkendelse hos ${count} deltagere.`;
  });

  const remind = act(adminBack, async (req, res) => {
    const sent = await sendReminders(db, { meetingId: meetingId(req), userId: user(res).id, now: now(), mailer });
    return sent === 1 ? 'Der er sendt 1 påmindelse.' : `Der er sendt ${sent} påmindelser.`;
  });

  const onBehalfSchema = z.object({
    hash: hashField,
    personId: id('Vælg det medlem, du registrerer godkendelsen for'),
    reason: requiredText('Skriv hvorfor du registrerer godkendelsen for medlemmet, fx "Godkendt pr. telefon 14. april"', 1000),
  });
  const onBehalf = async (req: Request, res: Response) => {
    const parsed = parseForm(onBehalfSchema, req.body);
    if (!parsed.ok) throw new AppError(422, 'invalid', parsed.errors.map((e) => e.message).join('. '));
    await act(adminBack, async () => {
      const result = await approve(db, {
        meetingId: meetingId(req),
        personId: parsed.data.personId,
        userId: null,
        seenHash: parsed.data.hash,
        now: now(),
        publication,
        registered: { byUserId: user(res).id, reason: parsed.data.reason },
      });
      if (result === 'published') await deps.onPublished?.(meetingId(req));
      return result === 'published' ? 'Godkendelsen er registreret. Alle har godkendt, og referatet er offentliggjort.' : 'Godkendelsen er registreret med begrundelse.';
    })(req, res);
  };

  const answerSchema = z.object({ answer: requiredText('Skriv dit svar på bemærkningen', 5000) });
  const answer = async (req: Request, res: Response) => {
    const parsed = parseForm(answerSchema, req.body);
    if (!parsed.ok) throw new AppError(422, 'invalid', parsed.errors[0]?.message ?? 'Skriv dit svar');
    await act(adminBack, async () => {
      await answerRemark(db, { remarkId: Number(req.params.remarkId), meetingId: meetingId(req), answer: parsed.data.answer, userId: user(res).id, now: now() });
      return 'Svaret er gemt.';
    })(req, res);
  };

  const reopenSchema = z.object({ reason: requiredText('Skriv begrundelsen for at genåbne referatet. Den vises offentligt', 1000) });
  const reopen = async (req: Request, res: Response) => {
    const parsed = parseForm(reopenSchema, req.body);
    if (!parsed.ok) throw new AppError(422, 'invalid', parsed.errors[0]?.message ?? 'Skriv begrundelsen');
    await act(adminBack, async () => {
      await reopenMinutes(db, { meetingId: meetingId(req), reason: parsed.data.reason, userId: user(res).id, now: now(), publication });
      await deps.onPublished?.(meetingId(req));
      return 'Referatet er genåbnet. Den godkendte version forbliver offentlig, indtil den rettede version er godkendt.';
    })(req, res);
  };

  const outbox = async (_req: Request, res: Response) => {
    const mails = (await db('mail_outbox').orderBy('id', 'desc').limit(200).select('*')) as Array<{ id: number; to_address: string; subject: string; body: string; created_at: Date; sent_at: Date | null; error: string | null }>;
    res.render('pages/admin/outbox', {
      pageTitle: 'Udgående post',
      mails: mails.map((m) => ({ ...m, at: `${formatDate(m.created_at)} kl. ${formatTime(m.created_at)}`, state: m.sent_at ? 'Sendt' : m.error ? `Fejl: ${m.error}` : 'Opfanget (ingen SMTP)' })),
      breadcrumbs: [{ href: '/admin', text: 'Administration' }, { text: 'Udgående post' }],
    });
  };

  const member = { kind: 'committee-member', scope: 'meeting', param: 'meetingId' } as const;
  const staff = { kind: 'committee-staff', scope: 'meeting', param: 'meetingId' } as const;
  return [
    { method: 'post', path: '/mine-moeder/:meetingId/godkend', access: member, handlers: [approveHandler] },
    { method: 'post', path: '/mine-moeder/:meetingId/bemaerkning', access: member, handlers: [remarkHandler] },
    { method: 'get', path: '/admin/moeder/:meetingId/godkendelse', access: staff, handlers: [overview] },
    { method: 'post', path: '/admin/moeder/:meetingId/frigiv', access: staff, handlers: [release] },
    { method: 'post', path: '/admin/moeder/:meetingId/paamind', access: staff, handlers: [remind] },
    { method: 'post', path: '/admin/moeder/:meetingId/godkend-for', access: staff, handlers: [onBehalf] },
    { method: 'post', path: '/admin/moeder/:meetingId/bemaerkninger/:remarkId', access: staff, handlers: [answer] },
    // Only an admin reopens approved minutes; the committee scope still applies to the meeting id.
    { method: 'post', path: '/admin/moeder/:meetingId/genaabn', access: { kind: 'admin' }, handlers: [reopen] },
    { method: 'get', path: '/admin/post', access: { kind: 'admin' }, handlers: [outbox] },
  ];
}
