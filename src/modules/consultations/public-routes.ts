import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../../routes';
import { formatDate } from '../../i18n/format';
import { issueFormToken } from '../../web/csrf';
import { AppError, NotFoundError } from '../../web/errors';
import { flash, renderInvalid, type FieldError } from '../../web/forms';
import type { RouteDef } from '../../web/route-table';
import { canEditCommittee } from '../auth/permissions';
import { markupToHtml, MARKUP_HELP } from '../sanitize/markup';
import { sanitizeRichText } from '../sanitize/html';
import { deadlinePassed, formatDay, formatPeriod, isLate } from './period';
import { isPublicConsultation, lastDay, presentConsultation, presentListEntry } from './presenter';
import { allConsultations, findConsultation, findConsultationBySlug, partiesOf, pointsOf, type ConsultationRow, type PartyRow } from './repository';
import { sendPdf } from '../pdf/routes';
import { answerSchema } from './schema';
import { answerThroughLink, ConsultationFieldError, partyOfLink, responseFilesDir } from './service';
import { loadSummaryDocument } from './summary-pdf';
import { idParam, optionalUpload, sendStoredFile, summaryPdfsOf, textValues, uploadedFile } from './web';

const VIEWS = 'pages/consultations';
const slugParam = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(200);

/** The consultations citizens read: /hoeringer, one consultation, its published summary, and the public response files. */
export function consultationPublicRoutes(deps: RouteDeps): RouteDef[] {
  const { db, now, files } = deps;
  const pdfs = summaryPdfsOf(deps);

  async function publicConsultation(req: Request): Promise<ConsultationRow> {
    const slug = slugParam.safeParse(req.params.slug);
    const c = slug.success ? await findConsultationBySlug(db, slug.data) : undefined;
    // Nothing from a closed item: a consultation started from one does not exist for the public.
    if (!c || !isPublicConsultation(c)) throw new NotFoundError('Høringen');
    return c;
  }

  const list = async (_req: Request, res: Response) => {
    const user = res.locals.user;
    const rows = (await allConsultations(db)).filter(isPublicConsultation);
    res.render(`${VIEWS}/list`, {
      pageTitle: 'Høringer',
      consultations: rows.map((c) => ({ ...presentListEntry(c, now()), canManage: canEditCommittee(user, c.committeeId) })),
      breadcrumbs: [{ href: '/', text: 'Forside' }, { text: 'Høringer' }],
    });
  };

  const show = async (req: Request, res: Response) => {
    const c = await publicConsultation(req);
    const [parties, points] = await Promise.all([partiesOf(db, c.id), pointsOf(db, c.id)]);
    const page = presentConsultation(c, parties, points, 'public', now());
    res.render(`${VIEWS}/show`, {
      pageTitle: `Høring: ${c.title}`,
      consultation: page,
      adminHref: canEditCommittee(res.locals.user, c.committeeId) ? `/admin/punkter/${c.itemId}/hoeringer/${c.id}` : null,
      breadcrumbs: [{ href: '/', text: 'Forside' }, { href: '/hoeringer', text: 'Høringer' }, { text: c.title }],
    });
  };

  const summary = async (req: Request, res: Response) => {
    const c = await publicConsultation(req);
    if (!c.summaryPublishedAt) throw new NotFoundError('Høringsnotatet');
    // The same view model and partial as the PDF (summary-pdf.ts).
    const doc = await loadSummaryDocument(db, c, now());
    res.render(`${VIEWS}/summary`, {
      pageTitle: `Høringsnotat: ${c.title}`,
      ...doc,
      breadcrumbs: [{ href: '/', text: 'Forside' }, { href: '/hoeringer', text: 'Høringer' }, { href: doc.consultation.href, text: c.title }, { text: 'Høringsnotat' }],
    });
  };

  const summaryPdf = async (req: Request, res: Response) => {
    if (!pdfs) throw new AppError(503, 'pdf_unavailable', 'PDF-udgaven kan ikke hentes lige nu. Prøv igen senere.');
    const slug = slugParam.safeParse(req.params.slug);
    const document = slug.success ? await pdfs.publicPdf(slug.data) : undefined;
    if (!document) throw new NotFoundError('Høringsnotatet');
    sendPdf(res, { ...document, etag: document.key });
  };

  const responseFile = async (req: Request, res: Response, next: NextFunction) => {
    const c = await publicConsultation(req);
    const partyId = idParam(req.params.partyId, 'Filen');
    const party = (await partiesOf(db, c.id)).find((p) => p.id === partyId);
    // The same rule as the page: responses are public once the deadline has passed.
    if (!party || !deadlinePassed(c.deadline, now()) || !party.responseStorageKey || !party.responseContentType || !party.responseFileName) throw new NotFoundError('Filen');
    await sendStoredFile(req, res, next, {
      dir: responseFilesDir(files.dir),
      key: party.responseStorageKey,
      contentType: party.responseContentType,
      fileName: party.responseFileName,
      cacheControl: 'public, max-age=300',
    });
  };

  const open = { kind: 'public' } as const;
  return [
    { method: 'get', path: '/hoeringer', access: open, handlers: [list] },
    { method: 'get', path: '/hoeringer/:slug', access: open, handlers: [show] },
    { method: 'get', path: '/hoeringer/:slug/hoeringsnotat', access: open, handlers: [summary] },
    { method: 'get', path: '/hoeringer/:slug/hoeringsnotat.pdf', access: open, handlers: [summaryPdf] },
    { method: 'get', path: '/hoeringer/:slug/svar/:partyId/:fileName', access: open, handlers: [responseFile] },
  ];
}

/**
 * Outside parties answer through the private link of their invitation: no account,
 * the link names one party of one consultation and works until the deadline plus the
 * grace period (which the secretariat can extend).
 */
export function consultationAnswerRoutes(deps: RouteDeps): RouteDef[] {
  const { db, now, files } = deps;
  const tokenOf = (req: Request) => String(req.params.token ?? '');

  async function pageLocals(party: PartyRow, c: ConsultationRow, token: string) {
    return {
      pageTitle: `Høringssvar: ${c.title}`,
      token,
      party: { id: party.id, name: party.name },
      consultation: {
        id: c.id,
        title: c.title,
        period: formatPeriod(c.startsOn, c.deadline),
        deadline: formatDay(c.deadline),
        sender: c.committeeName,
        coverHtml: c.coverText ? sanitizeRichText(c.coverText) : null,
        draft: c.draftTitle && c.draftHasFile ? { title: c.draftTitle, href: `/hoering/svar/${token}/udkast` } : c.draftTitle ? { title: c.draftTitle, href: null } : null,
        late: deadlinePassed(c.deadline, now()),
      },
      linkUntil: party.linkExpiresAt ? lastDay(party.linkExpiresAt) : null,
      current: party.responseReceivedAt
        ? {
            date: formatDate(party.responseReceivedAt),
            late: isLate(party.responseReceivedAt, c.deadline),
            html: party.responseText ? sanitizeRichText(party.responseText) : null,
            fileName: party.responseFileName,
          }
        : null,
      markupHelp: MARKUP_HELP,
    };
  }

  /** Private pages: never cached, never indexed, and the token never leaves in a Referer header. */
  function privateHeaders(req: Request, res: Response): void {
    issueFormToken(req, res);
    res.set({ 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex, nofollow' });
  }

  const form = async (req: Request, res: Response) => {
    privateHeaders(req, res);
    const party = await partyOfLink(db, tokenOf(req), now());
    const c = (await findConsultation(db, party.consultationId)) as ConsultationRow;
    res.render(`${VIEWS}/answer`, { ...(await pageLocals(party, c, tokenOf(req))), values: { sender: party.responseSender ?? '', text: '' }, errors: {} });
  };

  const answer = async (req: Request, res: Response) => {
    privateHeaders(req, res);
    const token = tokenOf(req);
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const values = textValues(req.body);
    // Checked first, before anything the form says is looked at.
    const party = await partyOfLink(db, token, now(), { partyId: raw.party, consultationId: raw.consultation });
    const c = (await findConsultation(db, party.consultationId)) as ConsultationRow;
    const invalid = async (errors: FieldError[]) => renderInvalid(res, `${VIEWS}/answer`, await pageLocals(party, c, token), errors, values);
    if (res.locals.responseFileTooLarge) return invalid([{ field: 'file', message: 'Filen er for stor. Vælg en mindre fil' }]);
    const parsed = answerSchema.safeParse(raw);
    if (!parsed.success) return invalid([{ field: String(parsed.error.issues[0]?.path[0] ?? 'text'), message: parsed.error.issues[0]?.message ?? 'Tjek formularen' }]);
    let saved: PartyRow;
    try {
      saved = await answerThroughLink(db, files, {
        token,
        claimed: { partyId: raw.party, consultationId: raw.consultation },
        html: parsed.data.text ? markupToHtml(parsed.data.text) : null,
        sender: parsed.data.sender,
        file: uploadedFile(req, res),
        now: now(),
      });
    } catch (error) {
      if (error instanceof ConsultationFieldError) return invalid([{ field: error.field, message: error.userMessage }]);
      throw error;
    }
    const late = saved.responseReceivedAt ? isLate(saved.responseReceivedAt, c.deadline) : false;
    flash(res, 'success', `Tak for jeres høringssvar. Svaret fra ${saved.name} er modtaget${late ? ' efter høringsfristen og er markeret som sådan' : ''}. Det offentliggøres sammen med de øvrige høringssvar, når høringsfristen er udløbet.`);
    res.redirect(303, `/hoering/svar/${token}`);
  };

  const draft = async (req: Request, res: Response, next: NextFunction) => {
    privateHeaders(req, res);
    const party = await partyOfLink(db, tokenOf(req), now());
    const c = (await findConsultation(db, party.consultationId)) as ConsultationRow;
    const file = c.draftAttachmentId ? await db('attachments').where({ id: c.draftAttachmentId }).first('storage_key', 'content_type', 'file_name') : undefined;
    if (!file?.storage_key || !file.content_type) throw new NotFoundError('Udkastet');
    await sendStoredFile(req, res, next, { dir: files.dir, key: file.storage_key, contentType: file.content_type, fileName: file.file_name ?? 'udkast', cacheControl: 'private, no-store' });
  };

  const open = { kind: 'public' } as const;
  return [
    { method: 'get', path: '/hoering/svar/:token', access: open, handlers: [form] },
    { method: 'post', path: '/hoering/svar/:token', access: open, handlers: [optionalUpload(files.maxBytes), answer] },
    { method: 'get', path: '/hoering/svar/:token/udkast', access: open, handlers: [draft] },
  ];
}
