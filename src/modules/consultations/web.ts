import { pipeline } from 'node:stream';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { AppError, NotFoundError } from '../../web/errors';
import { refuseNulCharacters } from '../../web/nul-characters';
import { contentDisposition } from '../attachments/file-name';
import { openStoredFile } from '../attachments/file-store';
import type { RouteDeps } from '../../routes';
import type { UploadedFile } from './service';
import { createSummaryPdfs, type SummaryPdfs } from './summary-pdf';

/** Request helpers shared by the consultation routes. */

export function idParam(raw: unknown, what = 'Siden'): number {
  const id = Number(raw);
  if (typeof raw !== 'string' || !/^\d{1,10}$/.test(raw) || !Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) throw new NotFoundError(what);
  return id;
}

export function actorOf(res: Response): { userId: number } {
  const user = res.locals.user;
  if (!user) throw new AppError(401, 'not_signed_in', 'Log ind for at fortsætte.');
  return { userId: user.id };
}

/** Only string fields count as the user's input when a form is shown again. */
export function textValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}

declare module 'express-serve-static-core' {
  interface Locals {
    /** Set when an uploaded response file went over the size limit */
    responseFileTooLarge?: boolean;
  }
}

/**
 * Parses an optional one-file multipart body (after authorization and the CSRF
 * check, which reads the token from the query string). An urlencoded form passes
 * through untouched. Malformed input is 422/400, never 500.
 */
export function optionalUpload(maxBytes: number): RequestHandler {
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes + 1, files: 1, fields: 20, fieldSize: 256 * 1024, parts: 25 } });
  return (req, res, next) => {
    upload.single('file')(req, res, (error?: unknown) => {
      if (!error) {
        if (req.file && req.file.size > maxBytes) res.locals.responseFileTooLarge = true;
        return refuseNulCharacters(req, res, next);
      }
      if (error instanceof multer.MulterError) {
        if (error.code === 'LIMIT_FILE_SIZE') {
          res.locals.responseFileTooLarge = true;
          return refuseNulCharacters(req, res, next);
        }
        return next(new AppError(422, 'upload_form', 'Formularen kunne ikke læses. Vælg højst én fil, og prøv igen.', { cause: error }));
      }
      next(new AppError(400, 'bad_request', 'Forespørgslen kunne ikke forstås.', { cause: error }));
    });
  };
}

export function uploadedFile(req: Request, res: Response): UploadedFile | null {
  if (res.locals.responseFileTooLarge || !req.file) return null;
  // An empty file field arrives as a part without a name and without bytes.
  if (req.file.size === 0 && req.file.originalname === '') return null;
  return { name: req.file.originalname, bytes: req.file.buffer };
}

/** Streams a stored file with headers that keep browsers from guessing its type. */
export async function sendStoredFile(
  req: Request,
  res: Response,
  next: NextFunction,
  file: { dir: string; key: string; contentType: string; fileName: string; cacheControl: string },
): Promise<void> {
  const opened = await openStoredFile(file.dir, file.key);
  if (!opened) throw new Error(`stored file ${file.key} is missing`);
  const { handle, size } = opened;
  res.set({
    'Content-Type': file.contentType,
    'Content-Length': String(size),
    'Content-Disposition': contentDisposition(file.fileName),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': file.cacheControl,
    ETag: `"${file.key}"`,
  });
  if (req.method === 'HEAD') {
    await handle.close();
    res.end();
    return;
  }
  pipeline(handle.createReadStream(), res, (error) => {
    if (error && !res.headersSent) next(error);
  });
}

/** The høringsnotat PDFs, rendered by the meeting PDFs' Chromium; null where the app has none (then no PDF is made). */
export function summaryPdfsOf(deps: Pick<RouteDeps, 'db' | 'now' | 'files' | 'mailer' | 'pdf'>): SummaryPdfs | null {
  const browser = deps.pdf?.browser;
  return browser ? createSummaryPdfs({ db: deps.db, browser, filesDir: deps.files.dir, baseUrl: deps.mailer.baseUrl, now: deps.now }) : null;
}
