import fs from 'node:fs/promises';
import path from 'node:path';
import express from 'express';
import type { PDFOptions, Page } from 'puppeteer';
import type { Db } from '../db/knex';
import { inParallel } from '../lib/parallel';
import { createJobs } from '../jobs/queue';
import { PDF_JOB_CONCURRENCY, registerPdfJobs } from '../modules/pdf/jobs';
import { createMeetingPdfs, type MeetingPdfs, type PdfVariant } from '../modules/pdf/service';
import type { BrowserPool } from '../pdf/browser';
import { listenOnLoopback } from '../web/loopback';
import { ASSET_MOUNTS } from '../web/static-assets';

/** What Chromium was asked to print: the final HTML (table of contents filled in), its address and the print options. */
export interface PrintedPage {
  url: string;
  html: string;
  options: PDFOptions | undefined;
}

/**
 * A pool whose pages record the document's final HTML at page.pdf(), so raw Chromium
 * can print exactly the same: one entry per page used, its last print (a document
 * printed again with corrected page numbers counts once, as it does in the batch).
 */
export function recordingPool(inner: BrowserPool, printed: PrintedPage[]): BrowserPool {
  return {
    withPage: (work) =>
      inner.withPage(async (page) => {
        let last: PrintedPage | undefined;
        const proxy = new Proxy(page, {
          get(target, prop, receiver) {
            if (prop === 'pdf') {
              return async (options?: PDFOptions) => {
                last = { url: target.url(), html: await target.content(), options };
                return target.pdf(options);
              };
            }
            const value = Reflect.get(target, prop, receiver) as unknown;
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          },
        }) as Page;
        const result = await work(proxy);
        if (last) printed.push(last);
        return result;
      }),
    close: () => inner.close(),
    isRunning: () => inner.isRunning(),
  };
}

export interface Throughput {
  seconds: number;
  pdfsPerSecond: number;
  /** CPU seconds this Node process spent meanwhile (the rest of the machine's work is Chromium's and PostgreSQL's) */
  nodeCpuSeconds: number;
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

/**
 * A plain static web server (express.static, no application code) serving each
 * printed page's final HTML at its own address and the assets (fonts) from their
 * folders, so raw Chromium can print the same documents with the same fonts.
 */
async function serveStatic(pages: readonly PrintedPage[]): Promise<{ urls: string[]; close: () => Promise<void> }> {
  const app = express();
  app.get('/raw/:index', (req, res) => {
    const page = pages[Number(req.params.index)];
    if (page) res.type('html').send(page.html);
    else res.sendStatus(404);
  });
  for (const mount of ASSET_MOUNTS) app.use(mount.prefix, express.static(mount.dir));
  // Closed with the connections Chromium keeps open (or opened ahead): waiting for them to end could take minutes.
  const server = await listenOnLoopback(app);
  return { urls: pages.map((_, i) => `${server.url}/raw/${i}`), close: server.close };
}

/**
 * Raw Chromium printing the pages, as many at once as the pool has pages, each on a
 * fresh page: `setContent` (the HTML alone; /assets/ URLs do not resolve on
 * about:blank, so fallback fonts) or `served` (loaded from a static server, fonts
 * included: the same document the application prints).
 */
export async function printRaw(pool: BrowserPool, pages: readonly PrintedPage[], how: 'setContent' | 'served'): Promise<Throughput> {
  const server = how === 'served' ? await serveStatic(pages) : undefined;
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    await Promise.all(
      pages.map((printed, i) =>
        pool.withPage(async (page) => {
          await page.emulateMediaType('print');
          if (server) await page.goto(server.urls[i] as string, { waitUntil: 'load' });
          else await page.setContent(printed.html, { waitUntil: 'load' });
          return page.pdf(printed.options);
        }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    return { seconds, pdfsPerSecond: pages.length / seconds, nodeCpuSeconds: cpuSeconds(cpu) };
  } finally {
    await server?.close();
  }
}

export interface PdfBatchOptions {
  /** A database with published meetings (the bench's generated municipality) */
  db: Db;
  /** The same database, for the job queue (pg-boss, in a schema of its own) */
  connectionString: string;
  /** The browser pool, sized as the server's (2 pages) */
  browser: BrowserPool;
  baseUrl: string;
  /** A scratch folder: the PDF caches of the runs (each starts empty) */
  dir: string;
  /** How many PDFs Chromium prints in the batch (default 50): the largest meetings are taken until they add up */
  count?: number;
  /** Jobs at once, as the server registers them (default: src/modules/pdf/jobs.ts) */
  concurrency?: number;
  /** Give up after this long (default 5 minutes) */
  timeoutMs?: number;
  log?: (message: string) => void;
}

export interface PdfBatchResult {
  meetings: number;
  /** Documents Chromium printed through the queue (dagsordener and referater) */
  pdfs: number;
  /** Samlede dokumenter the jobs made besides (no printing; their time counts against the queue) */
  combined: number;
  /** From the first job sent to the last one finished */
  queue: Throughput;
  /** The same final HTML printed by raw Chromium with the pool's parallelism, served with its fonts */
  raw: Throughput;
  /** queue PDFs/s ÷ raw PDFs/s */
  ratio: number;
}

const PRINTED: readonly PdfVariant[] = ['dagsorden', 'referat'];

/**
 * A batch of PDFs through the job queue, beside raw Chromium printing the same
 * final HTML with the same parallelism.
 *
 * 1. The largest public meetings are chosen until their dagsordener and referater
 *    add up to `count` PDFs.
 * 2. Untimed: each meeting is rendered once through a recording pool (as many at
 *    once as the queue runs them), which keeps
 *    the final HTML of every page printed (and warms Chromium). Reading the HTML out
 *    of Chromium takes tens of milliseconds a document: not in the queue's time.
 * 3. Timed: a job per meeting is sent through the real queue (pg-boss, the PDF
 *    worker registered as the server registers it), with an empty PDF cache and no
 *    page maps, until the last job is done.
 * 4. Timed: raw Chromium prints the recorded pages, loaded from a static server
 *    with their fonts, as many at once as the pool prints.
 */
export async function measurePdfBatch(options: PdfBatchOptions): Promise<PdfBatchResult> {
  const count = options.count ?? 50;
  const log = options.log ?? (() => undefined);
  const candidates = (await options.db('meetings as m')
    .join('committees as c', 'c.id', 'm.committee_id')
    .leftJoin('agenda_items as i', 'i.meeting_id', 'm.id')
    .whereNot('c.kind', 'external_party')
    .whereIn('m.status', ['agenda_published', 'held', 'minutes_draft', 'minutes_in_approval', 'minutes_approved', 'minutes_published'])
    .groupBy('m.id', 'm.status')
    .orderByRaw('count(i.id) desc, m.id')
    .select('m.id', 'm.status')
    .limit(count)) as Array<{ id: number; status: string }>;
  const chosen: number[] = [];
  let expected = 0;
  for (const m of candidates) {
    if (expected >= count) break;
    chosen.push(m.id);
    expected += m.status === 'minutes_published' ? 2 : 1;
  }
  if (chosen.length === 0) throw new Error('no public meetings to render');

  // 2. The final HTML of every page, recorded in an untimed run, as many meetings at once as the queue runs.
  const printed: PrintedPage[] = [];
  const recorder = createMeetingPdfs({ db: options.db, filesDir: path.join(options.dir, 'record'), browser: recordingPool(options.browser, printed), baseUrl: options.baseUrl, log: () => undefined });
  await inParallel(chosen, options.concurrency ?? PDF_JOB_CONCURRENCY, async (id) => {
    await recorder.renderMeeting(id);
  });
  log(`  ${chosen.length} møder, ${printed.length} sider optaget`);

  // 3. The same meetings through the job queue: a fresh cache, no page maps.
  const jobs = createJobs({ connectionString: options.connectionString, schema: 'pgboss_bench', log: (message, error) => log(`${message} ${String(error ?? '')}`) });
  const pdfs = createMeetingPdfs({ db: options.db, filesDir: path.join(options.dir, 'queue'), browser: options.browser, baseUrl: options.baseUrl, jobs, pageMaps: 0, log: () => undefined });
  let made = 0;
  let combined = 0;
  let done = 0;
  let settle: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const observed: MeetingPdfs = {
    ...pdfs,
    async renderMeeting(meetingId) {
      try {
        const variants = await pdfs.renderMeeting(meetingId);
        made += variants.filter((v) => PRINTED.includes(v)).length;
        combined += variants.filter((v) => v === 'samlet').length;
        if (++done === chosen.length) settle?.resolve();
        return variants;
      } catch (error) {
        settle?.reject(error);
        throw error;
      }
    },
  };
  await registerPdfJobs(jobs, observed, options.concurrency === undefined ? {} : { concurrency: options.concurrency });
  let queue: Throughput;
  try {
    await jobs.start();
    log('  jobkøen er startet');
    const timeout = options.timeoutMs ?? 5 * 60_000;
    let timer: NodeJS.Timeout | undefined;
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (const id of chosen) await pdfs.schedule(id);
    await Promise.race([
      finished,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`the PDF batch did not finish in ${timeout / 1000} s (${done} of ${chosen.length})`)), timeout))),
    ]).finally(() => clearTimeout(timer));
    const seconds = (performance.now() - started) / 1000;
    queue = { seconds, pdfsPerSecond: made / seconds, nodeCpuSeconds: cpuSeconds(cpu) };
  } finally {
    await jobs.stop();
  }
  log(`  køen: ${made} PDF'er (+ ${combined} samlede) på ${queue.seconds.toFixed(1)} s`);

  // 4. Raw Chromium, the same pages, the same parallelism.
  const raw = await printRaw(options.browser, printed, 'served');
  log(`  rå Chromium: de samme ${printed.length} sider på ${raw.seconds.toFixed(1)} s`);
  await fs.rm(options.dir, { recursive: true, force: true });
  return { meetings: chosen.length, pdfs: made, combined, queue, raw, ratio: queue.pdfsPerSecond / raw.pdfsPerSecond };
}
