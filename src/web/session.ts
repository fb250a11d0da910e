import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type { RequestHandler } from 'express';
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
  const handler = session({
    name: SESSION_COOKIE,
    store,
    secret: options.secret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: options.secure, maxAge: 8 * 60 * 60 * 1000, path: '/' },
  });
  return {
    handler,
    async close() {
      store.close();
      await pool.end();
    },
  };
}
