import crypto from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { AppError } from './errors';

/** Makes (once per session) and exposes the session's CSRF token; templates put it in every form as _csrf. */
export function issueCsrfToken(req: Request, res: Response): string {
  req.session.csrfToken ??= crypto.randomBytes(32).toString('base64url');
  res.locals.csrfToken = req.session.csrfToken;
  return req.session.csrfToken;
}

/** A page with a form carries the session's token: it must never be stored by a cache. */
export function issueFormToken(req: Request, res: Response): string {
  res.set('Cache-Control', 'private, no-store');
  return issueCsrfToken(req, res);
}

/**
 * Signed-in users get the token on every page (the header holds the logout form).
 * Anonymous visitors get one only from pages with a form (the login page), so
 * citizens reading public pages never receive a session cookie.
 */
export const csrfToken: RequestHandler = (req, res, next) => {
  if (req.session?.userId || req.session?.csrfToken) issueCsrfToken(req, res);
  next();
};

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Every request that changes something must carry the session's token: the _csrf
 * field of the form (multipart forms carry it in the query string, since the body
 * is parsed later by the upload handler) or the X-CSRF-Token header.
 */
export const verifyCsrf: RequestHandler = (req, _res, next) => {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
  const body = req.body as Record<string, unknown> | undefined;
  const multipart = req.is('multipart/form-data');
  const sent = (typeof body?._csrf === 'string' && body._csrf) || req.get('x-csrf-token') || (multipart && typeof req.query._csrf === 'string' ? req.query._csrf : '');
  const expected = req.session?.csrfToken;
  if (!sent || !expected || !same(sent, expected)) {
    return next(new AppError(403, 'csrf', 'Formularen er udløbet eller kom ikke fra denne side. Gå tilbage, genindlæs siden og prøv igen.'));
  }
  next();
};
