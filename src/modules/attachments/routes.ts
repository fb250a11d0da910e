import { pipeline } from 'node:stream';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import type { RouteDeps } from '../../routes';
import { ConflictError, RuleError } from '../../web/app-errors';
import { AppError, NotFoundError } from '../../web/errors';
import { flash, renderInvalid, type FieldError } from '../../web/forms';
import { refuseNulCharacters } from '../../web/nul-characters';
import type { RouteDef } from '../../web/route-table';
import { indexAttachmentText } from '../search/attachment-text';
import { contentDisposition } from './file-name';
import { openStoredFile } from './file-store';
import { presentAttachmentsPage, type EditState } from './presenter';
import { attachmentsOfItem, findAttachment, findAttachmentItem, type AttachmentRow } from './repository';
import { deleteSchema, editSchema, uploadSchema } from './schema';
import {
  addAttachment,
  deleteAttachment,
  FILE_RULES,
  messages,
  publicAttachmentFile,
  staffAttachmentFile,
  updateAttachment,
} from './service';
import { ALLOWED_EXTENSIONS } from './sniff';

const VIEW = 'pages/admin/attachments/list';
const ACCEPT = ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(',');

declare module 'express-serve-static-core' {
  interface Locals {
    /** Set by the upload parser when the file went over the size limit (multer stops reading it) */
    uploadTooLarge?: boolean;
  }
}

function idParam(raw: unknown): number {
  const id = Number(raw);
  if (typeof raw !== 'string' || !/^\d{1,10}$/.test(raw) || !Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) throw new NotFoundError();
  return id;
}

/** Only string fields count as the user's input; anything else is dropped from what is shown again. */
function textValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}

/** Which form field a rule's message belongs to. */
function fieldOfRule(code: string): string {
  if ((FILE_RULES as readonly string[]).includes(code)) return 'file';
  if (code === 'change_note_required') return 'changeNote';
  if (code.startsWith('sub_point')) return 'subPointId';
  return 'upload';
}

export function attachmentRoutes(deps: RouteDeps): RouteDef[] {
  const { db, now, files } = deps;

  const upload = multer({
    storage: multer.memoryStorage(),
    // One byte over the limit tells "too large" apart from "exactly the limit"; the handler refuses it.
    limits: { fileSize: files.maxBytes + 1, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 25 },
  });

  /** Parses the multipart body after authorization and the CSRF check. Input errors become 422/400, never 500. */
  const parseUpload: RequestHandler = (req, res, next) => {
    upload.single('file')(req, res, (error?: unknown) => {
      if (!error) return refuseNulCharacters(req, res, next);
      if (error instanceof multer.MulterError) {
        if (error.code === 'LIMIT_FILE_SIZE') {
          res.locals.uploadTooLarge = true;
          return refuseNulCharacters(req, res, next);
        }
        return next(new AppError(422, 'upload_form', 'Formularen kunne ikke læses. Vælg én fil og prøv igen.', { cause: error }));
      }
      next(new AppError(400, 'bad_request', 'Forespørgslen kunne ikke forstås.', { cause: error }));
    });
  };

  const actorOf = (res: Response) => {
    const user = res.locals.user;
    if (!user) throw new AppError(401, 'not_signed_in', 'Log ind for at fortsætte.');
    return { userId: user.id };
  };

  async function renderPage(res: Response, itemId: number, options: { status?: number; errors?: FieldError[]; values?: Record<string, unknown>; editing?: EditState } = {}) {
    const item = await findAttachmentItem(db, itemId);
    if (!item) throw new NotFoundError('Punktet');
    const rows = await attachmentsOfItem(db, itemId);
    const view = presentAttachmentsPage(item, rows, { maxBytes: files.maxBytes, accept: ACCEPT, editing: options.editing });
    const defaults = { public: true, recommended: false, title: '', subPointId: '', changeNote: '' };
    if (options.errors && options.errors.length > 0) {
      return renderInvalid(res, VIEW, { ...view }, options.errors, options.values ?? defaults, options.status ?? 422);
    }
    res.render(VIEW, { ...view, values: defaults, errors: {} });
  }

  const show = async (req: Request, res: Response) => {
    await renderPage(res, idParam(req.params.itemId));
  };

  const create = async (req: Request, res: Response) => {
    const itemId = idParam(req.params.itemId);
    const body = textValues(req.body);
    const values = { ...body, recommended: body.recommended === 'on', public: body.public === 'on' };
    const parsed = uploadSchema.safeParse(req.body ?? {});
    const errors: FieldError[] = [];
    if (res.locals.uploadTooLarge) errors.push({ field: 'file', message: messages.tooLarge(files.maxBytes) });
    else if (!req.file) errors.push({ field: 'file', message: messages.fileMissing });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === 'version' || issue.path[0] === undefined ? 'upload' : String(issue.path[0]);
        if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
      }
    }
    if (errors.length > 0 || !parsed.success || !req.file) return renderPage(res, itemId, { errors, values });
    const form = parsed.data;
    try {
      await addAttachment(db, files, {
        itemId,
        version: form.version,
        upload: { name: req.file.originalname, bytes: req.file.buffer },
        title: form.title,
        recommended: form.recommended,
        isPublic: form.public,
        subPointId: form.subPointId,
        changeNote: form.changeNote,
        actor: actorOf(res),
        now: now(),
      });
    } catch (error) {
      if (error instanceof ConflictError) {
        return renderPage(res, itemId, { status: 409, errors: [{ field: 'upload', message: `${error.userMessage} Vælg filen igen.` }], values });
      }
      if (error instanceof RuleError) return renderPage(res, itemId, { errors: [{ field: fieldOfRule(error.code), message: error.userMessage }], values });
      throw error;
    }
    await indexAttachmentText(db, req.file.buffer); // the file's text for the public search; never throws
    flash(res, 'success', 'Bilaget er tilføjet.');
    res.redirect(303, `/admin/punkter/${itemId}/bilag`);
  };

  /** Re-renders the list with one attachment's form showing the user's input and its errors. */
  async function renderEditErrors(res: Response, row: AttachmentRow, body: Record<string, string>, errors: FieldError[], status = 422) {
    const prefix = `a${row.id}`;
    const byField: Record<string, string> = {};
    for (const e of errors) byField[e.field] = e.message;
    const editing: EditState = {
      attachmentId: row.id,
      values: { title: body.title ?? '', recommended: body.recommended === 'on', isPublic: body.public === 'on', changeNote: body.changeNote ?? '' },
      errors: byField,
    };
    // The page holds one form per attachment: their fields' ids carry the attachment's id.
    const summary = errors.map((e) => ({ field: e.field === 'form' ? prefix : `${prefix}-${e.field}`, message: e.message }));
    await renderPage(res, row.itemId, { status, errors: summary, editing });
  }

  const edit = async (req: Request, res: Response) => {
    const attachmentId = idParam(req.params.attachmentId);
    const row = await findAttachment(db, attachmentId);
    if (!row) throw new NotFoundError('Bilaget');
    const body = textValues(req.body);
    const parsed = editSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      const errors: FieldError[] = [];
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === 'version' || issue.path[0] === 'action' ? 'form' : String(issue.path[0] ?? 'form');
        if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
      }
      return renderEditErrors(res, row, body, errors);
    }
    const form = parsed.data;
    try {
      await updateAttachment(db, {
        attachmentId,
        version: form.version,
        title: form.title,
        recommended: form.recommended,
        isPublic: form.public,
        move: form.action === 'save' ? null : form.action,
        changeNote: form.changeNote,
        actor: actorOf(res),
        now: now(),
      });
    } catch (error) {
      if (error instanceof ConflictError) return renderEditErrors(res, row, body, [{ field: 'form', message: error.userMessage }], 409);
      if (error instanceof RuleError) return renderEditErrors(res, row, body, [{ field: error.code === 'change_note_required' ? 'changeNote' : 'form', message: error.userMessage }]);
      throw error;
    }
    flash(res, 'success', form.action === 'save' ? 'Bilaget er gemt.' : 'Bilaget er flyttet.');
    res.redirect(303, `/admin/punkter/${row.itemId}/bilag#bilag-${row.id}`);
  };

  const remove = async (req: Request, res: Response) => {
    const attachmentId = idParam(req.params.attachmentId);
    const row = await findAttachment(db, attachmentId);
    if (!row) throw new NotFoundError('Bilaget');
    const body = textValues(req.body);
    const parsed = deleteSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path[0] === 'changeNote' ? 'changeNote' : 'form';
      return renderEditErrors(res, row, body, [{ field, message: issue?.message ?? 'Genindlæs siden og prøv igen' }]);
    }
    try {
      await deleteAttachment(db, files, { attachmentId, version: parsed.data.version, changeNote: parsed.data.changeNote, actor: actorOf(res), now: now() });
    } catch (error) {
      if (error instanceof ConflictError) return renderEditErrors(res, row, body, [{ field: 'form', message: error.userMessage }], 409);
      if (error instanceof RuleError) return renderEditErrors(res, row, body, [{ field: error.code === 'change_note_required' ? 'changeNote' : 'form', message: error.userMessage }]);
      throw error;
    }
    flash(res, 'success', `Bilaget "${row.title}" er slettet.`);
    res.redirect(303, `/admin/punkter/${row.itemId}/bilag`);
  };

  /** Streams a stored file with headers that keep browsers from guessing its type. */
  async function sendFile(req: Request, res: Response, next: NextFunction, row: AttachmentRow, cacheControl: string) {
    if (!row.storageKey || !row.contentType) throw new NotFoundError('Bilaget');
    const opened = await openStoredFile(files.dir, row.storageKey);
    // A record whose file is gone is a fault of ours, not a missing page.
    if (!opened) throw new Error(`attachment ${row.id}: stored file ${row.storageKey} is missing`);
    const { handle, size } = opened;
    res.set({
      'Content-Type': row.contentType,
      'Content-Length': String(size),
      'Content-Disposition': contentDisposition(row.fileName ?? 'bilag'),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': cacheControl,
      // The key is the SHA-256 of the content: a strong validator for free.
      ETag: `"${row.storageKey}"`,
    });
    if (cacheControl.startsWith('public') && req.fresh) {
      await handle.close();
      res.removeHeader('Content-Length');
      res.status(304).end();
      return;
    }
    if (req.method === 'HEAD') {
      await handle.close();
      res.end();
      return;
    }
    // pipeline closes the file when the client goes away halfway.
    pipeline(handle.createReadStream(), res, (error) => {
      if (error && !res.headersSent) next(error);
    });
  }

  const publicDownload = async (req: Request, res: Response, next: NextFunction) => {
    const row = await publicAttachmentFile(db, idParam(req.params.attachmentId));
    if (!row) throw new NotFoundError('Bilaget');
    await sendFile(req, res, next, row, 'public, max-age=300');
  };

  const staffDownload = async (req: Request, res: Response, next: NextFunction) => {
    const row = await staffAttachmentFile(db, idParam(req.params.attachmentId));
    if (!row) throw new NotFoundError('Bilaget');
    await sendFile(req, res, next, row, 'private, no-store');
  };

  const itemStaff = { kind: 'committee-staff', scope: 'item', param: 'itemId' } as const;
  const attachmentStaff = { kind: 'committee-staff', scope: 'attachment', param: 'attachmentId' } as const;
  return [
    { method: 'get', path: '/admin/punkter/:itemId/bilag', access: itemStaff, handlers: [show] },
    { method: 'post', path: '/admin/punkter/:itemId/bilag', access: itemStaff, handlers: [parseUpload, create] },
    { method: 'post', path: '/admin/bilag/:attachmentId', access: attachmentStaff, handlers: [edit] },
    { method: 'post', path: '/admin/bilag/:attachmentId/slet', access: attachmentStaff, handlers: [remove] },
    { method: 'get', path: '/admin/bilag/:attachmentId/fil', access: attachmentStaff, handlers: [staffDownload] },
    { method: 'get', path: '/bilag/:attachmentId/:fileName', access: { kind: 'public' }, handlers: [publicDownload] },
  ];
}
