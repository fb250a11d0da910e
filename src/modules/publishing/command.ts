import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import type { RequestHandler } from 'express';
import { createApp } from '../../app';
import { loadConfig, type Config } from '../../config';
import { openDatabase } from '../../db/database';
import { collectGarbageNow } from '../../lib/collect-garbage';
import type { Db } from '../../db/knex';
import { createBrowserPool, type BrowserPool } from '../../pdf/browser';
import { createPageCache } from '../../web/page-cache';
import { DKFDS_DIST, PUBLIC_DIR } from '../../web/static-assets';
import { createMailer } from '../mail/mailer';
import { oparlUrls } from '../oparl/urls';
import { oparlDate } from '../oparl/values';
import { createMeetingPdfs, type MeetingPdfs } from '../pdf/service';
import { buildSearchIndex } from './search-index';
import { oldVersionsRemoved, publishSite, type PublishResult } from './static-site';
import { describeWriteError } from './write-errors';


/**
 * For a process that publishes: V8 lets a heap grow up to fourfold over what survives a full
 * collection when collecting is cheap, and a publish allocates fast (every page rendered, hashed
 * and written). Growth by half at most keeps a large municipality's publish at about half the
 * memory (2,750 meetings: about 560 MB instead of 1,070 MB at its peak) at the same speed,
 * with no fixed ceiling that a larger one could run into.
 */
export function boundHeapGrowth(): void {
  v8.setFlagsFromString('--heap-growing-percent=50');
}

/** Renders pages without sessions: the static site is what an anonymous citizen sees. */
const noSession: RequestHandler = (_req, _res, next) => next();

export interface PublishInput {
  db: Db;
  config: Config;
  out: string;
  full: boolean;
  log: (m: string) => void;
  crashAfterFiles?: number;
  withoutPdfs?: boolean;
  /** The PDF renderer to use; without one the publisher starts (and stops) its own browser */
  pdf?: MeetingPdfs;
  /** Builds the search index over the new version (Pagefind unless given: the benchmark replaces it in one step) */
  indexSearch?: (siteDir: string) => Promise<void>;
}

/** Publishes the public site of the given database to `out`, with the app's own code and templates. */
export async function publishFromDatabase(input: PublishInput): Promise<PublishResult> {
  const filesDir = path.join(input.config.dataDir, 'files');
  const browser = input.pdf ? null : createBrowserPool({ size: 2, executablePath: input.config.chromiumPath });
  const pdf = input.pdf ?? createMeetingPdfs({ db: input.db, filesDir, browser: browser as BrowserPool, baseUrl: input.config.baseUrl });
  // One publisher at a time per database: a second one waits for the first.
  const lock = await input.db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(770077)');
    return publishWith({ ...input, pdf, filesDir });
  }).finally(() => browser?.close());
  // What a publish that wrote most of the site left behind is collected before the process's next work.
  if (lock.written > lock.reused) collectGarbageNow();
  return lock;
}

async function publishWith(input: PublishInput & { pdf: MeetingPdfs; filesDir: string }): Promise<PublishResult> {
  // Within one publish the data is taken as it was read: a meeting's view, made for its page, serves its items' pages.
  // The publisher renders a meeting's pages one after another, so a few views are enough (each holds a whole meeting).
  const cache = createPageCache({ mode: { kind: 'run' }, now: () => new Date(), maxValues: 16 });
  const app = createApp({
    pageCache: cache,
    config: input.config,
    db: input.db,
    session: noSession,
    files: { dir: input.filesDir, maxBytes: input.config.uploadMaxBytes },
    mailer: createMailer({ smtpUrl: undefined, from: input.config.mailFrom, baseUrl: input.config.baseUrl }),
    pdf: input.pdf,
    log: (message, error) => input.log(`${message} ${String(error)}`),
  });
  return publishSite({
    db: input.db,
    app,
    out: input.out,
    full: input.full,
    baseUrl: input.config.baseUrl,
    assets: [
      { prefix: 'assets/dkfds', dir: DKFDS_DIST, include: (f) => /^(css|js|fonts|img)\//.test(f) && !f.endsWith('.map') },
      { prefix: 'assets', dir: PUBLIC_DIR },
    ],
    indexSearch: input.indexSearch ?? buildSearchIndex,
    log: input.log,
    crashAfterFiles: input.crashAfterFiles,
    withoutPdfs: input.withoutPdfs,
    // The app renders with the PDF service, so the meeting PDFs are OParl Files too.
    oparl: {
      db: input.db,
      urls: oparlUrls(input.config.publicBaseUrl ?? new URL(input.config.baseUrl).origin),
      withPdfs: true,
      today: oparlDate(new Date()),
      systemName: input.config.siteName ?? 'Mødebog',
    },
  });
}

const USAGE = 'Brug: npm run publish -- --out <mappe> [--full] [--uden-pdf]';

/** `npm run publish -- --out <dir> [--full]`: the same database as the server (DATABASE_URL, or the embedded one under DATA_DIR, running or not). */
export async function runPublish(argv: string[], env: NodeJS.ProcessEnv, say: (m: string) => void): Promise<number> {
  let args: { out?: string; full?: boolean; 'uden-pdf'?: boolean };
  try {
    args = parseArgs({ args: argv, options: { out: { type: 'string' }, full: { type: 'boolean' }, 'uden-pdf': { type: 'boolean' } }, strict: true }).values;
  } catch (error) {
    say(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const out = args.out ?? env.STATIC_OUT_DIR;
  if (!out) {
    say(`Angiv mappen, sitet skal skrives til.\n${USAGE}`);
    return 2;
  }
  boundHeapGrowth();
  const config = loadConfig(env);
  const database = await openDatabase(config, (m) => config.logLevel === 'debug' && say(m));
  try {
    const started = Date.now();
    const crash = env.MOEDEBOG_TEST_CRASH_AFTER_FILES ? Number(env.MOEDEBOG_TEST_CRASH_AFTER_FILES) : undefined;
    const servedBefore = await fs.readlink(out).catch(() => null);
    let result: PublishResult;
    try {
      result = await publishFromDatabase({ db: database.db, config, out, full: Boolean(args.full), withoutPdfs: Boolean(args['uden-pdf']), log: say, crashAfterFiles: crash });
    } catch (error) {
      // A full disk, a size limit, a read-only folder: say what went wrong, and that the served site is the previous one.
      const why = describeWriteError(error);
      if (!why) throw error;
      const unchanged = (await fs.readlink(out).catch(() => null)) === servedBefore;
      say(`Udgivelsen mislykkedes. ${why}.${unchanged ? (servedBefore ? ` Det offentlige site i ${out} er uændret: den forrige version vises fortsat.` : ' Intet site er udgivet.') : ''}`);
      return 1;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    // The versions no longer kept are deleted in the background; they are gone before the command ends.
    await oldVersionsRemoved();
    if (!result.changed) say(`Ingen ændringer: ${out} er uændret (${result.pages} sider, ${result.files} filer kontrolleret på ${seconds} s).`);
    else say(`Sitet er udgivet til ${out}: ${result.pages} sider, ${result.files} filer, heraf ${result.written} skrevet på ${seconds} s (version ${result.version}; ${result.reused} uændrede sider og filer overtaget uden gengivelse).`);
    return 0;
  } finally {
    await database.close();
  }
}
