import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runScript, startServer, stopServer, type ServerProcess } from '../child-processes';
import autocannon from 'autocannon';
import { removeTree } from './disk';
import { percentile } from './stats';
import { formFields, login, type WebClient } from './web-client';


export interface LoadOptions {
  /** Seconds of load */
  duration: number;
  /** Concurrent public clients */
  connections: number;
  /** Seconds before a public request counts as timed out */
  timeout: number;
  /** Keep the temp folder (data dir, static site) for inspection */
  keep: boolean;
  say: (message: string) => void;
}

export interface LoadReport {
  public: {
    requests: number;
    perSecond: number;
    p50: number;
    p99: number;
    max: number;
    statusCounts: Record<string, number>;
    /** Answers other than 2xx/3xx */
    badStatus: number;
    errors: number;
    timeouts: number;
    urls: number;
    /** The addresses with the slowest single answers */
    slowest: Array<{ path: string; count: number; p50: number; max: number }>;
  };
  secretary: { edits: number; failures: string[]; p50: number; p99: number };
  /** Who published the static site beside the load, and how it ended */
  publish: { by: string; ok: boolean; detail: string };
  ok: boolean;
}

/** The part of autocannon's options and result this run uses (the package ships no types). */
interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: Array<{
    method: 'GET';
    path: string;
    setupRequest: (request: { path: string }, context: Record<string, number>) => { path: string };
    onResponse: (status: number, body: string, context: Record<string, number>) => void;
  }>;
}
interface CannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
}
const cannon = autocannon as unknown as (options: CannonOptions) => Promise<CannonResult>;


const hrefs = (html: string, pattern: RegExp): string[] => [...new Set([...html.matchAll(pattern)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&')))];

/** The public URLs the clients cycle through, found by following the site's own links from the front page. */
async function publicUrls(origin: string): Promise<string[]> {
  const text = async (p: string) => {
    const res = await fetch(`${origin}${p}`);
    if (res.status !== 200) throw new Error(`${p} answered ${res.status} before the load`);
    return res.text();
  };
  const committees = hrefs(await text('/udvalg'), /href="(\/udvalg\/[a-z0-9-]+)"/g).slice(0, 6);
  const meetings = new Set<string>();
  for (const c of committees) for (const m of hrefs(await text(c), /href="(\/dagsorden\/[a-z0-9-]+)"/g).slice(0, 3)) meetings.add(m);
  const items: string[] = [];
  for (const m of [...meetings].slice(0, 6)) items.push(...hrefs(await text(m), /href="(\/dagsorden\/[a-z0-9-]+\/punkt-\d+)\/?"/g).slice(0, 3));
  const searches = ['sundhed', 'budget', 'høring', 'ældre', 'plejecenter'].map((q) => `/soeg?q=${encodeURIComponent(q)}`);
  const feeds = ['/feeds/rss.xml', '/feeds/atom.xml', '/kalender.ics', ...committees.slice(0, 2).map((c) => `${c}/kalender.ics`)];
  return ['/', '/udvalg', ...committees, ...meetings, ...items, ...searches, ...feeds];
}

/** PDFs of meetings nobody edits during the run, rendered once before it (then served from the cache). */
async function warmPdfs(origin: string, meetings: string[]): Promise<string[]> {
  const pdfs: string[] = [];
  for (const m of meetings) {
    for (const name of ['referat.pdf', 'dagsorden.pdf']) {
      const res = await fetch(`${origin}${m}/${name}`, { signal: AbortSignal.timeout(180_000) });
      await res.arrayBuffer();
      if (res.status === 200) {
        pdfs.push(`${m}/${name}`);
        break;
      }
    }
  }
  return pdfs;
}

interface EditTarget {
  itemId: number;
  /** A published agenda: each change needs a change note, shown publicly */
  published: boolean;
}

/** The secretary plans a meeting with one item (a draft agenda), and finds an open item on the published upcoming agenda. */
async function prepareEdits(secretary: WebClient, say: (m: string) => void): Promise<EditTarget[]> {
  const dashboard = await secretary.get('/admin');
  const planLink = /href="\/admin\/udvalg\/(\d+)\/moeder\/nyt"/.exec(dashboard.text);
  if (!planLink) throw new Error('no committee to plan a meeting in');
  const day = new Date(Date.now() + 75 * 24 * 3600 * 1000);
  const date = `${String(day.getUTCDate()).padStart(2, '0')}-${String(day.getUTCMonth() + 1).padStart(2, '0')}-${day.getUTCFullYear()}`;
  await secretary.get(`/admin/udvalg/${planLink[1]}/moeder/nyt`);
  const planned = await secretary.post(`/admin/udvalg/${planLink[1]}/moeder`, { date, startTime: '16:00', endTime: '18:00', location: 'Mødelokale 2, Rådhuset' });
  const meetingPath = planned.status === 303 ? planned.location : null;
  if (!meetingPath) throw new Error(`planning a meeting answered ${planned.status}`);
  await secretary.get(`${meetingPath}/punkter/nyt`);
  const created = await secretary.post(`${meetingPath}/punkter`, { title: 'Belastningstest: udkast til punkt', kind: 'regular', caseNumber: '', caseTitle: 'Belastningstest' });
  const draftItem = /\/admin\/punkter\/(\d+)$/.exec(created.location ?? '');
  if (created.status !== 303 || !draftItem) throw new Error(`creating an item answered ${created.status}`);
  const targets: EditTarget[] = [{ itemId: Number(draftItem[1]), published: false }];

  // The published agenda: the first item whose form asks for a change note and is not closed.
  for (const meeting of hrefs(dashboard.text, /href="(\/admin\/moeder\/\d+)"/g)) {
    const page = await secretary.get(meeting);
    for (const item of hrefs(page.text, /href="\/admin\/punkter\/(\d+)"/g)) {
      const form = await secretary.get(`/admin/punkter/${item}`);
      if (!form.text.includes(`action="/admin/punkter/${item}"`)) continue; // the signature item has no form
      if (!form.text.includes('name="changeNote"')) break; // not a published agenda
      const fields = formFields(form.text, `/admin/punkter/${item}`);
      if (fields.closed || !fields.summary) continue;
      targets.push({ itemId: Number(item), published: true });
      break;
    }
    if (targets.length > 1) break;
  }
  say(`  Sekretæren redigerer punkt ${targets.map((t) => `${t.itemId}${t.published ? ' (offentliggjort dagsorden, med ændringsnote)' : ' (udkast)'}`).join(' og ')}`);
  return targets;
}

/** One edit as in a browser: open the form, change the summary (and write a change note), save, and see the change on the page. */
async function editOnce(secretary: WebClient, target: EditTarget, n: number): Promise<void> {
  const formPath = `/admin/punkter/${target.itemId}`;
  const form = await secretary.get(formPath, { timeoutMs: 60_000 });
  if (form.status !== 200) throw new Error(`GET ${formPath} answered ${form.status}`);
  const fields = formFields(form.text, formPath);
  const marker = `Belastningstest, redigering ${n} (${crypto.randomBytes(3).toString('hex')})`;
  fields.summary = `${marker}\n\nSammendraget rettes under belastning.`;
  if (target.published) fields.changeNote = `Sammendraget er rettet (redigering ${n})`;
  const saved = await secretary.post(formPath, fields, { timeoutMs: 60_000 });
  if (saved.status !== 303 || saved.location !== formPath) throw new Error(`POST ${formPath} answered ${saved.status}${saved.status === 422 || saved.status === 409 ? `: ${/<li><a[^>]*>([^<]+)<\/a><\/li>/.exec(saved.text)?.[1] ?? ''}` : ''}`);
  const after = await secretary.get(formPath, { timeoutMs: 60_000 });
  if (!after.text.includes(marker)) throw new Error(`the saved text of item ${target.itemId} is not on its page`);
  if (target.published && !after.text.includes(`Sammendraget er rettet (redigering ${n})`)) throw new Error(`the change note of item ${target.itemId} is missing`);
}

/**
 * `npm run test:load`: the server as a child process on a fresh data dir with the demo data,
 * public clients on a mix of pages, a secretary editing, and the static site publishing, all
 * at once. Any failed public request or edit fails the run.
 */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const { say } = options;
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'moedebog-load-'));
  await fs.chmod(tmp, 0o755); // PostgreSQL runs as its own user when we are root
  const dataDir = path.join(tmp, 'data');
  const site = path.join(tmp, 'site');
  const chromium: Record<string, string> = process.env.PUPPETEER_EXECUTABLE_PATH ? { PUPPETEER_EXECUTABLE_PATH: process.env.PUPPETEER_EXECUTABLE_PATH } : {};
  let server: ServerProcess | undefined;
  try {
    // The demo data loads in development; the measured server runs as in production (view cache, no demo loading).
    say('Starter serveren og indlæser demodata …');
    const first = await startServer({ DATA_DIR: dataDir, NODE_ENV: 'development', ...chromium });
    if ((await stopServer(first)) !== 0) throw new Error(`the first server did not stop cleanly:\n${first.output()}`);
    say('Starter serveren i produktionstilstand med STATIC_OUT_DIR (den udgiver det statiske site ved start) …');
    server = await startServer({ DATA_DIR: dataDir, NODE_ENV: 'production', SESSION_SECRET: crypto.randomBytes(32).toString('hex'), STATIC_OUT_DIR: site, ...chromium });
    const origin = `http://127.0.0.1:${server.port}`;

    const urls = await publicUrls(origin);
    const pdfs = await warmPdfs(origin, urls.filter((u) => /^\/dagsorden\/[a-z0-9-]+-20(1\d|2[0-2])$/.test(u)).slice(0, 2));
    const mix = [...urls, ...pdfs];
    for (const u of mix) {
      const res = await fetch(`${origin}${u}`);
      await res.arrayBuffer();
      if (res.status >= 400) throw new Error(`${u} answered ${res.status} before the load`);
    }
    say(`  ${mix.length} offentlige adresser: forside, udvalg, møder, punkter, søgning, feeds, kalendere og ${pdfs.length} PDF'er`);

    const secretary = await login(origin, 'sekretaer@demo.test');
    const targets = await prepareEdits(secretary, say);

    const publishDone = () => /Det statiske site er opdateret|Det statiske site var allerede opdateret|Det statiske site kunne ikke udgives/.test(server?.output() ?? '');
    // The server's publish at start normally still runs; if it is done already, `npm run publish` runs beside the load instead.
    const serverPublishRunning = !publishDone();
    const cli = serverPublishRunning ? undefined : runScript('publish.ts', ['--out', site], { DATA_DIR: dataDir, NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), LOG_LEVEL: 'silent', ...chromium });

    say(`Belaster i ${options.duration} s med ${options.connections} samtidige klienter, mens sekretæren redigerer og sitet udgives …`);
    let stop = false;
    const editTimes: number[] = [];
    const failures: string[] = [];
    const editing = (async () => {
      for (let n = 1; !stop; n++) {
        const target = targets[n % targets.length] as EditTarget;
        const started = performance.now();
        try {
          await editOnce(secretary, target, n);
          editTimes.push(performance.now() - started);
        } catch (error) {
          failures.push(`redigering ${n}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })();
    // Per address: how long each answer took, to name the slowest.
    const byPath = new Map<string, number[]>(mix.map((p) => [p, []]));
    const result = await cannon({
      url: origin,
      connections: options.connections,
      duration: options.duration,
      timeout: options.timeout,
      requests: mix.map((p) => ({
        method: 'GET',
        path: p,
        setupRequest: (request, context) => {
          context.started = performance.now();
          return request;
        },
        onResponse: (_status, _body, context) => {
          if (context.started !== undefined) byPath.get(p)?.push(performance.now() - context.started);
        },
      })),
    });
    stop = true;
    await editing;

    say('Venter på, at udgivelsen af det statiske site bliver færdig …');
    let publishLine: string;
    let publishOk: boolean;
    if (cli) {
      const done = await cli;
      publishLine = `npm run publish: ${done.output.trim().split('\n').at(-1) ?? ''}`;
      publishOk = done.code === 0;
    } else {
      const deadline = Date.now() + 15 * 60_000;
      while (!publishDone() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
      publishLine = /Det statiske site (er opdateret[^\n]*|var allerede opdateret|kunne ikke udgives[^\n]*)/.exec(server.output())?.[0] ?? 'udgivelsen blev ikke færdig inden for 15 minutter';
      publishOk = /er opdateret|var allerede opdateret/.test(publishLine);
    }
    publishOk &&= (await fs.readFile(path.join(site, '.moedebog-manifest.json'), 'utf8').catch(() => null)) !== null;

    const statusCounts: Record<string, number> = {};
    for (const [code, stat] of Object.entries(result.statusCodeStats)) statusCounts[code] = stat.count;
    const badStatus = Object.entries(statusCounts)
      .filter(([code]) => !/^[23]\d\d$/.test(code))
      .reduce((sum, [, count]) => sum + count, 0);
    if (server.child.exitCode !== null) failures.push(`the server exited with ${server.child.exitCode}`);
    const report: LoadReport = {
      public: {
        requests: result.requests.total,
        perSecond: result.requests.total / (result.duration || options.duration),
        p50: result.latency.p50,
        p99: result.latency.p99,
        max: result.latency.max,
        statusCounts,
        badStatus,
        errors: result.errors,
        timeouts: result.timeouts,
        urls: mix.length,
        slowest: [...byPath]
          .filter(([, times]) => times.length > 0)
          .map(([p, times]) => ({ path: p, count: times.length, p50: percentile(times, 50), max: Math.max(...times) }))
          .sort((a, b) => b.max - a.max)
          .slice(0, 5),
      },
      secretary: { edits: editTimes.length, failures, p50: percentile(editTimes, 50), p99: percentile(editTimes, 99) },
      publish: { by: cli ? 'npm run publish' : 'serverens job (STATIC_OUT_DIR)', ok: publishOk, detail: publishLine },
      ok: false,
    };
    report.ok = badStatus === 0 && result.errors === 0 && result.timeouts === 0 && result.requests.total > 0 && failures.length === 0 && editTimes.length > 0 && publishOk;
    return report;
  } finally {
    if (server) await stopServer(server);
    if (options.keep) say(`Mappen er bevaret: ${tmp}`);
    else await removeTree(tmp);
  }
}

export function formatLoadReport(r: LoadReport, options: Pick<LoadOptions, 'duration' | 'connections' | 'timeout'>): string {
  const ms = (n: number) => `${Math.round(n)} ms`;
  const lines = [
    `Offentlige klienter (${options.connections} samtidige, ${options.duration} s, ${r.public.urls} adresser, time-out ${options.timeout} s):`,
    `  forespørgsler  ${r.public.requests} (${r.public.perSecond.toFixed(1)} pr. s)`,
    `  svartid        p50 ${ms(r.public.p50)}, p99 ${ms(r.public.p99)}, max ${ms(r.public.max)}`,
    `  statuskoder    ${Object.entries(r.public.statusCounts).map(([c, n]) => `${c}: ${n}`).join(', ') || 'ingen'}`,
    `  fejl           ${r.public.badStatus} svar uden for 2xx/3xx, ${r.public.errors} forbindelsesfejl, heraf ${r.public.timeouts} time-outs`,
    `  langsomst      ${r.public.slowest.map((s) => `${s.path} (max ${ms(s.max)}, p50 ${ms(s.p50)}, ${s.count} svar)`).join('; ')}`,
    `Sekretær: ${r.secretary.edits} redigeringer gemt og kontrolleret (p50 ${ms(r.secretary.p50)}, p99 ${ms(r.secretary.p99)} pr. redigering), ${r.secretary.failures.length} mislykkedes`,
    ...r.secretary.failures.slice(0, 10).map((f) => `  ${f}`),
    `Statisk udgivelse under belastningen (${r.publish.by}): ${r.publish.ok ? 'gennemført' : 'MISLYKKEDES'}; ${r.publish.detail}`,
    r.ok ? 'OK: ingen fejl.' : 'FEJL: se ovenfor.',
  ];
  return lines.join('\n');
}
