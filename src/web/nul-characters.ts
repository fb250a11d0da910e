import type { Request, RequestHandler } from 'express';
import { AppError } from './errors';

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object') return Object.values(value).some(hasNul);
  return false;
}

/** The names of an upload's files (multer's req.file and req.files); no file system allows a NUL in one */
function fileNames(req: Request): string[] {
  const files = req.files ? (Array.isArray(req.files) ? req.files : Object.values(req.files).flat()) : [];
  return [req.file, ...files].flatMap((file) => (file ? [file.originalname] : []));
}

/**
 * PostgreSQL text cannot hold the NUL character (U+0000): a form field, query parameter or
 * path segment with one would fail in the database as a 500. No one types it, so it is refused
 * here, before any route reads the request, with a message instead.
 *
 * A multipart body (an upload form) is read later, by its route's upload handler after the
 * authorization and CSRF checks: each upload handler runs this again once it has read the body,
 * for its text fields and its files' names.
 */
export const refuseNulCharacters: RequestHandler = (req, _res, next) => {
  if (hasNul(req.body) || hasNul(req.query) || /%00/.test(req.path) || hasNul(fileNames(req))) {
    return next(new AppError(400, 'nul_character', 'Forespørgslen indeholder et tegn, der ikke kan gemmes (et nul-tegn). Gå tilbage, fjern tegnet, og prøv igen.'));
  }
  next();
};
