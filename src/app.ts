import express, { type Express, type RequestHandler } from 'express';
import type { Config } from './config';
import type { Db } from './db/knex';
import { createPublication } from './modules/approval/publication';
import { primaryBodyName } from './modules/committees/repository';
import type { Mailer } from './modules/mail/mailer';
import type { MeetingPdfs } from './modules/pdf/service';
import { allRoutes } from './routes';
import { viewEngine, VIEWS_DIR } from './view/engine';
import { csrfToken } from './web/csrf';
import { currentUser } from './web/current-user';
import { errorHandler, notFoundHandler } from './web/errors';
import { noPageCache, type PageCache } from './web/page-cache';
import { refuseNulCharacters } from './web/nul-characters';
import { mountRoutes } from './web/route-table';
import { cspNonce, securityHeaders } from './web/security';
import { DKFDS_DIST, PUBLIC_DIR } from './web/static-assets';

export interface AppDeps {
  config: Pick<Config, 'env' | 'siteName' | 'accessibilityStatementUrl'> & Partial<Pick<Config, 'publicBaseUrl'>>;
  db: Db;
  /** Session middleware (src/web/session.ts); the caller owns and closes its pool. */
  session: RequestHandler;
  /** Uploaded files: stored under dir (DATA_DIR/files), at most maxBytes each */
  files: { dir: string; maxBytes: number };
  mailer: Mailer;
  /** The meeting PDFs (src/modules/pdf/service.ts); the caller owns and closes their browser. Without it the PDF routes answer 503. */
  pdf?: MeetingPdfs;
  /** Called after an agenda or minutes became public (src/modules/publishing/jobs.ts afterPublication) */
  onPublished?: (meetingId: number) => Promise<void>;
  /** The clock; tests fix it. */
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
  /** Public pages kept in memory while the data is unchanged; without it nothing is kept (tests that write to the database directly) */
  pageCache?: PageCache;
}


/** Builds the Express app without listening, so tests drive it with supertest against their own database. */
export function createApp(deps: AppDeps): Express {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(message, error));
  const cache = deps.pageCache ?? noPageCache();
  const app = express();
  const engine = viewEngine();
  app.engine('.hbs', engine.engine);
  app.set('view engine', '.hbs');
  app.set('views', VIEWS_DIR);
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  app.disable('x-powered-by');
  app.set('etag', 'strong');
  // Templates are read once, except in development, where an edited template shows on the next request.
  if (deps.config.env !== 'development') app.enable('view cache');

  app.use(cspNonce);
  app.use(cache.writes);
  app.use(securityHeaders());
  const staticOptions = { maxAge: deps.config.env === 'production' ? '7d' : 0, fallthrough: true, index: false as const };
  app.use('/assets/dkfds', express.static(DKFDS_DIST, staticOptions));
  app.use('/assets', express.static(PUBLIC_DIR, staticOptions));

  // The static-site publisher renders pages through this app; they then omit what needs a server (login).
  app.use((req, res, next) => {
    res.locals.staticSite = req.get('x-moedebog-static') === '1';
    next();
  });
  app.use(express.urlencoded({ extended: false, limit: '2mb', parameterLimit: 5000 }));
  app.use(refuseNulCharacters);
  app.use(deps.session);
  app.use(csrfToken);
  app.use(currentUser(deps.db));
  app.use((_req, res, next) => {
    cache
      .remember('primaryBodyName', () => primaryBodyName(deps.db))
      .then((authority) => {
        res.locals.site = { name: deps.config.siteName, accessibilityStatementUrl: deps.config.accessibilityStatementUrl, authority };
        next();
      })
      .catch(next);
  });

  const router = express.Router();
  mountRoutes(router, deps.db, allRoutes({ db: deps.db, now, files: deps.files, config: deps.config, mailer: deps.mailer, publication: createPublication(), pdf: deps.pdf, onPublished: deps.onPublished, cache }), cache);
  app.use(router);

  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app;
}
