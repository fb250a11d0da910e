import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type { Request, RequestHandler, Response } from 'express';
import pg from 'pg';

declare module 'express-session' {
  interface SessionData {
    userId: number;
    csrfToken: string;
    flash: { type: 'success' | 'info' | 'warning'; text: string };
  }
}

export const SESSION_COOKIE = 'moedebog.sid';

export interface SessionOptions {
  connectionString: string;
  secret: string;
  secure: boolean;
  /** Where a lost database connection of the store's pool is reported (default: console.error) */
  log?: (message: string) => void;
}

export interface SessionMiddleware {
  handler: RequestHandler;
  close(): Promise<void>;
}

/**
 * Sessions in PostgreSQL (connect-pg-simple). No cookie is set until something is
 * stored (a login, or the CSRF token of a form), so citizens reading pages get none.
 */
export function createSessionMiddleware(options: SessionOptions): SessionMiddleware {
  const PgStore = connectPgSimple(session);
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 4 });
  // An idle connection cut by the database (a restart) is an 'error' event: unheard, it would end the process.
  // The pool drops that connection and opens a new one when the database is back.
  pool.on('error', (error) => (options.log ?? console.error)(`Session store: database connection lost (${error.message})`));
  const store = new PgStore({ pool, tableName: 'session', createTableIfMissing: false, pruneSessionInterval: 15 * 60 });
  const sessions = session({
    name: SESSION_COOKIE,
    store,
    secret: options.secret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: options.secure, maxAge: 8 * 60 * 60 * 1000, path: '/' },
  });
  const handler: RequestHandler = (req, res, next) =>
    sessions(req, res, (error?: unknown) => {
      if (error) return next(error);
      saveBeforeRedirect(req, res, next);
      next();
    });
  return {
    handler,
    async close() {
      store.close();
      await pool.end();
    },
  };
}

/**
 * express-session stores a changed session while it sends the response: the headers go first and the
 * store's write after. A browser follows a redirect as soon as its headers arrive, so the page it leads to
 * could be asked for before the session is stored, and find the one before: a login that lands on the login
 * page again, a lost message. A redirect of a session that holds anything is sent once the session is stored.
 * (A session of nothing, a citizen's, is not stored at all.)
 */
function saveBeforeRedirect(req: Request, res: Response, next: (error?: unknown) => void): void {
  const redirect = res.redirect.bind(res) as (...args: unknown[]) => void;
  res.redirect = ((...args: unknown[]) => {
    const stored = req.session;
    if (!stored || Object.keys(stored).every((key) => key === 'cookie')) return redirect(...args);
    stored.save((error) => (error ? next(error) : redirect(...args)));
  }) as Response['redirect'];
}
