import { startServer, stopServer, type ServerProcess } from '../child-processes';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import express, { type RequestHandler } from 'express';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded-postgres';
import { createDb, migrateLatest, type Db } from '../db/knex';
import { createMailer } from '../modules/mail/mailer';
import { createMeetingPdfs } from '../modules/pdf/service';
import { createBrowserPool } from '../pdf/browser';
import { listenOnLoopback } from '../web/loopback';
import { createPageCache } from '../web/page-cache';
import { warmSearchIndex } from '../modules/search/warm';
import { measurePdfBatch, printRaw, recordingPool, type PrintedPage } from './pdf-batch';
import { loadInChildProcess } from './cannon';
import { median, percentile } from './stats';
import { forkForResult } from './child-ipc';
import { removeTree } from './disk';
import type { PublishChildInput, PublishChildResult } from './publish-child';
import { loadDemoData } from '../../seeds/demo/load';
import { FULL_SIZE, QUICK_SIZE, generateMunicipality, prng, type GeneratedData } from './generator';


export interface BenchRow {
  section: string;
  measure: string;
  value: string;
  target: string;
  ok: boolean | null;
}

export interface BenchResults {
  mode: 'full' | 'quick';
  startedAt: string;
  machine: { cpus: number; node: string; platform: string };
  data: { committees: number; meetings: number; items: number; generateSeconds: number; vacuumSeconds: number };
  rows: BenchRow[];
  raw: Record<string, unknown>;
  skipped: string[];
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
/** Searches made before the 200 measured, with other words (section 4). */
const SEARCH_WARMUP = 20;
/** Incremental publishes measured, each after one more meeting changed: the figure is their median. */
const INCREMENTAL_RUNS = 5;
/** Warm starts measured after the cold one: the figure is their median. */
const WARM_STARTS = 3;

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

/** Starts `src/server.ts` as `npm start` does and measures the time until its first answered request. */
async function timeStart(dataDir: string, servers: Set<ServerProcess>): Promise<number> {
  const started = performance.now();
  const server = await startServer({ DATA_DIR: dataDir }, { timeoutMs: 90_000 });
  servers.add(server);
  try {
    const response = await fetch(`http://127.0.0.1:${server.port}/`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`first request answered ${response.status}`);
    return performance.now() - started;
  } finally {
    await stopServer(server);
    servers.delete(server);
  }
}

/** Runs the whole benchmark; cleans up its temp dir, database, browser and child processes whatever happens. */
export async function runBench(options: { quick: boolean; out: string; say: (m: string) => void }): Promise<BenchResults> {
  const { say } = options;
  const size = options.quick ? QUICK_SIZE : FULL_SIZE;
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'moedebog-bench-'));
  // As root, PostgreSQL runs as its own user and must be able to enter the folder.
  await fs.chmod(tmp, 0o755);
  const cleanups: Array<() => Promise<unknown>> = [];
  const children = new Set<ServerProcess>();
  const rows: BenchRow[] = [];
  const raw: Record<string, unknown> = {};
  const skipped: string[] = [];
  const row = (section: string, measure: string, value: string, target: string, ok: boolean | null) => {
    rows.push({ section, measure, value, target, ok });
  };
  let pg: EmbeddedDatabase | undefined;
  try {
    say('Starter PostgreSQL …');
    pg = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg') });
    const db = createDb(pg.connectionString, { max: 10 });
    cleanups.push(() => db.destroy());
    await migrateLatest(db);

    say(`Genererer data (${size.committees} udvalg × ${size.meetingsPerYear} møder × ${size.years} år × ~${size.itemsPerMeeting} punkter) …`);
    const gen = await timed(() => generateMunicipality(db, size, undefined, { log: say }));
    const data: GeneratedData = gen.result;
    // A municipality's database after ten years has been vacuumed (autovacuum, which would otherwise start at a
    // random moment during the measures): hint bits set and pages marked all-visible, as in the steady state.
    // Then a checkpoint, so that writing back what generating and vacuuming changed does not fall into a measure.
    const vacuum = await timed(async () => {
      await db.raw('VACUUM (ANALYZE)');
      await db.raw('CHECKPOINT');
    });
    say(`  ${data.meetings.length} møder, ${data.items} punkter på ${(gen.ms / 1000).toFixed(1)} s (VACUUM ANALYZE ${(vacuum.ms / 1000).toFixed(1)} s)`);

    const dataDir = path.join(tmp, 'data');
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'bench-'.padEnd(40, 'x'), DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: pg.connectionString });
    const noSession: RequestHandler = (_req, _res, next) => next();
    // As the server runs it: public pages kept in memory until the database announces a change.
    const pageCache = createPageCache({ mode: { kind: 'live', connectionString: pg.connectionString }, now: () => new Date() });
    cleanups.push(() => pageCache.close());
    const app = createApp({
      pageCache,
      config,
      db,
      session: noSession,
      files: { dir: path.join(dataDir, 'files'), maxBytes: config.uploadMaxBytes },
      mailer: createMailer({ smtpUrl: undefined, from: config.mailFrom, baseUrl: config.baseUrl }),
      log: () => undefined,
    });
    const server = await listenOnLoopback(app);
    cleanups.push(() => server.close());
    // As the server does after its start (src/server.ts), here finished before the first measure.
    await warmSearchIndex(db);

    // 1. Meeting page under load, beside express.static serving the same bytes.
    const target = data.meetings.filter((m) => m.published).sort((a, b) => b.items - a.items)[Math.floor(data.meetings.length / 4)] ?? data.meetings[0];
    if (!target) throw new Error('no meetings generated');
    const pageUrl = `${server.url}/dagsorden/${target.slug}`;
    const pageResponse = await fetch(pageUrl);
    const pageHtml = await pageResponse.text();
    if (!pageResponse.ok) throw new Error(`meeting page answered ${pageResponse.status}`);
    const staticDir = path.join(tmp, 'static');
    await fs.mkdir(staticDir, { recursive: true });
    await fs.writeFile(path.join(staticDir, 'index.html'), pageHtml);
    const staticApp = express();
    staticApp.use(express.static(staticDir));
    const staticServer = await listenOnLoopback(staticApp);
    cleanups.push(() => staticServer.close());
    const duration = options.quick ? 2 : 10;
    say(`Belastning: ${target.slug} (${Math.round(Buffer.byteLength(pageHtml) / 1024)} KB), 50 forbindelser, ${duration} s hver …`);
    // autocannon runs in a child process, outside the event loop of the servers it measures (both in this
    // process), and warms each server up first with the same load, unmeasured; each run starts after a full
    // garbage collection and never spans the turn of a minute, when the page cache empties (src/bench/cannon.ts).
    const load = (url: string) => loadInChildProcess({ url, connections: 50, duration, warmup: 1 });
    const refRun = await load(`${staticServer.url}/index.html`);
    // How often the page was made rather than served from the page cache (once after each change or turn of the
    // minute; every time while the cache's change listener is not connected): a throughput far below the
    // reference's with many renders is the cache not working, not the page being slow.
    const rendered = pageCache.counts.rendered;
    const appRun = await load(pageUrl);
    const renders = pageCache.counts.rendered - rendered;
    raw.load = { page: target.slug, bytes: Buffer.byteLength(pageHtml), app: appRun, static: refRun, renders, cacheListening: pageCache.listening };
    const rpsRatio = appRun.rps / Math.max(1, refRun.rps);
    const p99Ratio = appRun.p99 / Math.max(1, refRun.p99);
    row('1 Mødeside', 'Mødebog req/s (p50 / p99)', `${appRun.rps.toFixed(0)} (${appRun.p50} / ${appRun.p99} ms)`, '', null);
    row('1 Mødeside', 'express.static req/s (p50 / p99)', `${refRun.rps.toFixed(0)} (${refRun.p50} / ${refRun.p99} ms)`, 'ref. ~1.450 req/s, p99 ~70 ms', null);
    row('1 Mødeside', 'times the page was made during the load, warm-up included (the rest from the page cache)', `${renders} (${appRun.total} answers measured)`, '', null);
    row('1 Mødeside', 'throughput ratio', rpsRatio.toFixed(2), '≥ 0,7', rpsRatio >= 0.7);
    row('1 Mødeside', 'p99 ratio', p99Ratio.toFixed(2), '≤ 1,5', p99Ratio <= 1.5);
    if (appRun.non2xx > 0 || appRun.errors > 0) row('1 Mødeside', 'errors / non-2xx', `${appRun.errors} / ${appRun.non2xx}`, '0', false);

    // 2. Static publish without PDFs, then incremental publishes each after one meeting changed, in a process of
    // their own as `npm run publish` runs: the peak memory is the publisher's own, and the servers measured next in
    // this process do not pay for its garbage. The whole site from a cold start, the incremental ones warm. An
    // incremental publish takes a second or two, and this machine's speed swings by half within a minute: the
    // figure is the median of INCREMENTAL_RUNS, each after another meeting (of another committee) changed.
    say('Statisk udgivelse (uden PDF) …');
    const siteDir = path.join(tmp, 'site');
    const unpublished = data.meetings.filter((m) => !m.published);
    const changing = Array.from({ length: INCREMENTAL_RUNS }, (_, i) => unpublished[i % Math.max(1, unpublished.length)] ?? target);
    const runs = await forkForResult<PublishChildInput, PublishChildResult>(
      'publish-child.ts',
      { databaseUrl: pg.connectionString, dataDir, out: siteDir, changes: changing.map((m, i) => ({ meetingId: m.id, itemNumber: 2, title: `Ændret titel til benchmark ${i + 1}` })) },
      { timeoutMs: 30 * 60_000 },
    );
    const fullRun = runs.full;
    const pub = fullRun.result;
    const pubSeconds = fullRun.ms / 1000;
    // The HTML pages alone: from the start until every page is written. The search index (Pagefind) is built
    // while the OParl API's JSON files are written; the publish without it is the whole less the wait for it.
    const htmlSeconds = pub.pagesMs / 1000;
    const withoutIndexSeconds = (fullRun.ms - pub.indexWaitMs) / 1000;
    raw.publish = { ...pub, seconds: pubSeconds, htmlSeconds, peakRssMb: fullRun.peakRssMb };
    row('2 Udgivelse', 'full publish wall time', `${pubSeconds.toFixed(1)} s (${pub.pages} HTML-sider, ${pub.files} filer, heraf ${pub.oparlFiles} OParl-JSON)`, '', null);
    row('2 Udgivelse', 'HTML pages/s (search index and OParl timed apart)', `${(pub.pages / htmlSeconds).toFixed(0)} (${htmlSeconds.toFixed(1)} s)`, '≥ 270 (Eleventy 271, Handlebars 338)', pub.pages / htmlSeconds >= 270);
    row('2 Udgivelse', 'OParl API as files (beside the search index)', `${(pub.oparlMs / 1000).toFixed(1)} s (${(pub.oparlFiles / (pub.oparlMs / 1000)).toFixed(0)} filer/s)`, '', null);
    row('2 Udgivelse', 'all files/s, without waiting for the search index', `${(pub.files / withoutIndexSeconds).toFixed(0)} (${withoutIndexSeconds.toFixed(1)} s)`, '', null);
    row('2 Udgivelse', 'search index (Pagefind), from the last page on', `${(pub.searchIndexMs / 1000).toFixed(1)} s (${(pub.indexWaitMs / 1000).toFixed(1)} s of it after the rest)`, '', null);
    const afterIncrementals = runs.incrementals.at(-1)?.peakRssMb ?? 0;
    row('2 Udgivelse', 'peak RSS of the publishing process (full / after the incrementals)', `${fullRun.peakRssMb.toFixed(0)} / ${afterIncrementals.toFixed(0)} MB`, '≤ 600 MB (Eleventy 1.060)', Math.max(fullRun.peakRssMb, afterIncrementals) <= 600);
    // Without the wait for the search index (none is built for them).
    const incrementals = runs.incrementals.map((run, i) => ({ ...run.result, ms: run.ms, htmlMs: run.ms - run.result.indexWaitMs, meeting: changing[i]?.slug }));
    const incrementalMs = incrementals.map((run) => run.htmlMs);
    const medianMs = median(incrementalMs);
    // The median run's counts beside its time.
    const typical = incrementals.find((run) => run.htmlMs === medianMs);
    raw.incremental = { medianMs, runs: incrementals };
    row(
      '2 Udgivelse',
      `incremental publish, one meeting changed (median of ${incrementals.length})`,
      `${ms(medianMs)} (${ms(Math.min(...incrementalMs))}–${ms(Math.max(...incrementalMs))}; ${typical?.written ?? 0} filer skrevet, ${typical?.reused ?? 0} overtaget uden gengivelse)`,
      '≤ 1 s',
      medianMs <= 1000,
    );
    row('2 Udgivelse', '  + search index of the new version', 'apart: Pagefind has no incremental mode (the full publish\'s figure above)', '', null);

    // 4. Search: 200 varied queries, common words included, after SEARCH_WARMUP others (as the load test warms
    // its server up first): the first searches after a start pay once for what stays (the text search dictionary
    // in each database connection, the index's pages in memory, compiled code). They are timed and shown apart.
    say(`Søgning: ${SEARCH_WARMUP} + 200 forespørgsler …`);
    const searchQueries = (seed: number, count: number) => {
      const rng = prng(seed);
      const common = ['kommune', 'udvalg', 'budget', 'borger', 'og', 'skole'];
      return Array.from({ length: count }, (_, i) => {
        const w = () => data.words[Math.floor(rng() * data.words.length)] ?? 'kommune';
        if (i % 5 === 0) return common[(i / 5) % common.length] ?? 'kommune';
        if (i % 5 === 1) return `${w()} ${w()}`;
        if (i % 5 === 2) return w().slice(0, 5);
        if (i % 5 === 3) return `"${w()} ${w()}"`;
        return w();
      });
    };
    let asked = 0;
    const search = async (q: string) => {
      // Each search under an address of its own (a number the search ignores), as a citizen's new search is:
      // its page is made from the database, never taken from the page cache, though common words recur.
      // What every page shares stays remembered as between any two requests (the form's committees and years).
      asked++;
      return timed(async () => {
        const r = await fetch(`${server.url}/soeg?q=${encodeURIComponent(q)}&maaling=${asked}`);
        await r.arrayBuffer();
        return r.status;
      });
    };
    const searchTimes: number[] = [];
    const warmupTimes: number[] = [];
    let searchErrors = 0;
    for (const q of searchQueries(4343, SEARCH_WARMUP)) {
      const t = await search(q);
      if (t.result !== 200) searchErrors++;
      warmupTimes.push(t.ms);
    }
    for (const q of searchQueries(4242, 200)) {
      const t = await search(q);
      if (t.result !== 200) searchErrors++;
      searchTimes.push(t.ms);
    }
    raw.search = { p50: median(searchTimes), p95: percentile(searchTimes, 95), max: Math.max(...searchTimes), errors: searchErrors, warmup: { count: SEARCH_WARMUP, p50: median(warmupTimes), max: Math.max(...warmupTimes) } };
    row('4 Søgning', `the first ${SEARCH_WARMUP} searches after the start (p50 / max)`, `${ms(median(warmupTimes))} / ${ms(Math.max(...warmupTimes))}`, '', null);
    row('4 Søgning', 'p50 / p95 over 200 queries, each a new search', `${ms(median(searchTimes))} / ${ms(percentile(searchTimes, 95))}`, 'p95 ≤ 30 ms (naiv ts_rank 655 ms)', percentile(searchTimes, 95) <= 30);
    if (searchErrors) row('4 Søgning', 'non-200 answers', String(searchErrors), '0', false);

    // 5. iCalendar.
    say('iCalendar …');
    const ics = async (p: string) => {
      const t = await timed(async () => {
        const r = await fetch(`${server.url}${p}`);
        return { status: r.status, bytes: (await r.arrayBuffer()).byteLength };
      });
      return { ...t.result, ms: t.ms };
    };
    const allFirst = await ics('/kalender.ics');
    const allSecond = await ics('/kalender.ics');
    const committeeSlug = data.committees[0]?.slug ?? '';
    const one = await ics(`/udvalg/${committeeSlug}/kalender.ics`);
    raw.ical = { all: allFirst, allAgain: allSecond, committee: one };
    row('5 iCalendar', `all ${data.meetings.length} meetings (1st / 2nd request)`, `${ms(allFirst.ms)} / ${ms(allSecond.ms)}`, '≤ 500 ms (ical-generator 2,7 s for 2.750)', allFirst.ms <= 500 && allFirst.status === 200);
    row('5 iCalendar', 'one committee', ms(one.ms), '', one.status === 200 ? null : false);

    await server.close();
    await staticServer.close();

    // 3. PDFs of the demo seed meeting, in a second database with the demo data.
    say('PDF: demodata i en anden database …');
    await db.raw('CREATE DATABASE bench_demo');
    const demoDb: Db = createDb(pg.connectionString.replace(/\/moedebog$/, '/bench_demo'), { max: 5 });
    cleanups.unshift(() => demoDb.destroy());
    await migrateLatest(demoDb);
    await loadDemoData(demoDb, { today: new Date('2026-11-26T12:00:00Z') });
    const seed = (await demoDb('meetings as m')
      .join('committees as c', 'c.id', 'm.committee_id')
      .where('c.slug', 'social-og-sundhedsudvalget')
      .whereRaw("(m.starts_at AT TIME ZONE 'Europe/Copenhagen')::date = '2021-04-06'")
      .first('m.slug')) as { slug: string } | undefined;
    if (!seed) throw new Error('the seed meeting was not found in the demo data');
    say(`PDF: referatet ${seed.slug}, koldt og varmt …`);
    const browser = createBrowserPool({ size: 2, executablePath: config.chromiumPath });
    cleanups.unshift(() => browser.close());
    const pdfs = createMeetingPdfs({ db: demoDb, filesDir: path.join(tmp, 'pdf-files'), browser, baseUrl: config.baseUrl, log: () => undefined });
    const renderOnce = async () => {
      await fs.rm(path.join(tmp, 'pdf-files', 'pdf-cache'), { recursive: true, force: true });
      const t = await timed(() => pdfs.get(seed.slug, 'referat'));
      if (!t.result || t.result.fromCache) throw new Error('the referat was not rendered');
      return { ms: t.ms, bytes: t.result.bytes.byteLength };
    };
    const cold = await renderOnce();
    // The final HTML Chromium printed, recorded in a separate, untimed render.
    const printed: PrintedPage[] = [];
    await createMeetingPdfs({ db: demoDb, filesDir: path.join(tmp, 'pdf-record'), browser: recordingPool(browser, printed), baseUrl: config.baseUrl, log: () => undefined }).get(seed.slug, 'referat');
    const last = printed.at(-1);
    if (!last) throw new Error('no PDF was printed');
    const rawTimes = { setContent: [] as number[], served: [] as number[] };
    for (const how of ['setContent', 'served'] as const) await printRaw(browser, [last], how);
    // Each round renders the app's PDF and then raw Chromium's, side by side: the machine's speed drifts over
    // seconds, and measuring one side after the other would put the drift into the ratio.
    const rounds = options.quick ? 3 : 5;
    const warm: number[] = [];
    for (let i = 0; i < rounds; i++) {
      warm.push((await renderOnce()).ms);
      for (const how of ['setContent', 'served'] as const) rawTimes[how].push((await printRaw(browser, [last], how)).seconds * 1000);
    }
    const pdfRatio = median(warm) / Math.max(1, median(rawTimes.served));
    raw.pdf = { meeting: seed.slug, coldMs: cold.ms, warmMs: warm, rawChromiumMs: rawTimes, bytes: cold.bytes };
    row('3 PDF', `referat ${seed.slug}: cold / warm (median of ${rounds})`, `${ms(cold.ms)} / ${ms(median(warm))}`, '', null);
    row('3 PDF', 'raw Chromium, same final HTML (setContent, no fonts / served with fonts)', `${ms(median(rawTimes.setContent))} / ${ms(median(rawTimes.served))}`, 'ref. ~220 ms', null);
    row('3 PDF', 'ratio app / raw (served: the same document; setContent)', `${pdfRatio.toFixed(2)}; ${(median(warm) / Math.max(1, median(rawTimes.setContent))).toFixed(2)}`, '≤ 1,2', pdfRatio <= 1.2);
    // The quick run prints fewer (it checks that everything runs, in under two minutes).
    const batchSize = options.quick ? 10 : 50;
    say(`PDF: ${batchSize} PDF'er gennem jobkøen …`);
    const batch = await measurePdfBatch({ db, connectionString: pg.connectionString, browser, baseUrl: config.baseUrl, dir: path.join(tmp, 'pdf-batch'), count: batchSize, log: say });
    raw.pdfBatch = batch;
    row('3 PDF', `batch: ${batch.pdfs} PDFs, ${batch.meetings} meetings, through the job queue`, `${batch.queue.pdfsPerSecond.toFixed(1)} PDFs/s (${batch.queue.seconds.toFixed(1)} s)`, '', null);
    row('3 PDF', 'raw Chromium, same HTML, 2 at once (served with fonts)', `${batch.raw.pdfsPerSecond.toFixed(1)} PDFs/s (${batch.raw.seconds.toFixed(1)} s)`, 'ref. 8,3 PDFs/s', null);
    row('3 PDF', 'batch ratio queue / raw', batch.ratio.toFixed(2), '≥ 0,8', batch.ratio >= 0.8);

    // 6. Start-up of `npm start`'s entry: cold on an empty DATA_DIR (demo data loaded), then warm on the same dir,
    // WARM_STARTS times: the figure is their median (one start varies by half a second with the machine's load).
    say('Opstart: kold og varm …');
    const startDir = path.join(tmp, 'start-data');
    const coldStart = await timeStart(startDir, children);
    const warmStarts: number[] = [];
    for (let i = 0; i < WARM_STARTS; i++) warmStarts.push(await timeStart(startDir, children));
    const warmStart = median(warmStarts);
    raw.startup = { coldMs: coldStart, warmMs: warmStart, warmRunsMs: warmStarts };
    row('6 Opstart', `warm start to first answer (median of ${WARM_STARTS}: ${warmStarts.map((t) => (t / 1000).toFixed(2)).join(', ')} s)`, ms(warmStart), '≤ 3 s', warmStart <= 3000);
    row('6 Opstart', 'cold first start (empty DATA_DIR)', ms(coldStart), '≤ 15 s', coldStart <= 15_000);

    const results: BenchResults = {
      mode: options.quick ? 'quick' : 'full',
      startedAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.release()}` },
      data: { committees: data.committees.length, meetings: data.meetings.length, items: data.items, generateSeconds: gen.ms / 1000, vacuumSeconds: vacuum.ms / 1000 },
      rows,
      raw,
      skipped,
    };
    await fs.mkdir(path.dirname(options.out), { recursive: true });
    await fs.writeFile(options.out, `${JSON.stringify(results, null, 2)}\n`);
    return results;
  } finally {
    say('Rydder op …');
    for (const server of children) server.child.kill('SIGKILL');
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    await pg?.stop().catch(() => undefined);
    say('  PostgreSQL er stoppet; de midlertidige filer slettes …');
    await removeTree(tmp).catch(() => undefined);
  }
}

/** The table printed at the end of a run. */
export function formatTable(results: BenchResults): string {
  const header = ['Section', 'Measure', 'Value', 'Target / reference', 'OK'];
  const lines = results.rows.map((r) => [r.section, r.measure, r.value, r.target, r.ok === null ? '' : r.ok ? 'ja' : 'NEJ']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const out = [
    `Mode: ${results.mode}; ${results.data.committees} committees, ${results.data.meetings} meetings, ${results.data.items} items (generated in ${results.data.generateSeconds.toFixed(1)} s, VACUUM ANALYZE ${results.data.vacuumSeconds.toFixed(1)} s); ${results.machine.cpus} CPUs, Node ${results.machine.node}`,
    fmt(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...lines.map(fmt),
  ];
  for (const s of results.skipped) out.push(`Not measured: ${s}`);
  return out.join('\n');
}
