import type { Request, Response } from 'express';
import type { RouteDeps } from '../../routes';
import { memberApprovalPanel } from '../approval/routes';
import { ConflictError, RuleError } from '../../web/app-errors';
import { NotFoundError } from '../../web/errors';
import { flash, renderInvalid, type FieldError } from '../../web/forms';
import type { RouteDef } from '../../web/route-table';
import { isStaff } from '../auth/permissions';
import { meetingComments, memberNotices } from '../boards/extras';
import type { User } from '../auth/repository';
import { statusRank } from '../meetings/meeting-status';
import { loadMeetingView } from '../meetings/service';
import {
  attendanceDefaults,
  decisionDefaults,
  meetingHeading,
  presentAttendance,
  presentDecisionPage,
  presentMemberMeetings,
  type DecisionValues,
} from './presenter';
import { findMeeting, itemRecording, meetingParticipantsForRecording, meetingsOfPerson, membersOnDay, peopleOnDay, substituteOptions } from './repository';
import { readAmendmentForm, readAttendanceForm, readDecisionForm, readDissentForm, readRemoval, readVoteForm, type Parsed, type Raw } from './schema';
import {
  addAmendment,
  addDissent,
  addVote,
  attendanceRefusal,
  decisionRefusal,
  FieldRuleError,
  recordAttendance,
  recordDecision,
  removeAmendment,
  removeDissent,
  removeVote,
} from './service';

const ATTENDANCE_VIEW = 'pages/admin/recording/attendance';
const DECISION_VIEW = 'pages/admin/recording/decision';

/** Path ids were checked by authorize(); this only turns them into numbers. */
function idParam(req: Request, name: string): number {
  const id = Number(req.params[name]);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) throw new NotFoundError();
  return id;
}

function body(req: Request): Raw {
  return (req.body ?? {}) as Raw;
}

function actorOf(res: Response): { userId: number } {
  return { userId: (res.locals.user as User).id };
}

/** The version a re-rendered form carries: the current one after a conflict, else the one the user's form was based on. */
function versionFor(raw: Raw, current: number, status: number): number {
  const posted = Number(raw.version);
  return status === 409 || !Number.isSafeInteger(posted) || posted <= 0 ? current : posted;
}

/** Runs a change; a refused change comes back as the errors to show (409 for a conflict, 422 for a rule) instead of throwing. */
async function attempt(work: () => Promise<void>, formField: string): Promise<{ errors: FieldError[]; status: number } | null> {
  try {
    await work();
    return null;
  } catch (error) {
    if (error instanceof ConflictError) return { errors: [{ field: formField, message: error.userMessage }], status: 409 };
    if (error instanceof FieldRuleError) return { errors: [{ field: error.field, message: error.userMessage }], status: 422 };
    if (error instanceof RuleError) return { errors: [{ field: formField, message: error.userMessage }], status: 422 };
    throw error;
  }
}

export function recordingRoutes({ db, now }: RouteDeps): RouteDef[] {
  // ---------- attendance ----------

  const renderAttendance = async (res: Response, meetingId: number, values: Raw | null, problem?: { errors: FieldError[]; status: number }) => {
    const meeting = await findMeeting(db, meetingId);
    if (!meeting) throw new NotFoundError('Mødet');
    const [members, options] = await Promise.all([membersOnDay(db, meeting.id), substituteOptions(db, meeting.id)]);
    const heading = meetingHeading(meeting);
    const current = values ?? attendanceDefaults(members, options);
    const locals = {
      pageTitle: `Fremmøde: ${heading.title}`,
      breadcrumbs: [{ href: '/admin', text: 'Administration' }, { href: heading.adminHref, text: heading.title }, { text: 'Fremmøde' }],
      meeting: { ...heading, id: meeting.id },
      refusal: attendanceRefusal(meeting, now()),
      version: problem ? versionFor(current, meeting.version, problem.status) : meeting.version,
      ...presentAttendance({ meeting, members, options, values: current }),
    };
    if (problem) return renderInvalid(res, ATTENDANCE_VIEW, locals, problem.errors, current, problem.status);
    res.render(ATTENDANCE_VIEW, locals);
  };

  const showAttendance = async (req: Request, res: Response) => renderAttendance(res, idParam(req, 'meetingId'), null);

  const saveAttendance = async (req: Request, res: Response) => {
    const meetingId = idParam(req, 'meetingId');
    const raw = body(req);
    const parsed = readAttendanceForm(raw);
    if (!parsed.ok) return renderAttendance(res, meetingId, raw, { errors: parsed.errors, status: 422 });
    const problem = await attempt(
      () => recordAttendance(db, { meetingId, version: parsed.data.version, entries: parsed.data.entries, actor: actorOf(res), now: now() }),
      'attendance_form',
    );
    if (problem) return renderAttendance(res, meetingId, raw, problem);
    flash(res, 'success', 'Fremmødet er gemt.');
    res.redirect(303, `/admin/moeder/${meetingId}/fremmoede`);
  };

  // ---------- decision page ----------

  const renderDecision = async (
    res: Response,
    itemId: number,
    posted?: { form: keyof DecisionValues; raw: Raw; errors: FieldError[]; status: number },
  ) => {
    const item = await itemRecording(db, itemId);
    const meeting = item ? await findMeeting(db, item.meetingId) : undefined;
    if (!item || !meeting) throw new NotFoundError('Punktet');
    const participants = await meetingParticipantsForRecording(db, meeting.id);
    const referenced = new Set<number>([
      ...participants.map((p) => p.personId),
      ...item.amendments.flatMap((a) => a.proposerIds),
      ...item.votes.flatMap((v) => v.ballots.map((b) => b.personId)),
      ...item.dissents.flatMap((d) => d.personIds),
      ...item.absences.map((a) => a.personId),
    ]);
    const [people, view] = await Promise.all([peopleOnDay(db, meeting.id, [...referenced]), loadMeetingView(db, meeting.slug, 'internal', { itemNumber: item.number })]);
    const values = decisionDefaults(item, participants);
    if (posted) values[posted.form] = posted.raw;
    const heading = meetingHeading(meeting);
    const preview = view?.items.find((i) => i.number === item.number);
    const locals = {
      pageTitle: `Beslutning: Punkt ${item.number} ${item.title}`,
      breadcrumbs: [
        { href: '/admin', text: 'Administration' },
        { href: heading.adminHref, text: heading.title },
        { href: `/admin/punkter/${item.id}`, text: `Punkt ${item.number}` },
        { text: 'Beslutning' },
      ],
      meeting: { ...heading, id: meeting.id },
      item: { id: item.id, number: item.number, title: item.title, closed: item.isClosed },
      version: posted ? versionFor(posted.raw, item.version, posted.status) : item.version,
      refusal: decisionRefusal(meeting, now(), item.kind),
      preview: preview && (preview.decision || preview.absences.length > 0) ? { decision: preview.decision, absences: preview.absences } : null,
      ...presentDecisionPage({ item, participants, people, values }),
    };
    if (posted) return renderInvalid(res, DECISION_VIEW, locals, posted.errors, posted.raw, posted.status);
    res.render(DECISION_VIEW, locals);
  };

  const showDecision = async (req: Request, res: Response) => renderDecision(res, idParam(req, 'itemId'));

  /** One handler shape for every form on the decision page: parse, change, or re-render with the user's input. */
  function itemForm<T>(
    form: keyof DecisionValues,
    formField: string,
    read: (raw: Raw) => Parsed<T>,
    change: (req: Request, res: Response, itemId: number, data: T) => Promise<void>,
    done: string,
    anchor: string,
  ) {
    return async (req: Request, res: Response) => {
      const itemId = idParam(req, 'itemId');
      const raw = body(req);
      const parsed = read(raw);
      if (!parsed.ok) return renderDecision(res, itemId, { form, raw, errors: parsed.errors, status: 422 });
      const problem = await attempt(() => change(req, res, itemId, parsed.data), formField);
      if (problem) return renderDecision(res, itemId, { form, raw, ...problem });
      flash(res, 'success', done);
      res.redirect(303, `/admin/punkter/${itemId}/beslutning#${anchor}`);
    };
  }

  const saveDecision = itemForm(
    'decision',
    'decision_form',
    readDecisionForm,
    (_req, res, itemId, data) => recordDecision(db, { itemId, form: data, actor: actorOf(res), now: now() }),
    'Beslutningen er gemt.',
    'beslutning',
  );
  const saveVote = itemForm(
    'vote',
    'vote_form',
    readVoteForm,
    (_req, res, itemId, data) => addVote(db, { itemId, form: data, actor: actorOf(res), now: now() }),
    'Afstemningen er gemt.',
    'registreret',
  );
  const deleteVote = itemForm(
    'vote',
    'recorded',
    readRemoval('vote_id'),
    (_req, res, itemId, data) => removeVote(db, { itemId, voteId: data.id, version: data.version, actor: actorOf(res), now: now() }),
    'Afstemningen er slettet.',
    'registreret',
  );
  const saveAmendment = itemForm(
    'amendment',
    'amendment_form',
    readAmendmentForm,
    (_req, res, itemId, data) => addAmendment(db, { itemId, form: data, actor: actorOf(res), now: now() }),
    'Ændringsforslaget er gemt.',
    'registreret',
  );
  const deleteAmendment = itemForm(
    'amendment',
    'recorded',
    readRemoval('amendment_id'),
    (_req, res, itemId, data) => removeAmendment(db, { itemId, amendmentId: data.id, version: data.version, actor: actorOf(res), now: now() }),
    'Ændringsforslaget og afstemningen om det er slettet.',
    'registreret',
  );
  const saveDissent = itemForm(
    'dissent',
    'dissent_form',
    readDissentForm,
    (_req, res, itemId, data) => addDissent(db, { itemId, form: data, actor: actorOf(res), now: now() }),
    'Mindretalsudtalelsen er gemt.',
    'registreret',
  );
  const deleteDissent = itemForm(
    'dissent',
    'recorded',
    readRemoval('dissent_id'),
    (_req, res, itemId, data) => removeDissent(db, { itemId, dissentId: data.id, version: data.version, actor: actorOf(res), now: now() }),
    'Mindretalsudtalelsen er slettet.',
    'registreret',
  );

  // ---------- members ----------

  const myMeetings = async (_req: Request, res: Response) => {
    const user = res.locals.user as User;
    if (isStaff(user)) return res.redirect(303, '/admin');
    const lists = user.personId === null ? { coming: [], recent: [] } : await meetingsOfPerson(db, user.personId, now(), 10);
    res.render('pages/members/meetings', {
      pageTitle: 'Mine møder',
      breadcrumbs: [{ href: '/', text: 'Forside' }, { text: 'Mine møder' }],
      coming: presentMemberMeetings(lists.coming),
      recent: presentMemberMeetings(lists.recent),
      ...(await memberNotices(db, user.personId, now())),
    });
  };

  const memberMeeting = async (req: Request, res: Response) => {
    const meeting = await findMeeting(db, idParam(req, 'meetingId'));
    if (!meeting) throw new NotFoundError('Mødet');
    // Members read the agenda once it is sent out; the secretariat also before.
    if (meeting.status === 'planned' && !isStaff(res.locals.user)) throw new NotFoundError('Dagsordenen');
    const view = await loadMeetingView(db, meeting.slug, 'internal');
    if (!view) throw new NotFoundError('Mødet');
    const rank = statusRank(meeting.status);
    const kind = meeting.status === 'minutes_published' ? 'Referat' : rank >= statusRank('held') ? 'Referatudkast' : 'Dagsorden';
    res.render('pages/members/meeting', {
      pageTitle: `${kind}: ${view.committeeName}, ${view.date}`,
      breadcrumbs: [{ href: '/mine-moeder', text: 'Mine møder' }, { text: `${kind} ${view.date}` }],
      draft: meeting.status !== 'minutes_published',
      meeting: { ...view, documentKind: kind },
      approval: await memberApprovalPanel(db, meeting.id, res.locals.user as User),
      ...(await meetingComments(db, meeting.id)),
    });
  };

  const staffOf = (scope: 'meeting' | 'item', param: string) => ({ kind: 'committee-staff', scope, param }) as const;
  return [
    { method: 'get', path: '/admin/moeder/:meetingId/fremmoede', access: staffOf('meeting', 'meetingId'), handlers: [showAttendance] },
    { method: 'post', path: '/admin/moeder/:meetingId/fremmoede', access: staffOf('meeting', 'meetingId'), handlers: [saveAttendance] },
    { method: 'get', path: '/admin/punkter/:itemId/beslutning', access: staffOf('item', 'itemId'), handlers: [showDecision] },
    { method: 'post', path: '/admin/punkter/:itemId/beslutning', access: staffOf('item', 'itemId'), handlers: [saveDecision] },
    { method: 'post', path: '/admin/punkter/:itemId/afstemninger', access: staffOf('item', 'itemId'), handlers: [saveVote] },
    { method: 'post', path: '/admin/punkter/:itemId/afstemninger/slet', access: staffOf('item', 'itemId'), handlers: [deleteVote] },
    { method: 'post', path: '/admin/punkter/:itemId/aendringsforslag', access: staffOf('item', 'itemId'), handlers: [saveAmendment] },
    { method: 'post', path: '/admin/punkter/:itemId/aendringsforslag/slet', access: staffOf('item', 'itemId'), handlers: [deleteAmendment] },
    { method: 'post', path: '/admin/punkter/:itemId/mindretalsudtalelser', access: staffOf('item', 'itemId'), handlers: [saveDissent] },
    { method: 'post', path: '/admin/punkter/:itemId/mindretalsudtalelser/slet', access: staffOf('item', 'itemId'), handlers: [deleteDissent] },
    { method: 'get', path: '/mine-moeder', access: { kind: 'signed-in' }, handlers: [myMeetings] },
    { method: 'get', path: '/mine-moeder/:meetingId', access: { kind: 'committee-member', scope: 'meeting', param: 'meetingId' }, handlers: [memberMeeting] },
  ];
}
