import type { Request, Response } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../../routes';
import { formatDate, formatIsoDate, formatTime, yearOf } from '../../i18n/format';
import { roleLabels } from '../../i18n/texts';
import { ConflictError, RuleError } from '../../web/app-errors';
import { AppError, NotFoundError } from '../../web/errors';
import { flash, renderInvalid, type FieldError } from '../../web/forms';
import type { RouteDef } from '../../web/route-table';
import { contentDisposition } from '../attachments/file-name';
import { canEditCommittee, isStaff } from '../auth/permissions';
import type { User } from '../auth/repository';
import { itemHref, meetingHref } from '../meetings/presenter';
import { htmlToMarkup, MARKUP_HELP } from '../sanitize/markup';
import { buildAnnualReport, reportHref, subjectOf } from './annual-report';
import { committeesYear, meetingFigures, personFigures, yearFigures } from './attendance';
import { groupComments, presentComment, presentMeetings, presentPeople, presentYears } from './presenter';
import { createReportPdfs } from './report-pdf';
import {
  commentedItemIds,
  commentsOfBoard,
  commentsToCommittees,
  constitutionsOf,
  findCommittee,
  findMeetingInfo,
  findPublicCommittee,
  followedMeetings,
  followOptions,
  meetingsOfBoard,
  membershipsOf,
  openItemsOf,
  reportYears,
  sectionsOf,
  substitutesOnDay,
  type CommitteeInfo,
} from './repository';
import { readCommentForm, readConstitutionForm, readFollowForm, readPresenceForm, readReportForm, MAX_SECTIONS, type Raw } from './schema';
import {
  commentRefusal,
  FieldRuleError,
  hasSeatToday,
  presenceRefusal,
  publicTarget,
  recordConstitution,
  requireBoard,
  saveFollows,
  saveReport,
  saveSubstitutePresence,
  sendComment,
  setReportPublished,
} from './service';

const slugParam = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(200);
const yearParam = z.string().regex(/^\d{4}$/).transform(Number).pipe(z.number().int().min(1900).max(2200));

/** Path ids were checked by authorize(); this only turns them into numbers. */
function idParam(req: Request, name: string): number {
  const id = Number(req.params[name]);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) throw new NotFoundError();
  return id;
}

function yearOfParam(req: Request): number {
  const year = yearParam.safeParse(req.params.year);
  if (!year.success) throw new NotFoundError('Årsberetningen');
  return year.data;
}

/** ?aar=2018, else the given default. */
function yearQuery(req: Request, fallback: number): number {
  const raw = req.query.aar;
  const year = typeof raw === 'string' ? yearParam.safeParse(raw) : undefined;
  return year?.success ? year.data : fallback;
}

function body(req: Request): Raw {
  return (req.body ?? {}) as Raw;
}

function userOf(res: Response): User {
  return res.locals.user as User;
}

const forbidden = () => new AppError(403, 'forbidden', 'Du har ikke adgang til denne side.');

/** Committees the staff member works for (every committee for admins and all-committee secretaries). */
function staffScope(user: User): number[] | null {
  return user.role === 'admin' || user.allCommittees ? null : user.committeeIds;
}

/**
 * Advisory boards (issue 8): following committees' agendas and commenting on their items,
 * substitutes and the constituting meeting, attendance figures, and the annual report.
 */
export function boardRoutes(deps: RouteDeps): RouteDef[] {
  const { db, now, mailer } = deps;
  const reportPdfs = deps.pdf?.browser ? createReportPdfs({ browser: deps.pdf.browser, filesDir: deps.files.dir, baseUrl: mailer.baseUrl }) : null;

  // ---------- public: comments and annual reports ----------

  const publicBoard = async (req: Request): Promise<CommitteeInfo> => {
    const slug = slugParam.safeParse(req.params.slug);
    const committee = slug.success ? await findPublicCommittee(db, slug.data) : undefined;
    if (!committee) throw new NotFoundError('Udvalget');
    return committee;
  };

  const publicComments = async (req: Request, res: Response) => {
    const board = await publicBoard(req);
    if (board.kind !== 'advisory_board') throw new NotFoundError('Siden');
    const groups = groupComments(await commentsOfBoard(db, board.id, { limit: 1000 }), board.name).reverse();
    res.render('pages/boards/comments', {
      pageTitle: `Bemærkninger fra ${board.name}`,
      board,
      groups,
      breadcrumbs: [{ href: '/', text: 'Forside' }, { href: `/udvalg/${board.slug}`, text: board.name }, { text: 'Bemærkninger til udvalgenes dagsordener' }],
    });
  };

  /** The report as citizens see it once published; the committee's secretaries also before, as a preview. */
  const visibleReport = async (req: Request, res: Response) => {
    const committee = await publicBoard(req);
    const year = yearOfParam(req);
    const report = await buildAnnualReport(db, committee, year);
    const staff = canEditCommittee(res.locals.user, committee.id);
    if (!report.published && !staff) throw new NotFoundError('Årsberetningen');
    return { committee, year, report, staff };
  };

  const reportPage = async (req: Request, res: Response) => {
    const { committee, year, report, staff } = await visibleReport(req, res);
    res.render('pages/boards/report', {
      pageTitle: report.title,
      report,
      preview: !report.published,
      editHref: staff ? `/admin/udvalg/${committee.id}/aarsberetning/${year}` : null,
      breadcrumbs: [{ href: '/', text: 'Forside' }, { href: `/udvalg/${committee.slug}`, text: committee.name }, { text: `Årsberetning ${year}` }],
    });
  };

  const reportPdf = async (req: Request, res: Response) => {
    if (!reportPdfs) throw new AppError(503, 'pdf_unavailable', 'PDF-udgaven kan ikke hentes lige nu. Prøv igen senere.');
    const { report } = await visibleReport(req, res);
    const pdf = await reportPdfs.get(report);
    res
      .type('application/pdf')
      .set({
        'Content-Disposition': contentDisposition(pdf.fileName, 'inline'),
        ETag: `"${pdf.etag}"`,
        'Cache-Control': report.published ? 'no-cache' : 'private, no-store',
        'X-PDF-Cache': pdf.fromCache ? 'hit' : 'miss',
      })
      .send(pdf.bytes);
  };

  // ---------- the board's members: following and commenting ----------

  /** Members with a seat today, and the board's secretaries, may comment for the board. */
  const mayComment = async (res: Response, boardId: number): Promise<boolean> =>
    canEditCommittee(userOf(res), boardId) || (await hasSeatToday(db, boardId, userOf(res).personId, now()));

  const boardPage = async (req: Request, res: Response) => {
    const board = await requireBoard(db, idParam(req, 'boardId'));
    const meetings = await followedMeetings(db, board.id, 12);
    const commented = await commentedItemIds(db, board.id, meetings.map((m) => m.id));
    const canComment = await mayComment(res, board.id);
    const agendas = [];
    for (const m of meetings) {
      const items = await openItemsOf(db, m.id);
      agendas.push({
        heading: `${m.committeeName}, ${formatDate(m.startsAt)}`,
        href: meetingHref(m.slug),
        cancelled: m.cancelled,
        notified: m.notifiedAt ? formatDate(m.notifiedAt) : null,
        items: items.map((i) => ({
          number: i.number,
          title: i.title,
          href: itemHref(m.slug, i.number),
          commented: commented.has(i.id),
          commentHref: canComment && !m.cancelled && !commented.has(i.id) ? `/raad/${board.id}/punkter/${i.id}/bemaerkning` : null,
        })),
      });
    }
    const options = await followOptions(db, board.id);
    res.render('pages/boards/board', {
      pageTitle: board.name,
      board,
      followed: options.filter((o) => o.followed).map((o) => o.name),
      agendas,
      comments: (await commentsOfBoard(db, board.id, { limit: 20 })).map(presentComment),
      publicHref: `/udvalg/${board.slug}`,
      adminHref: canEditCommittee(userOf(res), board.id) ? `/admin/raad/${board.id}` : null,
      breadcrumbs: [{ href: isStaff(userOf(res)) ? '/admin' : '/mine-moeder', text: isStaff(userOf(res)) ? 'Administration' : 'Mine møder' }, { text: board.name }],
    });
  };

  const COMMENT_VIEW = 'pages/boards/comment';

  const renderCommentForm = async (res: Response, boardId: number, itemId: number, posted?: { raw: Raw; errors: FieldError[]; status: number }) => {
    const board = await requireBoard(db, boardId);
    if (!(await mayComment(res, board.id))) throw forbidden();
    const target = await publicTarget(db, itemId);
    const existing = (await commentsOfBoard(db, board.id)).find((c) => c.itemId === target.itemId);
    const locals = {
      pageTitle: `Bemærkning til punkt ${target.number}: ${target.meeting.committeeName}`,
      board,
      target: {
        number: target.number,
        title: target.title,
        committeeName: target.meeting.committeeName,
        date: formatDate(target.meeting.startsAt),
        href: itemHref(target.meeting.slug, target.number),
      },
      refusal: commentRefusal(target, board.id),
      existing: existing ? presentComment(existing) : null,
      action: `/raad/${board.id}/punkter/${target.itemId}/bemaerkning`,
      markupHelp: MARKUP_HELP,
      values: { text: '' },
      breadcrumbs: [{ href: `/raad/${board.id}`, text: board.name }, { text: `Bemærkning til punkt ${target.number}` }],
    };
    if (posted) return renderInvalid(res, COMMENT_VIEW, locals, posted.errors, posted.raw, posted.status);
    res.render(COMMENT_VIEW, locals);
  };

  const commentForm = async (req: Request, res: Response) => renderCommentForm(res, idParam(req, 'boardId'), idParam(req, 'itemId'));

  const postComment = async (req: Request, res: Response) => {
    const boardId = idParam(req, 'boardId');
    const itemId = idParam(req, 'itemId');
    const raw = body(req);
    const parsed = readCommentForm(raw);
    if (!parsed.ok) return renderCommentForm(res, boardId, itemId, { raw, errors: parsed.errors, status: 422 });
    await requireBoard(db, boardId);
    if (!(await mayComment(res, boardId))) throw forbidden();
    await publicTarget(db, itemId);
    try {
      await sendComment(db, mailer, { boardId, itemId, text: parsed.data.text, actor: { userId: userOf(res).id }, now: now() });
    } catch (error) {
      if (error instanceof FieldRuleError) return renderCommentForm(res, boardId, itemId, { raw, errors: [{ field: error.field, message: error.userMessage }], status: 422 });
      if (error instanceof RuleError) return renderCommentForm(res, boardId, itemId, { raw, errors: [{ field: 'text', message: error.userMessage }], status: 422 });
      throw error;
    }
    await mailer.flush(db, now());
    flash(res, 'success', 'Bemærkningen er sendt til udvalgets sekretariat.');
    res.redirect(303, `/raad/${boardId}`);
  };

  // ---------- the board's secretary ----------

  const ADMIN_BOARD_VIEW = 'pages/boards/admin-board';

  const renderBoardAdmin = async (res: Response, boardId: number, posted?: { form: 'follows' | 'constitution'; raw: Raw; errors: FieldError[]; status: number }) => {
    const board = await requireBoard(db, boardId);
    const [options, constitutions, memberships, meetings, years] = await Promise.all([
      followOptions(db, board.id),
      constitutionsOf(db, board.id),
      membershipsOf(db, board.id),
      meetingsOfBoard(db, board.id),
      reportYears(db, board.id),
    ]);
    const today = formatIsoDate(now());
    const current = memberships.filter((m) => m.validFrom <= today && (m.validTo === null || m.validTo >= today));
    const seen = new Set<number>();
    const candidates = memberships
      .filter((m) => m.role !== 'substitute' && !seen.has(m.personId) && seen.add(m.personId))
      .map((m) => ({ value: String(m.personId), text: m.name }))
      .sort((a, b) => a.text.localeCompare(b.text, 'da'));
    const latest = constitutions[constitutions.length - 1];
    const postedFollows = posted?.form === 'follows' ? readFollowForm(posted.raw) : null;
    const chosen = new Set(postedFollows?.ok ? postedFollows.data : options.filter((o) => o.followed).map((o) => o.id));
    const constitutionValues =
      posted?.form === 'constitution'
        ? posted.raw
        : {
            meetingId: latest ? String(latest.meetingId) : '',
            chairId: latest?.chairPersonId ? String(latest.chairPersonId) : '',
            viceChairId: latest?.viceChairPersonId ? String(latest.viceChairPersonId) : '',
            substitutesAttendAll: latest?.substitutesAttendAll ? 'on' : undefined,
          };
    const locals = {
      pageTitle: `${board.name}: råd og nævn`,
      board,
      publicHref: `/udvalg/${board.slug}`,
      memberHref: `/raad/${board.id}`,
      membershipsHref: `/admin/udvalg/${board.id}#medlemmer`,
      attendanceHref: `/admin/udvalg/${board.id}/fremmoede`,
      follows: options.map((o) => ({ id: o.id, name: o.name, checked: chosen.has(o.id) })),
      constitutions: constitutions.map((k) => ({
        date: formatDate(k.startsAt),
        href: `/admin/moeder/${k.meetingId}`,
        chair: k.chairName,
        viceChair: k.viceChairName,
        substitutes: k.substitutesAttendAll ? 'Suppleanterne inviteres til alle møder, uden stemmeret' : 'Suppleanterne indkaldes kun, når deres medlem har afbud',
      })),
      current: current.map((m) => ({
        name: m.party ? `${m.name} (${m.party})` : m.name,
        role: m.role === 'substitute' && m.substituteForName ? `suppleant for ${m.substituteForName}` : roleLabels[m.role],
        votingRight: m.votingRight ? 'Ja' : 'Nej',
      })),
      meetingOptions: meetings.filter((m) => !m.cancelled).map((m) => ({ value: String(m.id), text: `${formatDate(m.startsAt)} kl. ${formatTime(m.startsAt)}` })),
      meetings: meetings.slice(0, 12).map((m) => ({
        date: formatDate(m.startsAt),
        href: `/admin/moeder/${m.id}`,
        presenceHref: m.day <= today && !m.cancelled ? `/admin/moeder/${m.id}/suppleanter` : null,
        cancelled: m.cancelled,
      })),
      candidates,
      constitutionValues,
      reports: years.map((y) => ({ year: y, href: `/admin/udvalg/${board.id}/aarsberetning/${y}` })),
      errors: {} as Record<string, string>,
      breadcrumbs: [{ href: '/admin', text: 'Administration' }, { href: `/admin/udvalg/${board.id}`, text: board.name }, { text: 'Råd og nævn' }],
    };
    if (posted) return renderInvalid(res, ADMIN_BOARD_VIEW, locals, posted.errors, posted.raw, posted.status);
    res.render(ADMIN_BOARD_VIEW, locals);
  };

  const boardAdmin = async (req: Request, res: Response) => renderBoardAdmin(res, idParam(req, 'boardId'));

  const postFollows = async (req: Request, res: Response) => {
    const boardId = idParam(req, 'boardId');
    const raw = body(req);
    const parsed = readFollowForm(raw);
    if (!parsed.ok) return renderBoardAdmin(res, boardId, { form: 'follows', raw, errors: parsed.errors, status: 422 });
    try {
      await saveFollows(db, { boardId, committeeIds: parsed.data, actor: { userId: userOf(res).id }, now: now() });
    } catch (error) {
      if (error instanceof FieldRuleError) return renderBoardAdmin(res, boardId, { form: 'follows', raw, errors: [{ field: error.field, message: error.userMessage }], status: 422 });
      throw error;
    }
    flash(res, 'success', 'Rådet følger nu de valgte udvalg.');
    res.redirect(303, `/admin/raad/${boardId}`);
  };

  const postConstitution = async (req: Request, res: Response) => {
    const boardId = idParam(req, 'boardId');
    const raw = body(req);
    const parsed = readConstitutionForm(raw);
    if (!parsed.ok) return renderBoardAdmin(res, boardId, { form: 'constitution', raw, errors: parsed.errors, status: 422 });
    try {
      await recordConstitution(db, { boardId, ...parsed.data, actor: { userId: userOf(res).id }, now: now() });
    } catch (error) {
      if (error instanceof FieldRuleError) return renderBoardAdmin(res, boardId, { form: 'constitution', raw, errors: [{ field: error.field, message: error.userMessage }], status: 422 });
      throw error;
    }
    flash(res, 'success', 'Konstitueringen er gemt.');
    res.redirect(303, `/admin/raad/${boardId}`);
  };

  // ---------- substitutes attending beside their members ----------

  const PRESENCE_VIEW = 'pages/boards/admin-presence';

  const renderPresence = async (res: Response, meetingId: number, posted?: { raw: Raw; errors: FieldError[]; status: number }) => {
    const meeting = await findMeetingInfo(db, meetingId);
    if (!meeting) throw new NotFoundError('Mødet');
    const substitutes = await substitutesOnDay(db, meeting.id);
    const raw = posted?.raw;
    const value = (name: string, fallback: string | null) => (raw && typeof raw[name] === 'string' ? (raw[name] as string) : (fallback ?? ''));
    const locals = {
      pageTitle: `Suppleanter: ${meeting.committeeName}, ${formatDate(meeting.startsAt)}`,
      meeting: { id: meeting.id, committeeName: meeting.committeeName, date: formatDate(meeting.startsAt), adminHref: `/admin/moeder/${meeting.id}`, attendanceHref: `/admin/moeder/${meeting.id}/fremmoede` },
      refusal: presenceRefusal(meeting, now()),
      substitutes: substitutes.map((s) => {
        const status = value(`status_${s.personId}`, s.status);
        return {
          personId: s.personId,
          name: s.name,
          forName: s.substituteForName,
          inSeatForName: s.inSeatForName,
          present: status === 'present',
          absent: status === 'absent',
          unrecorded: status === '',
          reason: value(`reason_${s.personId}`, s.reason),
          error: posted?.errors.find((e) => e.field === `status_${s.personId}` || e.field === `reason_${s.personId}`)?.message ?? null,
        };
      }),
      breadcrumbs: [{ href: '/admin', text: 'Administration' }, { href: `/admin/moeder/${meeting.id}`, text: `${meeting.committeeName} ${formatDate(meeting.startsAt)}` }, { text: 'Suppleanter' }],
    };
    if (posted) return renderInvalid(res, PRESENCE_VIEW, locals, posted.errors, posted.raw, posted.status);
    res.render(PRESENCE_VIEW, locals);
  };

  const presenceForm = async (req: Request, res: Response) => renderPresence(res, idParam(req, 'meetingId'));

  const postPresence = async (req: Request, res: Response) => {
    const meetingId = idParam(req, 'meetingId');
    const raw = body(req);
    const substitutes = await substitutesOnDay(db, meetingId);
    const parsed = readPresenceForm(
      raw,
      substitutes.filter((s) => !s.inSeatForName).map((s) => s.personId),
    );
    if (!parsed.ok) return renderPresence(res, meetingId, { raw, errors: parsed.errors, status: 422 });
    try {
      await saveSubstitutePresence(db, { meetingId, entries: parsed.data, actor: { userId: userOf(res).id }, now: now() });
    } catch (error) {
      if (error instanceof FieldRuleError) return renderPresence(res, meetingId, { raw, errors: [{ field: error.field, message: error.userMessage }], status: 422 });
      if (error instanceof RuleError) return renderPresence(res, meetingId, { raw, errors: [{ field: 'presence_form', message: error.userMessage }], status: 422 });
      throw error;
    }
    flash(res, 'success', 'Suppleanternes fremmøde er gemt.');
    res.redirect(303, `/admin/moeder/${meetingId}/suppleanter`);
  };

  // ---------- the secretariat: comments received, attendance figures ----------

  const receivedComments = async (_req: Request, res: Response) => {
    const rows = await commentsToCommittees(db, staffScope(userOf(res)), 200);
    res.render('pages/boards/admin-comments', {
      pageTitle: 'Bemærkninger fra råd og nævn',
      comments: rows.map((r) => ({ ...presentComment(r), adminItemHref: `/admin/punkter/${r.itemId}` })),
      breadcrumbs: [{ href: '/admin', text: 'Administration' }, { text: 'Bemærkninger fra råd og nævn' }],
    });
  };

  const attendanceOverview = async (req: Request, res: Response) => {
    const year = yearQuery(req, yearOf(now()));
    const scope = staffScope(userOf(res));
    const committees = (await db('committees as c')
      .whereIn('c.kind', ['council', 'committee', 'advisory_board'])
      .modify((q) => {
        if (scope) q.whereIn('c.id', scope);
      })
      .orderBy('c.name')
      .select('c.id', 'c.name')) as Array<{ id: number; name: string }>;
    const rows = (await committeesYear(db, committees, year)).filter((r) => r.figures !== null);
    res.render('pages/boards/admin-attendance-overview', {
      pageTitle: `Fremmøde ${year}`,
      year,
      previous: year - 1,
      next: year + 1,
      rows: rows.map((r) => ({ name: r.name, href: `/admin/udvalg/${r.id}/fremmoede?aar=${year}`, ...presentYears(r.figures ? [r.figures] : [])[0] })),
      breadcrumbs: [{ href: '/admin', text: 'Administration' }, { text: 'Fremmøde' }],
    });
  };

  const committeeAttendance = async (req: Request, res: Response) => {
    const committee = await findCommittee(db, idParam(req, 'committeeId'));
    if (!committee) throw new NotFoundError('Udvalget');
    const all = await meetingFigures(db, committee.id, { publicOnly: false });
    const years = yearFigures(all);
    const year = yearQuery(req, years[0]?.year ?? yearOf(now()));
    const ofYear = all.filter((m) => m.year === year);
    res.render('pages/boards/admin-attendance', {
      pageTitle: `Fremmøde ${year}: ${committee.name}`,
      committee,
      year,
      summary: presentYears(years.filter((y) => y.year === year))[0] ?? null,
      years: presentYears(years).map((y) => ({ ...y, href: `/admin/udvalg/${committee.id}/fremmoede?aar=${y.year}`, current: y.year === year })),
      meetings: presentMeetings(ofYear).map((m) => ({ ...m, presenceHref: committee.kind === 'advisory_board' ? `/admin/moeder/${m.meetingId}/suppleanter` : null })),
      people: presentPeople(personFigures(ofYear)),
      reportHref: `/admin/udvalg/${committee.id}/aarsberetning/${year}`,
      breadcrumbs: [{ href: '/admin', text: 'Administration' }, { href: '/admin/fremmoede', text: 'Fremmøde' }, { text: committee.name }],
    });
  };

  // ---------- the annual report's texts ----------

  const REPORT_VIEW = 'pages/boards/admin-report';

  const renderReportAdmin = async (res: Response, committeeId: number, year: number, posted?: { raw: Raw; errors: FieldError[]; status: number; version?: number }) => {
    const committee = await findCommittee(db, committeeId);
    if (!committee || committee.kind === 'external_party') throw new NotFoundError('Udvalget');
    const report = await buildAnnualReport(db, committee, year);
    const row = report.source.report;
    const sections = row ? await sectionsOf(db, row.id) : [];
    const raw = posted?.raw;
    const text = (name: string, fallback: string) => (raw && typeof raw[name] === 'string' ? (raw[name] as string) : fallback);
    const count = Math.min(MAX_SECTIONS + 1, Math.max(sections.length + 1, raw ? Object.keys(raw).filter((k) => /^section_heading_\d+$/.test(k)).length : 0));
    const sectionFields = Array.from({ length: count }, (_v, i) => {
      const n = i + 1;
      const saved = sections[i];
      return {
        n,
        headingName: `section_heading_${n}`,
        bodyName: `section_body_${n}`,
        heading: text(`section_heading_${n}`, saved?.heading ?? ''),
        body: text(`section_body_${n}`, saved ? htmlToMarkup(saved.body) : ''),
        isNew: !saved,
      };
    });
    const locals = {
      pageTitle: `${report.title}: tekster`,
      committee,
      year,
      report,
      subject: subjectOf(committee),
      version: posted?.version ?? row?.version ?? 0,
      introduction: text('introduction', htmlToMarkup(row?.introduction ?? null)),
      sectionFields,
      markupHelp: MARKUP_HELP,
      publicHref: reportHref(committee.slug, year),
      action: `/admin/udvalg/${committee.id}/aarsberetning/${year}`,
      publishAction: `/admin/udvalg/${committee.id}/aarsberetning/${year}/offentliggoer`,
      breadcrumbs: [
        { href: '/admin', text: 'Administration' },
        { href: committee.kind === 'advisory_board' ? `/admin/raad/${committee.id}` : `/admin/udvalg/${committee.id}`, text: committee.name },
        { text: `Årsberetning ${year}` },
      ],
    };
    if (posted) return renderInvalid(res, REPORT_VIEW, locals, posted.errors, posted.raw, posted.status);
    res.render(REPORT_VIEW, locals);
  };

  const reportAdmin = async (req: Request, res: Response) => renderReportAdmin(res, idParam(req, 'committeeId'), yearOfParam(req));

  const saveReportTexts = async (req: Request, res: Response) => {
    const committeeId = idParam(req, 'committeeId');
    const year = yearOfParam(req);
    const raw = body(req);
    const parsed = readReportForm(raw);
    if (!parsed.ok) return renderReportAdmin(res, committeeId, year, { raw, errors: parsed.errors, status: 422 });
    try {
      await saveReport(db, { committeeId, year, ...parsed.data, actor: { userId: userOf(res).id }, now: now() });
    } catch (error) {
      if (error instanceof ConflictError) {
        return renderReportAdmin(res, committeeId, year, { raw, errors: [{ field: 'introduction', message: error.userMessage }], status: 409, version: error.currentVersion });
      }
      throw error;
    }
    flash(res, 'success', 'Årsberetningens tekster er gemt.');
    res.redirect(303, `/admin/udvalg/${committeeId}/aarsberetning/${year}`);
  };

  const publishReport = async (req: Request, res: Response) => {
    const committeeId = idParam(req, 'committeeId');
    const year = yearOfParam(req);
    const action = body(req).action;
    if (action !== 'publish' && action !== 'withdraw') {
      return renderReportAdmin(res, committeeId, year, { raw: {}, errors: [{ field: 'publish', message: 'Vælg at offentliggøre eller trække årsberetningen tilbage' }], status: 422 });
    }
    const committee = await findCommittee(db, committeeId);
    if (!committee || committee.kind === 'external_party') throw new NotFoundError('Udvalget');
    try {
      await setReportPublished(db, { committeeId, year, publish: action === 'publish', actor: { userId: userOf(res).id }, now: now() });
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      flash(res, 'warning', error.userMessage);
      return res.redirect(303, `/admin/udvalg/${committeeId}/aarsberetning/${year}`);
    }
    flash(res, 'success', action === 'publish' ? 'Årsberetningen er offentliggjort.' : 'Årsberetningen er trukket tilbage og er ikke længere offentlig.');
    res.redirect(303, `/admin/udvalg/${committeeId}/aarsberetning/${year}`);
  };

  const open = { kind: 'public' } as const;
  const boardMember = { kind: 'committee-member', scope: 'committee', param: 'boardId' } as const;
  const boardStaff = { kind: 'committee-staff', scope: 'committee', param: 'boardId' } as const;
  const committeeStaff = { kind: 'committee-staff', scope: 'committee', param: 'committeeId' } as const;
  const meetingStaff = { kind: 'committee-staff', scope: 'meeting', param: 'meetingId' } as const;
  const staff = { kind: 'staff' } as const;
  return [
    { method: 'get', path: '/udvalg/:slug/bemaerkninger', access: open, handlers: [publicComments] },
    { method: 'get', path: '/udvalg/:slug/aarsberetning/:year', access: open, handlers: [reportPage] },
    { method: 'get', path: '/udvalg/:slug/aarsberetning/:year/aarsberetning.pdf', access: open, handlers: [reportPdf] },
    { method: 'get', path: '/raad/:boardId', access: boardMember, handlers: [boardPage] },
    { method: 'get', path: '/raad/:boardId/punkter/:itemId/bemaerkning', access: boardMember, handlers: [commentForm] },
    { method: 'post', path: '/raad/:boardId/punkter/:itemId/bemaerkning', access: boardMember, handlers: [postComment] },
    { method: 'get', path: '/admin/raad/:boardId', access: boardStaff, handlers: [boardAdmin] },
    { method: 'post', path: '/admin/raad/:boardId/foelger', access: boardStaff, handlers: [postFollows] },
    { method: 'post', path: '/admin/raad/:boardId/konstituering', access: boardStaff, handlers: [postConstitution] },
    { method: 'get', path: '/admin/moeder/:meetingId/suppleanter', access: meetingStaff, handlers: [presenceForm] },
    { method: 'post', path: '/admin/moeder/:meetingId/suppleanter', access: meetingStaff, handlers: [postPresence] },
    { method: 'get', path: '/admin/raadsbemaerkninger', access: staff, handlers: [receivedComments] },
    { method: 'get', path: '/admin/fremmoede', access: staff, handlers: [attendanceOverview] },
    { method: 'get', path: '/admin/udvalg/:committeeId/fremmoede', access: committeeStaff, handlers: [committeeAttendance] },
    { method: 'get', path: '/admin/udvalg/:committeeId/aarsberetning/:year', access: committeeStaff, handlers: [reportAdmin] },
    { method: 'post', path: '/admin/udvalg/:committeeId/aarsberetning/:year', access: committeeStaff, handlers: [saveReportTexts] },
    { method: 'post', path: '/admin/udvalg/:committeeId/aarsberetning/:year/offentliggoer', access: committeeStaff, handlers: [publishReport] },
  ];
}
