import type { Request, Response } from 'express';
import { z } from 'zod';
import { formatDate, formatIsoDate, formatLongDate, formatTime, fromCopenhagenLocal, yearOf } from '../../i18n/format';
import type { RouteDeps } from '../../routes';
import { ConflictError, RuleError } from '../../web/app-errors';
import { AppError, NotFoundError } from '../../web/errors';
import { checkbox, date, id, optionalId, optionalText, optionalTime, requiredText, time, version } from '../../web/form-fields';
import { flash, parseForm, renderInvalid, type FieldError } from '../../web/forms';
import type { RouteDef } from '../../web/route-table';
import { recentAudit } from '../audit/audit';
import type { User } from '../auth/repository';
import { notifyFollowingBoards } from '../boards/notifier';
import { findOrCreateCase } from '../cases/service';
import { attachSummariesToNewItem } from '../consultations/summary-attach';
import { summaryPdfsOf } from '../consultations/web';
import { ITEM_KIND_LABELS } from '../items/kinds';
import { createItem, deleteItem, moveItem, updateItemFields } from '../items/service';
import { advanceStatus, planMeeting, publishAgenda, setCancelled, unconfirmedTables, updateMeeting } from '../meetings/admin-service';
import { isAgendaPublic, STATUS_LABELS, type MeetingStatus } from '../meetings/meeting-status';
import { htmlToMarkup, markupToHtml, MARKUP_HELP } from '../sanitize/markup';
import { adminItems, adminMeeting, editableCommittees, itemForEdit, sendOnTargets, upcomingMeetingsFor } from './repository';
import { subPointRoutes } from './sub-points';

const user = (res: Response): User => res.locals.user as User;
const actor = (res: Response) => ({ userId: user(res).id });
const param = (req: Request, name: string) => Number(req.params[name]);

const meetingSchema = z.object({
  date: date(),
  startTime: time(),
  endTime: optionalTime(),
  location: optionalText(300),
});

function meetingTimes(data: z.infer<typeof meetingSchema>): { startsAt: Date; endsAt: Date | null } | FieldError {
  const startsAt = fromCopenhagenLocal(`${data.date}T${data.startTime}`);
  const endsAt = data.endTime ? fromCopenhagenLocal(`${data.date}T${data.endTime}`) : null;
  if (endsAt && endsAt <= startsAt) return { field: 'endTime', message: 'Sluttidspunktet skal ligge efter starttidspunktet' };
  return { startsAt, endsAt };
}

const newItemSchema = z.object({
  title: requiredText('Skriv punktets titel', 300),
  kind: z.enum(['regular', 'announcements'], { errorMap: () => ({ message: 'Vælg punktets type' }) }),
  closed: checkbox,
  caseNumber: optionalText(60),
  caseTitle: optionalText(300),
});

const itemSchema = z.object({
  version: version(),
  title: requiredText('Skriv punktets titel', 300),
  closed: checkbox,
  caseNumber: requiredText('Skriv sagsnummeret. Hvert punkt hører til en sag', 60),
  caseTitle: optionalText(300),
  summary: optionalText(),
  background: optionalText(),
  casePresentation: optionalText(),
  financialText: optionalText(),
  decidedBy: optionalId('Vælg hvem der træffer beslutningen'),
  recommendationBy: optionalText(300),
  points: optionalText(),
  changeNote: optionalText(500),
});

/** "1. Første punkt\n2. Andet punkt" → one entry per point; lines without a number continue the point above. */
export function splitPoints(text: string): string[] {
  const points: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const m = /^\s*\d+\.\s+(.*)$/.exec(line);
    if (m) points.push(m[1] ?? '');
    else if (points.length > 0 && line.trim()) points[points.length - 1] += `\n${line.trim()}`;
    else if (line.trim()) points.push(line.trim());
  }
  return points.map((p) => p.trim()).filter(Boolean);
}

function joinPoints(points: string[]): string {
  return points.map((p, i) => `${i + 1}. ${htmlToMarkup(p).replace(/\n\n/g, '\n')}`).join('\n');
}

export function adminRoutes(deps: RouteDeps): RouteDef[] {
  const { db, now } = deps;
  const summaryPdfs = summaryPdfsOf(deps);

  const dashboard = async (_req: Request, res: Response) => {
    const committees = await editableCommittees(db, user(res));
    const meetings = await upcomingMeetingsFor(
      db,
      committees.map((c) => c.id),
      new Date(now().getTime() - 14 * 24 * 3600 * 1000),
    );
    res.render('pages/admin/dashboard', {
      pageTitle: 'Administration',
      isAdmin: user(res).role === 'admin',
      committees: committees.filter((c) => c.kind !== 'external_party'),
      meetings: meetings.map((m) => ({
        href: `/admin/moeder/${m.id}`,
        committeeName: m.committeeName,
        date: formatDate(m.startsAt),
        time: formatTime(m.startsAt),
        status: m.cancelled ? 'Aflyst' : STATUS_LABELS[m.status as MeetingStatus],
      })),
    });
  };

  // Meetings -------------------------------------------------------------------------------

  const committeeName = async (committeeId: number) => {
    const c = await db('committees').where({ id: committeeId }).first('name');
    if (!c) throw new NotFoundError('Udvalget');
    return c.name as string;
  };

  const newMeetingForm = async (req: Request, res: Response) => {
    const committeeId = param(req, 'committeeId');
    res.render('pages/admin/meetings/form', {
      pageTitle: 'Planlæg møde',
      action: `/admin/udvalg/${committeeId}/moeder`,
      committeeName: await committeeName(committeeId),
      values: { startTime: '16:00', location: '' },
      breadcrumbs: [{ href: '/admin', text: 'Administration' }, { text: 'Planlæg møde' }],
    });
  };

  const createMeeting = async (req: Request, res: Response) => {
    const committeeId = param(req, 'committeeId');
    const locals = { pageTitle: 'Planlæg møde', action: `/admin/udvalg/${committeeId}/moeder`, committeeName: await committeeName(committeeId) };
    const parsed = parseForm(meetingSchema, req.body);
    if (!parsed.ok) return renderInvalid(res, 'pages/admin/meetings/form', locals, parsed.errors, req.body);
    const times = meetingTimes(parsed.data);
    if ('field' in times) return renderInvalid(res, 'pages/admin/meetings/form', locals, [times], req.body);
    try {
      const meetingId = await planMeeting(db, { committeeId, ...times, location: parsed.data.location || null, actor: actor(res) });
      flash(res, 'success', 'Mødet er planlagt.');
      res.redirect(303, `/admin/moeder/${meetingId}`);
    } catch (error) {
      if (error instanceof RuleError) return renderInvalid(res, 'pages/admin/meetings/form', locals, [{ field: 'date', message: error.userMessage }], req.body);
      throw error;
    }
  };

  const showMeeting = async (req: Request, res: Response) => {
    const meeting = await adminMeeting(db, param(req, 'meetingId'));
    if (!meeting) throw new NotFoundError('Mødet');
    const status = meeting.status as MeetingStatus;
    const items = await adminItems(db, meeting.id);
    const problems = await unconfirmedTables(db, meeting.id);
    const published = isAgendaPublic(status);
    res.render('pages/admin/meetings/show', {
      pageTitle: `${meeting.committeeName}, ${formatDate(meeting.startsAt)}`,
      meeting: {
        ...meeting,
        dateLong: formatLongDate(meeting.startsAt),
        time: formatTime(meeting.startsAt),
        endTime: meeting.endsAt ? formatTime(meeting.endsAt) : null,
        statusLabel: STATUS_LABELS[status],
        publicHref: published ? `/dagsorden/${meeting.slug}` : null,
        canPublish: status === 'planned' && !meeting.cancelled,
        canMarkHeld: status === 'agenda_published',
        canOpenDraft: status === 'held',
        canCancel: !meeting.cancelled && (status === 'planned' || status === 'agenda_published'),
        canReinstate: meeting.cancelled,
        canAddItems: ['planned', 'agenda_published', 'held', 'minutes_draft'].includes(status),
        published,
      },
      items: items.map((item, index) => ({
        ...item,
        kindLabel: ITEM_KIND_LABELS[item.kind as keyof typeof ITEM_KIND_LABELS],
        canMoveUp: !published && item.kind !== 'minutes_approval' && index > 0,
        canMoveDown: !published && item.kind !== 'minutes_approval' && items[index + 1]?.kind !== 'minutes_approval' && index < items.length - 1,
        isSignature: item.kind === 'minutes_approval',
      })),
      problems,
      breadcrumbs: [{ href: '/admin', text: 'Administration' }, { text: `${meeting.committeeName}, ${formatDate(meeting.startsAt)}` }],
    });
  };

  const editMeetingForm = async (req: Request, res: Response) => {
    const meeting = await adminMeeting(db, param(req, 'meetingId'));
    if (!meeting) throw new NotFoundError('Mødet');
    res.render('pages/admin/meetings/form', {
      pageTitle: 'Ret eller flyt mødet',
      action: `/admin/moeder/${meeting.id}`,
      committeeName: meeting.committeeName,
      editing: true,
      published: isAgendaPublic(meeting.status as MeetingStatus),
      values: {
        date: formatIsoDate(meeting.startsAt),
        startTime: formatTime(meeting.startsAt).replace('.', ':'),
        endTime: meeting.endsAt ? formatTime(meeting.endsAt).replace('.', ':') : '',
        location: meeting.location ?? '',
        version: meeting.version,
      },
      breadcrumbs: [{ href: '/admin', text: 'Administration' }, { href: `/admin/moeder/${meeting.id}`, text: meeting.committeeName }, { text: 'Ret mødet' }],
    });
  };

  const saveMeeting = async (req: Request, res: Response) => {
    const meeting = await adminMeeting(db, param(req, 'meetingId'));
    if (!meeting) throw new NotFoundError('Mødet');
    const locals = { pageTitle: 'Ret eller flyt mødet', action: `/admin/moeder/${meeting.id}`, committeeName: meeting.committeeName, editing: true };
    const parsed = parseForm(meetingSchema.extend({ version: version() }), req.body);
    if (!parsed.ok) return renderInvalid(res, 'pages/admin/meetings/form', locals, parsed.errors, req.body);
    const times = meetingTimes(parsed.data);
    if ('field' in times) return renderInvalid(res, 'pages/admin/meetings/form', locals, [times], req.body);
    try {
      await updateMeeting(db, { meetingId: meeting.id, version: parsed.data.version, ...times, location: parsed.data.location || null, actor: actor(res) });
    } catch (error) {
      if (error instanceof ConflictError) return renderInvalid(res, 'pages/admin/meetings/form', locals, [{ field: 'form', message: error.userMessage }], req.body, 409);
      if (error instanceof RuleError) return renderInvalid(res, 'pages/admin/meetings/form', locals, [{ field: 'date', message: error.userMessage }], req.body);
      throw error;
    }
    flash(res, 'success', 'Mødet er gemt.');
    res.redirect(303, `/admin/moeder/${meeting.id}`);
  };

  /** Actions on the meeting page: a refused action comes back to the page with the reason. */
  const meetingAction = (run: (req: Request, res: Response, meetingId: number) => Promise<string>) => async (req: Request, res: Response) => {
    const meetingId = param(req, 'meetingId');
    try {
      flash(res, 'success', await run(req, res, meetingId));
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      flash(res, 'warning', error.userMessage);
    }
    res.redirect(303, `/admin/moeder/${meetingId}`);
  };

  const statusSchema = z.object({ to: z.enum(['held', 'minutes_draft'], { errorMap: () => ({ message: 'Vælg en gyldig status' }) }) });

  // Items ----------------------------------------------------------------------------------

  const newItemForm = async (req: Request, res: Response) => {
    const meeting = await adminMeeting(db, param(req, 'meetingId'));
    if (!meeting) throw new NotFoundError('Mødet');
    res.render('pages/admin/items/new', {
      pageTitle: 'Nyt punkt',
      meeting,
      supplementary: isAgendaPublic(meeting.status as MeetingStatus),
      values: { kind: 'regular' },
      breadcrumbs: [{ href: '/admin', text: 'Administration' }, { href: `/admin/moeder/${meeting.id}`, text: meeting.committeeName }, { text: 'Nyt punkt' }],
    });
  };

  const createItemHandler = async (req: Request, res: Response) => {
    const meeting = await adminMeeting(db, param(req, 'meetingId'));
    if (!meeting) throw new NotFoundError('Mødet');
    const locals = { pageTitle: 'Nyt punkt', meeting, supplementary: isAgendaPublic(meeting.status as MeetingStatus) };
    const parsed = parseForm(newItemSchema, req.body);
    if (!parsed.ok) return renderInvalid(res, 'pages/admin/items/new', locals, parsed.errors, req.body);
    if (!parsed.data.caseNumber.trim() && !parsed.data.caseTitle.trim()) {
      return renderInvalid(res, 'pages/admin/items/new', locals, [{ field: 'caseNumber', message: 'Skriv sagsnummeret på en eksisterende sag, eller titlen på en ny sag' }], req.body);
    }
    if (!['planned', 'agenda_published', 'held', 'minutes_draft'].includes(meeting.status)) {
      return renderInvalid(res, 'pages/admin/items/new', locals, [{ field: 'title', message: 'Referatet er låst. Der kan ikke tilføjes punkter' }], req.body);
    }
    let itemId: number;
    try {
      // One transaction: a new case stays only with its item.
      itemId = await db.transaction(async (trx) => {
        const caseId = await findOrCreateCase(trx, { bodyId: meeting.bodyId, caseNumber: parsed.data.caseNumber, title: parsed.data.caseTitle || parsed.data.title, year: yearOf(now()) });
        return createItem(trx, { meetingId: meeting.id, title: parsed.data.title, kind: parsed.data.kind, isClosed: parsed.data.closed, caseId, actor: actor(res) });
      });
    } catch (error) {
      if (error instanceof RuleError) return renderInvalid(res, 'pages/admin/items/new', locals, [{ field: 'caseTitle', message: error.userMessage }], req.body);
      throw error;
    }
    // A case returning after a consultation brings its published høringsnotat along (src/modules/consultations/summary-attach.ts).
    const summaries = await attachSummariesToNewItem({ db, files: deps.files, pdfs: summaryPdfs }, { itemId, actor: actor(res), now: now() });
    flash(res, 'success', `Punktet er oprettet. Skriv nu dets tekster.${summaries ? ` ${summaries}` : ''}`);
    res.redirect(303, `/admin/punkter/${itemId}`);
  };

  const committeesOfBody = (bodyId: number) =>
    db('committees').where({ body_id: bodyId }).whereNot('kind', 'external_party').orderBy('name').select('id as value', 'name as text');

  const itemLocals = async (item: NonNullable<Awaited<ReturnType<typeof itemForEdit>>>) => {
    const tables = await db('budget_tables').where({ item_id: item.id }).orderBy('position').select('id', 'position');
    const subPoints = await db('sub_points').where({ item_id: item.id }).orderBy('number').select('id', 'number', 'title', 'body');
    const notes = await db('item_change_notes').where({ item_id: item.id }).orderBy('changed_at').select('changed_at', 'note');
    return {
      pageTitle: `Punkt ${item.number} ${item.title}`,
      item: {
        id: item.id,
        number: item.number,
        kind: item.kind,
        isAnnouncements: item.kind === 'announcements',
        isSignature: item.kind === 'minutes_approval',
        meetingId: item.meeting_id,
        committeeName: item.committeeName,
        meetingDate: formatDate(item.meetingStartsAt),
        published: isAgendaPublic(item.meetingStatus),
        supplementary: item.supplementary,
      },
      committees: await committeesOfBody(item.bodyId),
      tables: tables.map((t: { id: number; position: number }) => ({ href: `/admin/tabeller/${t.id}`, marker: `[tabel ${t.position}]`, position: t.position })),
      subPoints: subPoints.map((s: { id: number; number: number; title: string | null; body: string }) => ({ ...s, body: htmlToMarkup(s.body) })),
      changeNotes: notes.map((n: { changed_at: Date; note: string }) => ({ date: formatDate(n.changed_at), note: n.note })),
      markupHelp: MARKUP_HELP,
      breadcrumbs: [
        { href: '/admin', text: 'Administration' },
        { href: `/admin/moeder/${item.meeting_id}`, text: `${item.committeeName}, ${formatDate(item.meetingStartsAt)}` },
        { text: `Punkt ${item.number}` },
      ],
    };
  };

  const editItemForm = async (req: Request, res: Response) => {
    const item = await itemForEdit(db, param(req, 'itemId'));
    if (!item) throw new NotFoundError('Punktet');
    const points = (await db('recommendation_points').where({ item_id: item.id }).orderBy('number').pluck('text')) as string[];
    res.render('pages/admin/items/edit', {
      ...(await itemLocals(item)),
      values: {
        version: item.version,
        title: item.title,
        closed: item.is_closed,
        caseNumber: item.caseNumber ?? '',
        caseTitle: item.caseTitle ?? '',
        summary: htmlToMarkup(item.summary),
        background: htmlToMarkup(item.background),
        casePresentation: htmlToMarkup(item.case_presentation),
        financialText: htmlToMarkup(item.financial_text),
        decidedBy: item.decided_by_committee_id ?? '',
        recommendationBy: item.recommendation_by ?? '',
        points: joinPoints(points),
      },
    });
  };

  const saveItem = async (req: Request, res: Response) => {
    const item = await itemForEdit(db, param(req, 'itemId'));
    if (!item) throw new NotFoundError('Punktet');
    const locals = await itemLocals(item);
    const parsed = parseForm(itemSchema, req.body);
    if (!parsed.ok) return renderInvalid(res, 'pages/admin/items/edit', locals, parsed.errors, req.body);
    const d = parsed.data;
    if (d.decidedBy !== null && !locals.committees.some((c: { value: number }) => c.value === d.decidedBy)) {
      return renderInvalid(res, 'pages/admin/items/edit', locals, [{ field: 'decidedBy', message: 'Vælg et udvalg fra listen' }], req.body);
    }
    const toHtml = (text: string) => (text.trim() ? markupToHtml(text) : null);
    try {
      // One transaction: a new case stays only with the item that names it (a refused save, say by a stale version, makes none).
      await db.transaction(async (trx) => {
        const caseId = await findOrCreateCase(trx, { bodyId: item.bodyId, caseNumber: d.caseNumber, title: d.caseTitle || d.title, year: yearOf(now()) });
        await updateItemFields(trx, {
          itemId: item.id,
          version: d.version,
          fields: {
            title: d.title,
            isClosed: d.closed,
            caseId,
            summary: toHtml(d.summary),
            background: toHtml(d.background),
            casePresentation: toHtml(d.casePresentation),
            financialText: toHtml(d.financialText),
            decidedByCommitteeId: d.decidedBy,
            recommendationBy: d.recommendationBy.trim() || null,
            points: splitPoints(d.points).map((p) => markupToHtml(p)),
          },
          changeNote: d.changeNote,
          actor: actor(res),
          now: now(),
        });
      });
    } catch (error) {
      if (error instanceof ConflictError) return renderInvalid(res, 'pages/admin/items/edit', locals, [{ field: 'form', message: error.userMessage }], req.body, 409);
      if (error instanceof RuleError) {
        const field = error.code === 'change_note_required' ? 'changeNote' : 'caseTitle';
        return renderInvalid(res, 'pages/admin/items/edit', locals, [{ field, message: error.userMessage }], req.body);
      }
      throw error;
    }
    flash(res, 'success', 'Punktet er gemt.');
    res.redirect(303, `/admin/punkter/${item.id}`);
  };

  const moveSchema = z.object({ direction: z.enum(['up', 'down'], { errorMap: () => ({ message: 'Vælg op eller ned' }) }) });

  const moveItemHandler = async (req: Request, res: Response) => {
    const item = await itemForEdit(db, param(req, 'itemId'));
    if (!item) throw new NotFoundError('Punktet');
    const parsed = parseForm(moveSchema, req.body);
    if (!parsed.ok) throw new AppError(422, 'invalid', parsed.errors[0]?.message ?? 'Ugyldig forespørgsel');
    try {
      await moveItem(db, { itemId: item.id, direction: parsed.data.direction, actor: actor(res) });
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      flash(res, 'warning', error.userMessage);
    }
    res.redirect(303, `/admin/moeder/${item.meeting_id}`);
  };

  const deleteItemHandler = async (req: Request, res: Response) => {
    const item = await itemForEdit(db, param(req, 'itemId'));
    if (!item) throw new NotFoundError('Punktet');
    const parsed = parseForm(z.object({ version: version() }), req.body);
    if (!parsed.ok) throw new AppError(422, 'invalid', parsed.errors[0]?.message ?? 'Ugyldig forespørgsel');
    try {
      await deleteItem(db, { itemId: item.id, version: parsed.data.version, actor: actor(res) });
      flash(res, 'success', `Punkt ${item.number} er slettet.`);
      res.redirect(303, `/admin/moeder/${item.meeting_id}`);
    } catch (error) {
      if (error instanceof ConflictError || error instanceof RuleError) {
        flash(res, 'warning', error.userMessage);
        return res.redirect(303, `/admin/punkter/${item.id}`);
      }
      throw error;
    }
  };

  // Send on ("Send videre") ------------------------------------------------------------------

  const sendOnLocals = async (item: NonNullable<Awaited<ReturnType<typeof itemForEdit>>>) => {
    const targets = await sendOnTargets(db, item.bodyId, item.meeting_id, now());
    const decidedBy = item.decided_by_committee_id as number | null;
    return {
      pageTitle: `Send punkt ${item.number} videre`,
      item: { id: item.id, number: item.number, title: item.title, committeeName: item.committeeName, meetingDate: formatDate(item.meetingStartsAt) },
      targets: targets.map((m) => ({
        value: m.id,
        text: `${m.committeeName}, ${formatDate(m.startsAt)} kl. ${formatTime(m.startsAt)}${m.status === 'agenda_published' ? ' (dagsorden offentliggjort: tillægsdagsorden)' : ''}`,
      })),
      suggested: targets.find((m) => m.committeeId === decidedBy && m.committeeId !== item.committeeId)?.id ?? '',
      breadcrumbs: [
        { href: '/admin', text: 'Administration' },
        { href: `/admin/punkter/${item.id}`, text: `Punkt ${item.number}` },
        { text: 'Send videre' },
      ],
    };
  };

  const sendOnForm = async (req: Request, res: Response) => {
    const item = await itemForEdit(db, param(req, 'itemId'));
    if (!item) throw new NotFoundError('Punktet');
    const locals = await sendOnLocals(item);
    res.render('pages/admin/items/send-on', { ...locals, values: { meetingId: locals.suggested, mode: 'send' } });
  };

  const sendOnSchema = z.object({
    meetingId: id('Vælg det møde, sagen skal på'),
    mode: z.enum(['send', 'postpone'], { errorMap: () => ({ message: 'Vælg om sagen sendes videre eller udsættes' }) }),
  });

  const sendOn = async (req: Request, res: Response) => {
    const item = await itemForEdit(db, param(req, 'itemId'));
    if (!item) throw new NotFoundError('Punktet');
    const locals = await sendOnLocals(item);
    const parsed = parseForm(sendOnSchema, req.body);
    if (!parsed.ok) return renderInvalid(res, 'pages/admin/items/send-on', locals, parsed.errors, req.body);
    const target = (await sendOnTargets(db, item.bodyId, item.meeting_id, now())).find((m) => m.id === parsed.data.meetingId);
    if (!target) return renderInvalid(res, 'pages/admin/items/send-on', locals, [{ field: 'meetingId', message: 'Vælg et kommende møde fra listen' }], req.body);
    if (!user(res).allCommittees && user(res).role === 'secretary' && !user(res).committeeIds.includes(target.committeeId)) {
      return renderInvalid(res, 'pages/admin/items/send-on', locals, [{ field: 'meetingId', message: 'Du er ikke sekretær for det udvalg. Bed dets sekretariat om at sætte sagen på' }], req.body, 403);
    }
    if (parsed.data.mode === 'postpone' && target.committeeId !== item.committeeId) {
      return renderInvalid(res, 'pages/admin/items/send-on', locals, [{ field: 'mode', message: 'Et punkt kan kun udsættes til et senere møde i samme udvalg' }], req.body);
    }
    if (!item.case_id) return renderInvalid(res, 'pages/admin/items/send-on', locals, [{ field: 'meetingId', message: 'Punktet hører ikke til en sag. Angiv sagen på punktet først' }], req.body);
    const newId = await createItem(db, {
      meetingId: target.id,
      title: item.title,
      kind: item.kind === 'announcements' ? 'announcements' : 'regular',
      isClosed: item.is_closed,
      caseId: item.case_id,
      actor: actor(res),
      copyFrom: item.id,
      postponedFromItemId: parsed.data.mode === 'postpone' ? item.id : null,
    });
    const summaries = await attachSummariesToNewItem({ db, files: deps.files, pdfs: summaryPdfs }, { itemId: newId, actor: actor(res), now: now() });
    flash(res, 'success', `Sagen er sat på ${target.committeeName}s møde ${formatDate(target.startsAt)}.${summaries ? ` ${summaries}` : ''}`);
    res.redirect(303, `/admin/punkter/${newId}`);
  };

  // Audit log ---------------------------------------------------------------------------------

  const auditLog = async (_req: Request, res: Response) => {
    const rows = await recentAudit(db, 200);
    res.render('pages/admin/audit', {
      pageTitle: 'Ændringslog',
      rows: rows.map((r) => ({
        ...r,
        at: `${formatDate(r.at)} ${formatTime(r.at)}`,
        before: r.before === null ? '' : JSON.stringify(r.before, null, 1),
        after: r.after === null ? '' : JSON.stringify(r.after, null, 1),
      })),
      breadcrumbs: [{ href: '/admin', text: 'Administration' }, { text: 'Ændringslog' }],
    });
  };

  const staff = { kind: 'staff' } as const;
  const ofCommittee = { kind: 'committee-staff', scope: 'committee', param: 'committeeId' } as const;
  const ofMeeting = { kind: 'committee-staff', scope: 'meeting', param: 'meetingId' } as const;
  const ofItem = { kind: 'committee-staff', scope: 'item', param: 'itemId' } as const;

  return [
    { method: 'get', path: '/admin', access: staff, handlers: [dashboard] },
    { method: 'get', path: '/admin/log', access: { kind: 'admin' }, handlers: [auditLog] },
    { method: 'get', path: '/admin/udvalg/:committeeId/moeder/nyt', access: ofCommittee, handlers: [newMeetingForm] },
    { method: 'post', path: '/admin/udvalg/:committeeId/moeder', access: ofCommittee, handlers: [createMeeting] },
    { method: 'get', path: '/admin/moeder/:meetingId', access: ofMeeting, handlers: [showMeeting] },
    { method: 'get', path: '/admin/moeder/:meetingId/rediger', access: ofMeeting, handlers: [editMeetingForm] },
    { method: 'post', path: '/admin/moeder/:meetingId', access: ofMeeting, handlers: [saveMeeting] },
    {
      method: 'post',
      path: '/admin/moeder/:meetingId/offentliggoer',
      access: ofMeeting,
      handlers: [
        meetingAction(async (_req, res, meetingId) => {
          await publishAgenda(db, { meetingId, actor: actor(res), now: now() });
          await deps.onPublished?.(meetingId);
          await notifyFollowingBoards({ db, mailer: deps.mailer }, meetingId, now());
          return 'Dagsordenen er offentliggjort.';
        }),
      ],
    },
    {
      method: 'post',
      path: '/admin/moeder/:meetingId/aflys',
      access: ofMeeting,
      handlers: [meetingAction(async (_req, res, meetingId) => (await setCancelled(db, { meetingId, cancelled: true, actor: actor(res) }), 'Mødet er aflyst.'))],
    },
    {
      method: 'post',
      path: '/admin/moeder/:meetingId/genoptag',
      access: ofMeeting,
      handlers: [meetingAction(async (_req, res, meetingId) => (await setCancelled(db, { meetingId, cancelled: false, actor: actor(res) }), 'Mødet er ikke længere aflyst.'))],
    },
    {
      method: 'post',
      path: '/admin/moeder/:meetingId/status',
      access: ofMeeting,
      handlers: [
        meetingAction(async (req, res, meetingId) => {
          const parsed = parseForm(statusSchema, req.body);
          if (!parsed.ok) throw new AppError(422, 'invalid', parsed.errors[0]?.message ?? 'Vælg en gyldig status');
          await advanceStatus(db, { meetingId, to: parsed.data.to, actor: actor(res) });
          return parsed.data.to === 'held' ? 'Mødet er registreret som afholdt.' : 'Referatudkastet er åbnet.';
        }),
      ],
    },
    { method: 'get', path: '/admin/moeder/:meetingId/punkter/nyt', access: ofMeeting, handlers: [newItemForm] },
    { method: 'post', path: '/admin/moeder/:meetingId/punkter', access: ofMeeting, handlers: [createItemHandler] },
    { method: 'get', path: '/admin/punkter/:itemId', access: ofItem, handlers: [editItemForm] },
    { method: 'post', path: '/admin/punkter/:itemId', access: ofItem, handlers: [saveItem] },
    { method: 'post', path: '/admin/punkter/:itemId/flyt', access: ofItem, handlers: [moveItemHandler] },
    { method: 'post', path: '/admin/punkter/:itemId/slet', access: ofItem, handlers: [deleteItemHandler] },
    { method: 'get', path: '/admin/punkter/:itemId/send-videre', access: ofItem, handlers: [sendOnForm] },
    { method: 'post', path: '/admin/punkter/:itemId/send-videre', access: ofItem, handlers: [sendOn] },
    ...subPointRoutes(deps),
  ];
}
