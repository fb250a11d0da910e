import path from 'node:path';
import express, { type Express } from 'express';
import type { Config } from './config';
import type { Db } from './db/knex';
import { primaryBodyName } from './modules/committees/repository';
import { publicRoutes } from './modules/public/routes';
import { createViewEngine, VIEWS_DIR } from './view/engine';
import { errorHandler, notFoundHandler } from './web/errors';
import { cspNonce, securityHeaders } from './web/security';

export interface AppDeps {
  config: Pick<Config, 'env' | 'siteName' | 'accessibilityStatementUrl'>;
  db: Db;
  /** The clock; tests fix it. */
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}

// The package only exports its JS; its dist/ folder (css, js, fonts, icons) sits next to it.
const DKFDS_DIST = path.resolve(path.dirname(require.resolve('dkfds')), '..');

/** Builds the Express app without listening, so tests drive it with supertest against their own database. */
export function createApp(deps: AppDeps): Express {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(message, error));
  const app = express();
  const engine = createViewEngine();
  app.engine('.hbs', engine.engine);
  app.set('view engine', '.hbs');
  app.set('views', VIEWS_DIR);
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  if (deps.config.env === 'production') app.enable('view cache');

  app.use(cspNonce);
  app.use(securityHeaders());
  app.use((_req, res, next) => {
    primaryBodyName(deps.db)
      .then((authority) => {
        res.locals.site = { name: deps.config.siteName, accessibilityStatementUrl: deps.config.accessibilityStatementUrl, authority };
        next();
      })
      .catch(next);
  });

  const staticOptions = { maxAge: deps.config.env === 'production' ? '7d' : 0, fallthrough: true, index: false as const };
  app.use('/assets/dkfds', express.static(DKFDS_DIST, staticOptions));
  app.use('/assets', express.static(path.resolve(__dirname, '../public'), staticOptions));

  app.use(publicRoutes({ db: deps.db, now }));

  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app;
}
