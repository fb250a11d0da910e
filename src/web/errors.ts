import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isDatabaseUnavailable } from '../db/unavailable';

/** Errors with an HTTP status, a stable code and a Danish message for the user. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${userMessage}`, options);
  }
}

export class NotFoundError extends AppError {
  constructor(what = 'Siden') {
    super(404, 'not_found', `${what} findes ikke.`);
  }
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(new NotFoundError());

export function errorHandler(log: (message: string, error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    // Malformed URLs (bad percent-encoding) and bodies are the client's fault, not ours.
    const clientError =
      error instanceof URIError || (typeof error === 'object' && error !== null && 'status' in error && Number((error as { status: unknown }).status) < 500);
    // The database stopped or restarts: say so and answer at once; the pools reconnect when it is back.
    const unavailable = !(error instanceof AppError) && !clientError && isDatabaseUnavailable(error);
    const appError =
      error instanceof AppError
        ? error
        : clientError
          ? new AppError(400, 'bad_request', 'Forespørgslen kunne ikke forstås.', { cause: error })
          : unavailable
            ? new AppError(503, 'unavailable', 'Siden kan ikke vises lige nu, fordi databasen ikke svarer. Prøv igen om et par minutter.', { cause: error })
            : new AppError(500, 'internal', 'Der opstod en fejl hos os. Prøv igen om lidt.', { cause: error });
    if (unavailable) log(`${req.method} ${req.originalUrl}: database unavailable`, (error as Error).message);
    else if (appError.status >= 500) log(`${req.method} ${req.originalUrl} failed`, error);
    if (res.headersSent) return;
    res.status(appError.status);
    if (appError.status === 503) res.set('Retry-After', '30');
    const title =
      appError.status === 404 ? 'Siden findes ikke' : appError.status === 503 ? 'Siden er midlertidigt utilgængelig' : appError.status >= 500 ? 'Der opstod en fejl' : 'Forespørgslen kunne ikke gennemføres';
    if (req.accepts(['html', 'json']) === 'json') {
      res.json({ error: { code: appError.code, message: appError.userMessage } });
      return;
    }
    res.render('pages/errors/error', { pageTitle: title, title, message: appError.userMessage, code: appError.code, status: appError.status });
  };
}
