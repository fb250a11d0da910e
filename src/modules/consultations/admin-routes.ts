import type { NextFunction, Request, Response } from 'express';
import type { RouteDeps } from '../../routes';
import { formatDate } from '../../i18n/format';
import { committeeKindLabels } from '../../i18n/texts';
import { ConflictError, RuleError } from '../../web/app-errors';
import { AppError, NotFoundError } from '../../web/errors';
import { flash, parseForm, renderInvalid, type FieldError } from '../../web/forms';
import type { RouteDef } from '../../web/route-table';
import { canEditCommittee } from '../auth/permissions';
import { htmlToMarkup, markupToHtml, MARKUP_HELP } from '../sanitize/markup';
import { buildNumbering, decodeInlineRefs, type Numbering } from './numbering';
import { addDays, formatDay, todayIn } from './period';
import { isAgendaPublic } from '../meetings/meeting-status';
import { adminConsultationHref, isPublicConsultation, lastDay, OUTCOME_LABELS, partyResponse, presentConsultation, presentListEntry, presentSummary, summaryPdfHref } from './presenter';
import {
  allConsultations,
  consulteeOptions,
  consultationsOfItem,
  findConsultation,
  meetingOptions,
  originItem,
  partiesOf,
  pointsOf,
  returningItems,
  summaryAttachmentsOf,
  type ConsultationRow,
  type PartyRow,
  type PointRow,
} from './repository';
import { attachSchema, editPointSchema, linkSchema, meetingChoice, moveSchema, placeSchema, pointSchema, registerSchema, startSchema, summarySettingsSchema } from './schema';
import {
  addPoint,
  ConsultationFieldError,
  deletePoint,
  manageLink,
  movePoint,
  placeOnMeeting,
  registerResponse,
  responseFilesDir,
  saveSummarySettings,
  startConsultation,
  updatePoint,
} from './service';
import { attachedStates, attachRefusal, attachSummary, type AttachMode } from './summary-attach';
import { actorOf, idParam, optionalUpload, sendStoredFile, summaryPdfsOf, textValues, uploadedFile } from './web';

const VIEWS = 'pages/consultations';
const toHtml = (markup: string) => markupToHtml(markup);
const optionalHtml = (markup: string) => (markup.trim() ? markupToHtml(markup) : null);

/** The secretariat's consultation pages, under the item they were started from (committee-staff of its committee). */
export function consultationAdminRoutes(deps: RouteDeps): RouteDef[] {
  const { db, now, mailer, files } = deps;
  const pdfs = summaryPdfsOf(deps);

  async function consultationOf(req: Request): Promise<ConsultationRow> {
    const itemId = idParam(req.params.itemId);
    const c = await findConsultation(db, idParam(req.params.consultationId, 'Høringen'));
    if (!c || c.itemId !== itemId) throw new NotFoundError('Høringen');
    return c;
  }

  async function partyOf(req: Request, c: ConsultationRow, parties?: PartyRow[]): Promise<{ party: PartyRow; number: number; parties: PartyRow[] }> {
    const all = parties ?? (await partiesOf(db, c.id));
    const partyId = idParam(req.params.partyId, 'Høringsparten');
    const index = all.findIndex((p) => p.id === partyId);
    const party = all[index];
    if (!party) throw new NotFoundError('Høringsparten');
    return { party, number: index + 1, parties: all };
  }

  const crumbs = (c: ConsultationRow, ...rest: Array<{ href?: string; text: string }>) => [
    { href: '/admin', text: 'Administration' },
    { href: `/admin/punkter/${c.itemId}`, text: `Punkt ${c.originNumber}` },
    { href: `/admin/punkter/${c.itemId}/hoeringer`, text: 'Høringer' },
    ...rest,
  ];

  // ---------- overview and start ----------

  const staffList = async (_req: Request, res: Response) => {
    const user = res.locals.user;
    const rows = (await allConsultations(db)).filter((c) => canEditCommittee(user, c.committeeId));
    res.render(`${VIEWS}/admin-list`, {
      pageTitle: 'Høringer',
      consultations: rows.map((c) => presentListEntry(c, now())),
      breadcrumbs: [{ href: '/admin', text: 'Administration' }, { text: 'Høringer' }],
    });
  };

  const itemList = async (req: Request, res: Response) => {
    const item = await originItem(db, idParam(req.params.itemId));
    if (!item) throw new NotFoundError('Punktet');
    const rows = await consultationsOfItem(db, item.id);
    res.render(`${VIEWS}/admin-item`, {
      pageTitle: `Høringer fra punkt ${item.number} ${item.title}`,
      item,
      meetingDate: formatDate(item.meetingStartsAt),
      consultations: rows.map((c) => presentListEntry(c, now())),
      breadcrumbs: [{ href: '/admin', text: 'Administration' }, { href: `/admin/punkter/${item.id}`, text: `Punkt ${item.number}` }, { text: 'Høringer' }],
    });
  };

  async function startLocals(itemId: number, values: Record<string, unknown>) {
    const item = await originItem(db, itemId);
    if (!item) throw new NotFoundError('Punktet');
    const options = await consulteeOptions(db, item.bodyId, item.committeeId);
    const meetings = await meetingOptions(db, options.map((o) => o.id), now());
    const chosen = new Set((Array.isArray(values.parties) ? values.parties : values.parties ? [values.parties] : []).map(String));
    const kinds: Array<{ kind: string; label: string }> = [
      { kind: 'committee', label: 'Politiske udvalg' },
      { kind: 'advisory_board', label: 'Råd og nævn' },
      { kind: 'external_party', label: 'Eksterne parter (får en mail med et personligt link)' },
    ];
    const groups = kinds
      .map(({ kind, label }) => ({
        label,
        options: options
          .filter((o) => (kind === 'committee' ? o.kind === 'committee' || o.kind === 'council' : o.kind === kind))
          .map((o) => {
            const own = meetings.get(o.id) ?? [];
            const field = `meeting_${o.id}`;
            const picked = typeof values[field] === 'string' ? (values[field] as string) : '';
            return {
              id: o.id,
              name: o.name,
              checked: chosen.has(String(o.id)),
              external: o.kind === 'external_party',
              contact: o.contactEmail,
              missingContact: o.kind === 'external_party' && !o.contactEmail,
              meetingField: field,
              meetingOptions: [
                { value: '', text: own[0] ? `Næste møde (${formatDate(own[0].startsAt)})` : 'Intet kommende møde – vælg senere', selected: picked === '' },
                ...own.map((m) => ({ value: String(m.id), text: formatDate(m.startsAt), selected: picked === String(m.id) })),
              ],
            };
          }),
      }))
      .filter((g) => g.options.length > 0);
    return {
      pageTitle: 'Send i høring',
      item,
      groups,
      markupHelp: MARKUP_HELP,
      attachmentOptions: item.attachments.map((a) => ({ value: a.id, text: a.hasFile ? a.title : `${a.title} (ingen fil endnu)` })),
      breadcrumbs: [
        { href: '/admin', text: 'Administration' },
        { href: `/admin/punkter/${item.id}`, text: `Punkt ${item.number}` },
        { href: `/admin/punkter/${item.id}/hoeringer`, text: 'Høringer' },
        { text: 'Send i høring' },
      ],
    };
  }

  const newForm = async (req: Request, res: Response) => {
    const itemId = idParam(req.params.itemId);
    const item = await originItem(db, itemId);
    if (!item) throw new NotFoundError('Punktet');
    const today = todayIn(now());
    const values = { title: item.title, coverText: '', draftAttachmentId: item.attachments[0]?.id ?? '', startsOn: today, deadline: addDays(today, 42), graceDays: '7' };
    res.render(`${VIEWS}/admin-new`, { ...(await startLocals(itemId, values)), values, errors: {} });
  };

  const start = async (req: Request, res: Response) => {
    const itemId = idParam(req.params.itemId);
    const values = textValues(req.body);
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const shown = { ...values, parties: raw.parties };
    const invalid = async (errors: FieldError[], status = 422) => renderInvalid(res, `${VIEWS}/admin-new`, await startLocals(itemId, shown), errors, shown, status);
    const parsed = parseForm(startSchema, req.body);
    if (!parsed.ok) return invalid(parsed.errors);
    const form = parsed.data;
    const parties: Array<{ committeeId: number; meetingId: number | null }> = [];
    for (const committeeId of form.parties) {
      const choice = meetingChoice.safeParse(raw[`meeting_${committeeId}`]);
      if (!choice.success) return invalid([{ field: `meeting_${committeeId}`, message: choice.error.issues[0]?.message ?? 'Vælg et møde fra listen' }]);
      if (!parties.some((p) => p.committeeId === committeeId)) parties.push({ committeeId, meetingId: choice.data });
    }
    let id: number;
    try {
      id = await startConsultation(db, mailer, {
        itemId,
        title: form.title,
        coverHtml: optionalHtml(form.coverText),
        draftAttachmentId: form.draftAttachmentId,
        startsOn: form.startsOn,
        deadline: form.deadline,
        graceDays: form.graceDays,
        parties,
        actor: actorOf(res),
        now: now(),
      });
    } catch (error) {
      if (error instanceof ConsultationFieldError) return invalid([{ field: error.field, message: error.userMessage }]);
      throw error;
    }
    await mailer.flush(db, now());
    flash(res, 'success', 'Høringen er sendt ud.');
    res.redirect(303, `/admin/punkter/${itemId}/hoeringer/${id}`);
  };

  // ---------- one consultation ----------

  async function showLocals(c: ConsultationRow, res: Response) {
    const [parties, points] = await Promise.all([partiesOf(db, c.id), pointsOf(db, c.id)]);
    const page = presentConsultation(c, parties, points, 'internal', now());
    const base = adminConsultationHref(c);
    return {
      pageTitle: `Høring: ${c.title}`,
      consultation: page,
      base,
      parties: parties.map((p, i) => {
        const view = page.groups.flatMap((g) => g.parties).find((v) => v.id === p.id);
        return {
          ...view,
          href: `${base}/parter/${p.id}`,
          kindLabel: committeeKindLabels[p.kind],
          link: p.kind === 'external_party' ? linkState(p) : null,
          number: i + 1,
        };
      }),
      attach: await attachLocals(c, res),
      breadcrumbs: crumbs(c, { text: c.title }),
    };
  }

  /** The "Vedhæft høringsnotat" section: the items where the case returns, and what each has of the summary. */
  async function attachLocals(c: ConsultationRow, res: Response) {
    const user = res.locals.user;
    const items = await returningItems(db, c);
    const published = c.summaryPublishedAt !== null;
    const currentKey = published && pdfs ? await pdfs.currentKey(c) : null;
    const states = attachedStates(await summaryAttachmentsOf(db, c.id), currentKey);
    const options = items.map((item) => {
      const refusal = attachRefusal(c, item) ?? (canEditCommittee(user, item.committeeId) ? null : `Du er ikke sekretær for ${item.committeeName}`);
      const state = states.get(item.id);
      const status = state
        ? state.removed
          ? `Høringsnotatet blev vedhæftet ${state.attachedAt}, men er fjernet fra punktet igen`
          : `Vedhæftet ${state.attachedAt}${state.edition > 1 ? ` (udgave ${state.edition})` : ''}${state.automatic ? ' automatisk' : ''}${state.outdated ? '. Høringsnotatet er ændret siden: vedhæft det igen' : ''}`
        : null;
      return {
        value: String(item.id),
        label: `${item.committeeName}, ${formatDate(item.meetingStartsAt)}, punkt ${item.number}: ${item.title}${item.isClosed ? ' (lukket punkt)' : ''}${item.meetingCancelled ? ' (mødet er aflyst)' : ''}`,
        adminHref: `/admin/punkter/${item.id}`,
        published: isAgendaPublic(item.meetingStatus),
        status,
        outdated: state?.outdated ?? false,
        refusal,
      };
    });
    return {
      published,
      pdfHref: published && isPublicConsultation(c) ? summaryPdfHref(c.slug) : null,
      action: `${adminConsultationHref(c)}/vedhaeft`,
      available: pdfs !== null,
      options,
      anyOpen: options.some((o) => o.refusal === null),
    };
  }

  const show = async (req: Request, res: Response) => {
    const c = await consultationOf(req);
    const locals = await showLocals(c, res);
    const first = locals.attach.options.find((o) => o.refusal === null && (o.status === null || o.outdated)) ?? locals.attach.options.find((o) => o.refusal === null);
    res.render(`${VIEWS}/admin-show`, { ...locals, values: { itemId: first?.value ?? '', changeNote: '' }, errors: {} });
  };

  const attach = async (req: Request, res: Response) => {
    const c = await consultationOf(req);
    const values = textValues(req.body);
    const invalid = async (errors: FieldError[], status = 422) => renderInvalid(res, `${VIEWS}/admin-show`, await showLocals(c, res), errors, { itemId: '', changeNote: '', ...values }, status);
    const parsed = parseForm(attachSchema, req.body);
    if (!parsed.ok) return invalid(parsed.errors);
    const target = (await returningItems(db, c)).find((i) => i.id === parsed.data.itemId);
    if (!target) return invalid([{ field: 'itemId', message: 'Vælg et af sagens punkter fra listen' }]);
    // The item belongs to a meeting of its own committee: its secretariat decides what goes on it.
    if (!canEditCommittee(res.locals.user, target.committeeId)) return invalid([{ field: 'itemId', message: `Du er ikke sekretær for ${target.committeeName}. Bed udvalgets sekretariat om at vedhæfte høringsnotatet` }], 403);
    if (!pdfs) throw new AppError(503, 'pdf_unavailable', 'Høringsnotatet kan ikke laves som PDF lige nu. Prøv igen senere.');
    let result: Awaited<ReturnType<typeof attachSummary>>;
    try {
      result = await attachSummary(db, files, pdfs, { consultationId: c.id, itemId: target.id, changeNote: parsed.data.changeNote, automatic: false, actor: actorOf(res), now: now() });
    } catch (error) {
      if (error instanceof ConsultationFieldError) return invalid([{ field: error.field, message: error.userMessage }]);
      throw error;
    }
    const where = `${target.committeeName}s møde ${formatDate(target.meetingStartsAt)}, punkt ${target.number}`;
    const text: Record<AttachMode, string> = {
      added: `Høringsnotatet er vedhæftet ${where}.`,
      replaced: `Høringsnotatet på ${where} er erstattet af den nyeste udgave.`,
      new_edition: `Høringsnotatet er vedhæftet ${where} i en ny udgave (udgave ${result.edition}). Den tidligere udgave er bevaret, og ændringen er noteret på punktet.`,
      unchanged: `${where[0]?.toUpperCase() ?? ''}${where.slice(1)} har allerede den nyeste udgave af høringsnotatet.`,
    };
    flash(res, result.mode === 'unchanged' ? 'info' : 'success', text[result.mode]);
    res.redirect(303, adminConsultationHref(c));
  };

  function linkState(p: PartyRow): string {
    if (!p.hasLink || !p.linkExpiresAt) return 'Intet link sendt';
    return p.linkExpiresAt.getTime() > now().getTime() ? `Linket virker til og med ${lastDay(p.linkExpiresAt)}` : `Linket udløb ${lastDay(p.linkExpiresAt)}`;
  }

  async function partyLocals(c: ConsultationRow, party: PartyRow, number: number) {
    const base = adminConsultationHref(c);
    const options = party.kind !== 'external_party' && party.itemId === null ? ((await meetingOptions(db, [party.committeeId], now())).get(party.committeeId) ?? []) : [];
    const response = partyResponse(c, party, number, 'internal');
    const defaultUntil = party.linkExpiresAt ? todayIn(new Date(Math.max(party.linkExpiresAt.getTime() - 1, now().getTime()))) : addDays(c.deadline, c.graceDays);
    return {
      pageTitle: `${number}. ${party.name} – ${c.title}`,
      consultation: { title: c.title, deadline: formatDay(c.deadline), href: base },
      party: {
        id: party.id,
        number,
        name: party.name,
        kindLabel: committeeKindLabels[party.kind],
        external: party.kind === 'external_party',
        contactEmail: party.contactEmail,
        item: party.itemId !== null && party.meetingStartsAt ? { href: `/admin/punkter/${party.itemId}`, label: `${party.name}s møde ${formatDate(party.meetingStartsAt)}, punkt ${party.itemNumber}`, decisionHref: `/admin/punkter/${party.itemId}/beslutning` } : null,
        link: party.kind === 'external_party' ? linkState(party) : null,
      },
      response,
      meetingOptions: options.map((m) => ({ value: m.id, text: formatDate(m.startsAt) })),
      actions: { meeting: `${base}/parter/${party.id}/moede`, response: `${base}/parter/${party.id}/svar`, link: `${base}/parter/${party.id}/link` },
      defaults: { until: defaultUntil },
      markupHelp: MARKUP_HELP,
      breadcrumbs: crumbs(c, { href: base, text: c.title }, { text: party.name }),
    };
  }

  const showParty = async (req: Request, res: Response) => {
    const c = await consultationOf(req);
    const { party, number } = await partyOf(req, c);
    const locals = await partyLocals(c, party, number);
    res.render(`${VIEWS}/admin-party`, { ...locals, values: { receivedOn: todayIn(now()), sender: '', text: '', until: locals.defaults.until, meetingId: '' }, errors: {} });
  };

  async function partyInvalid(res: Response, c: ConsultationRow, party: PartyRow, number: number, errors: FieldError[], values: Record<string, unknown>, status = 422) {
    const locals = await partyLocals(c, party, number);
    renderInvalid(res, `${VIEWS}/admin-party`, locals, errors, { receivedOn: '', sender: '', text: '', until: locals.defaults.until, meetingId: '', ...values }, status);
  }

  const place = async (req: Request, res: Response) => {
    const c = await consultationOf(req);
    const { party, number } = await partyOf(req, c);
    const parsed = parseForm(placeSchema, req.body);
    if (!parsed.ok) return partyInvalid(res, c, party, number, parsed.errors, textValues(req.body));
    try {
      await placeOnMeeting(db, { partyId: party.id, meetingId: parsed.data.meetingId, actor: actorOf(res), now: now() });
    } catch (error) {
      if (error instanceof ConsultationFieldError) return partyInvalid(res, c, party, number, [{ field: error.field, message: error.userMessage }], textValues(req.body));
      throw error;
    }
    flash(res, 'success', `Høringen er sat på ${party.name}s møde.`);
    res.redirect(303, `${adminConsultationHref(c)}/parter/${party.id}`);
  };

  const register = async (req: Request, res: Response) => {
    const c = await consultationOf(req);
    const { party, number } = await partyOf(req, c);
    const values = textValues(req.body);
    if (res.locals.responseFileTooLarge) return partyInvalid(res, c, party, number, [{ field: 'file', message: 'Filen er for stor. Vælg en mindre fil' }], values);
    const parsed = parseForm(registerSchema, req.body);
    if (!parsed.ok) return partyInvalid(res, c, party, number, parsed.errors, values);
    try {
      await registerResponse(db, files, {
        partyId: party.id,
        receivedOn: parsed.data.receivedOn,
        sender: parsed.data.sender,
        html: optionalHtml(parsed.data.text),
        file: uploadedFile(req, res),
        actor: actorOf(res),
        now: now(),
      });
    } catch (error) {
      if (error instanceof ConsultationFieldError) return partyInvalid(res, c, party, number, [{ field: error.field, message: error.userMessage }], values);
      throw error;
    }
    flash(res, 'success', `Høringssvaret fra ${party.name} er registreret.`);
    res.redirect(303, `${adminConsultationHref(c)}/parter/${party.id}`);
  };

  const link = async (req: Request, res: Response) => {
    const c = await consultationOf(req);
    const { party, number } = await partyOf(req, c);
    const parsed = parseForm(linkSchema, req.body);
    if (!parsed.ok) return partyInvalid(res, c, party, number, parsed.errors, textValues(req.body));
    try {
      await manageLink(db, mailer, { partyId: party.id, until: parsed.data.until, renew: parsed.data.action === 'renew', actor: actorOf(res), now: now() });
    } catch (error) {
      if (error instanceof ConsultationFieldError) return partyInvalid(res, c, party, number, [{ field: error.field, message: error.userMessage }], textValues(req.body));
      throw error;
    }
    await mailer.flush(db, now());
    flash(res, 'success', parsed.data.action === 'renew' ? `Et nyt link er sendt til ${party.name}.` : `Linket til ${party.name} er forlænget.`);
    res.redirect(303, `${adminConsultationHref(c)}/parter/${party.id}`);
  };

  const responseFile = async (req: Request, res: Response, next: NextFunction) => {
    const c = await consultationOf(req);
    const { party } = await partyOf(req, c);
    if (!party.responseStorageKey || !party.responseContentType || !party.responseFileName) throw new NotFoundError('Filen');
    await sendStoredFile(req, res, next, {
      dir: responseFilesDir(files.dir),
      key: party.responseStorageKey,
      contentType: party.responseContentType,
      fileName: party.responseFileName,
      cacheControl: 'private, no-store',
    });
  };

  // ---------- the summary ----------

  const numberingFor = (parties: PartyRow[], points: PointRow[]): Numbering =>
    buildNumbering(parties.map((p) => ({ id: p.id, name: p.name, pointIds: points.filter((x) => x.partyId === p.id).sort((a, b) => a.position - b.position || a.id - b.id).map((x) => x.id) })));

  async function summaryLocals(c: ConsultationRow) {
    const [parties, points] = await Promise.all([partiesOf(db, c.id), pointsOf(db, c.id)]);
    const base = adminConsultationHref(c);
    const summary = presentSummary(c, parties, points, 'internal', now());
    return {
      pageTitle: `Høringsnotat: ${c.title}`,
      consultation: { title: c.title, period: presentConsultation(c, parties, points, 'internal', now()).period, publicHref: `/hoeringer/${c.slug}/hoeringsnotat`, published: c.summaryPublishedAt !== null, publishedAt: c.summaryPublishedAt ? formatDate(c.summaryPublishedAt) : null },
      summary: { ...summary, parties: summary.parties.map((p) => ({ ...p, editHref: `${base}/notat/parter/${p.id}` })) },
      action: `${base}/notat`,
      markupHelp: MARKUP_HELP,
      breadcrumbs: crumbs(c, { href: base, text: c.title }, { text: 'Høringsnotat' }),
    };
  }

  const showSummary = async (req: Request, res: Response) => {
    const c = await consultationOf(req);
    res.render(`${VIEWS}/admin-summary`, { ...(await summaryLocals(c)), values: { version: c.version, intro: htmlToMarkup(c.summaryIntro), publish: c.summaryPublishedAt !== null }, errors: {} });
  };

  const saveSummary = async (req: Request, res: Response) => {
    const c = await consultationOf(req);
    const values = { ...textValues(req.body), publish: (req.body as Record<string, unknown> | undefined)?.publish === 'on' };
    const parsed = parseForm(summarySettingsSchema, req.body);
    if (!parsed.ok) return renderInvalid(res, `${VIEWS}/admin-summary`, await summaryLocals(c), parsed.errors, values);
    try {
      await saveSummarySettings(db, { consultationId: c.id, version: parsed.data.version, introHtml: optionalHtml(parsed.data.intro), publish: parsed.data.publish, actor: actorOf(res), now: now() });
    } catch (error) {
      if (error instanceof ConflictError) return renderInvalid(res, `${VIEWS}/admin-summary`, await summaryLocals(c), [{ field: 'intro', message: error.userMessage }], { ...values, version: error.currentVersion }, 409);
      if (error instanceof ConsultationFieldError) return renderInvalid(res, `${VIEWS}/admin-summary`, await summaryLocals(c), [{ field: error.field, message: error.userMessage }], values);
      throw error;
    }
    flash(res, 'success', parsed.data.publish ? 'Høringsnotatet er gemt og offentliggjort.' : 'Høringsnotatet er gemt.');
    res.redirect(303, `${adminConsultationHref(c)}/notat`);
  };

  const outcomeOptions = Object.entries(OUTCOME_LABELS).map(([value, text]) => ({ value, text }));

  async function partyPointsLocals(c: ConsultationRow, req: Request) {
    const [parties, points] = await Promise.all([partiesOf(db, c.id), pointsOf(db, c.id)]);
    const { party, number } = await partyOf(req, c, parties);
    const base = adminConsultationHref(c);
    const summary = presentSummary(c, parties, points, 'internal', now());
    const mine = summary.parties.find((p) => p.id === party.id);
    const numbering = numberingFor(parties, points);
    return {
      pageTitle: `Pointer fra ${party.name} – høringsnotat`,
      consultation: { title: c.title, summaryHref: `${base}/notat` },
      party: { id: party.id, number, name: party.name },
      response: partyResponse(c, party, number, 'internal'),
      rows: (mine?.rows ?? []).map((r, i, all) => ({ ...r, editHref: `${base}/notat/punkter/${r.pointId}`, moveAction: `${base}/notat/punkter/${r.pointId}/flyt`, deleteAction: `${base}/notat/punkter/${r.pointId}/slet`, first: i === 0, last: i === all.length - 1 })),
      labels: parties.map((p) => `${numbering.partyNumber(p.id)}. ${p.name}`),
      outcomeOptions,
      addAction: `${base}/notat/parter/${party.id}/punkter`,
      markupHelp: MARKUP_HELP,
      breadcrumbs: crumbs(c, { href: base, text: c.title }, { href: `${base}/notat`, text: 'Høringsnotat' }, { text: party.name }),
    };
  }

  const showPartyPoints = async (req: Request, res: Response) => {
    const c = await consultationOf(req);
    res.render(`${VIEWS}/admin-points`, { ...(await partyPointsLocals(c, req)), values: { text: '', comment: '', refs: '', outcome: '' }, errors: {} });
  };

  const add = async (req: Request, res: Response) => {
    const c = await consultationOf(req);
    const { party } = await partyOf(req, c);
    const values = textValues(req.body);
    const parsed = parseForm(pointSchema, req.body);
    if (!parsed.ok) return renderInvalid(res, `${VIEWS}/admin-points`, await partyPointsLocals(c, req), parsed.errors, values);
    try {
      await addPoint(db, { consultationId: c.id, partyId: party.id, point: parsed.data, toHtml, actor: actorOf(res) });
    } catch (error) {
      if (error instanceof ConsultationFieldError) return renderInvalid(res, `${VIEWS}/admin-points`, await partyPointsLocals(c, req), [{ field: error.field, message: error.userMessage }], values);
      throw error;
    }
    flash(res, 'success', 'Punktet er tilføjet.');
    res.redirect(303, `${adminConsultationHref(c)}/notat/parter/${party.id}`);
  };

  async function pointLocals(c: ConsultationRow, pointId: number) {
    const [parties, points] = await Promise.all([partiesOf(db, c.id), pointsOf(db, c.id)]);
    const point = points.find((p) => p.id === pointId);
    if (!point) throw new NotFoundError('Punktet i høringsnotatet');
    const party = parties.find((p) => p.id === point.partyId) as PartyRow;
    const numbering = numberingFor(parties, points);
    const base = adminConsultationHref(c);
    const label = numbering.labelOf(point.id) ?? '';
    return {
      locals: {
        pageTitle: `Punkt ${label} – høringsnotat`,
        consultation: { title: c.title },
        point: { id: point.id, label, partyName: party.name, action: `${base}/notat/punkter/${point.id}`, back: `${base}/notat/parter/${party.id}` },
        outcomeOptions,
        markupHelp: MARKUP_HELP,
        breadcrumbs: crumbs(c, { href: base, text: c.title }, { href: `${base}/notat`, text: 'Høringsnotat' }, { href: `${base}/notat/parter/${party.id}`, text: party.name }, { text: `Punkt ${label}` }),
      },
      values: {
        version: point.version,
        text: decodeInlineRefs(htmlToMarkup(point.text), numbering, true),
        comment: decodeInlineRefs(htmlToMarkup(point.comment), numbering, true),
        refs: point.refs.map((id) => numbering.labelOf(id)).filter(Boolean).join(', '),
        outcome: point.outcome ?? '',
      },
      partyId: party.id,
    };
  }

  const editPoint = async (req: Request, res: Response) => {
    const c = await consultationOf(req);
    const { locals, values } = await pointLocals(c, idParam(req.params.pointId, 'Punktet'));
    res.render(`${VIEWS}/admin-point`, { ...locals, values, errors: {} });
  };

  const savePoint = async (req: Request, res: Response) => {
    const c = await consultationOf(req);
    const pointId = idParam(req.params.pointId, 'Punktet');
    const { locals, partyId } = await pointLocals(c, pointId);
    const values = textValues(req.body);
    const parsed = parseForm(editPointSchema, req.body);
    if (!parsed.ok) return renderInvalid(res, `${VIEWS}/admin-point`, locals, parsed.errors, values);
    try {
      await updatePoint(db, { consultationId: c.id, pointId, version: parsed.data.version, point: parsed.data, toHtml, actor: actorOf(res) });
    } catch (error) {
      if (error instanceof ConflictError) return renderInvalid(res, `${VIEWS}/admin-point`, locals, [{ field: 'text', message: error.userMessage }], { ...values, version: error.currentVersion }, 409);
      if (error instanceof ConsultationFieldError) return renderInvalid(res, `${VIEWS}/admin-point`, locals, [{ field: error.field, message: error.userMessage }], values);
      throw error;
    }
    flash(res, 'success', 'Punktet er gemt.');
    res.redirect(303, `${adminConsultationHref(c)}/notat/parter/${partyId}#punkt-${pointId}`);
  };

  const move = async (req: Request, res: Response) => {
    const c = await consultationOf(req);
    const pointId = idParam(req.params.pointId, 'Punktet');
    const { partyId } = await pointLocals(c, pointId);
    const parsed = parseForm(moveSchema, req.body);
    if (!parsed.ok) throw new RuleError('invalid_move', parsed.errors[0]?.message ?? 'Vælg op eller ned');
    await movePoint(db, { consultationId: c.id, pointId, direction: parsed.data.direction, actor: actorOf(res) });
    flash(res, 'success', 'Punktet er flyttet. Numre og henvisninger følger med.');
    res.redirect(303, `${adminConsultationHref(c)}/notat/parter/${partyId}#punkt-${pointId}`);
  };

  const remove = async (req: Request, res: Response) => {
    const c = await consultationOf(req);
    const pointId = idParam(req.params.pointId, 'Punktet');
    const { partyId } = await pointLocals(c, pointId);
    try {
      await deletePoint(db, { consultationId: c.id, pointId, actor: actorOf(res) });
    } catch (error) {
      if (error instanceof ConsultationFieldError) {
        flash(res, 'warning', error.userMessage);
        return res.redirect(303, `${adminConsultationHref(c)}/notat/parter/${partyId}`);
      }
      throw error;
    }
    flash(res, 'success', 'Punktet er slettet.');
    res.redirect(303, `${adminConsultationHref(c)}/notat/parter/${partyId}`);
  };

  const item = { kind: 'committee-staff', scope: 'item', param: 'itemId' } as const;
  const upload = optionalUpload(files.maxBytes);
  const one = '/admin/punkter/:itemId/hoeringer/:consultationId';
  return [
    { method: 'get', path: '/admin/hoeringer', access: { kind: 'staff' }, handlers: [staffList] },
    { method: 'get', path: '/admin/punkter/:itemId/hoeringer', access: item, handlers: [itemList] },
    { method: 'get', path: '/admin/punkter/:itemId/hoeringer/ny', access: item, handlers: [newForm] },
    { method: 'post', path: '/admin/punkter/:itemId/hoeringer', access: item, handlers: [start] },
    { method: 'get', path: one, access: item, handlers: [show] },
    { method: 'post', path: `${one}/vedhaeft`, access: item, handlers: [attach] },
    { method: 'get', path: `${one}/parter/:partyId`, access: item, handlers: [showParty] },
    { method: 'post', path: `${one}/parter/:partyId/moede`, access: item, handlers: [place] },
    { method: 'post', path: `${one}/parter/:partyId/svar`, access: item, handlers: [upload, register] },
    { method: 'post', path: `${one}/parter/:partyId/link`, access: item, handlers: [link] },
    { method: 'get', path: `${one}/parter/:partyId/fil`, access: item, handlers: [responseFile] },
    { method: 'get', path: `${one}/notat`, access: item, handlers: [showSummary] },
    { method: 'post', path: `${one}/notat`, access: item, handlers: [saveSummary] },
    { method: 'get', path: `${one}/notat/parter/:partyId`, access: item, handlers: [showPartyPoints] },
    { method: 'post', path: `${one}/notat/parter/:partyId/punkter`, access: item, handlers: [add] },
    { method: 'get', path: `${one}/notat/punkter/:pointId`, access: item, handlers: [editPoint] },
    { method: 'post', path: `${one}/notat/punkter/:pointId`, access: item, handlers: [savePoint] },
    { method: 'post', path: `${one}/notat/punkter/:pointId/flyt`, access: item, handlers: [move] },
    { method: 'post', path: `${one}/notat/punkter/:pointId/slet`, access: item, handlers: [remove] },
  ];
}
