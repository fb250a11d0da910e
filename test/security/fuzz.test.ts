import fs from 'node:fs';
import fc from 'fast-check';
import type { RouteDef } from '../../src/web/route-table';
import type { TestDb } from '../helpers/test-db';
import { formsOf, type FormInfo } from './fuzz-forms';
import type { Answer } from './fuzz-http';
import { type Lane, openLanes, type Who } from './fuzz-lane';
import { type Breakage, breakage, type FilePart, fileParts, multipartBody, type TextPart } from './fuzz-multipart';
import { isDanish, refusalMessages } from './refusal-message';
import { fillPath, queryParamsOf, routeDefs } from './route-samples';

/**
 * Fuzzing (issue 9, part 3): every POST route's form fields (as the secretary, admin-only routes
 * as the admin, public ones as a visitor, the members' own approval routes as a member, with the
 * session's CSRF token), every path parameter of every route, and the query parameters of the GET
 * routes that read any, with hostile values. The field names are read from the forms of every
 * page (test/security/fuzz-forms.ts), in the sample rows' states and in the states
 * test/security/fuzz-stage.ts makes (a planned meeting, a minutes draft with recorded votes,
 * amendments and minority statements, an approval round, an open consultation with an outside
 * party's answer link …), and each form is fuzzed where it was found; a POST route whose form is
 * found nowhere fails the test, unless NO_FORM gives the reason. The upload forms
 * (enctype="multipart/form-data") are sent as multipart bodies built by hand
 * (test/security/fuzz-multipart.ts): their text fields as the others', and hostile files (names,
 * content types, contents, sizes over the limit) and broken bodies.
 * Every answer must be below 500; a refusal (4xx) must say what is wrong in Danish
 * (test/security/refusal-message.ts) and leave the database unchanged.
 *
 * MOEDEBOG_FUZZ_RUNS cases in all (2,000 by default; `npm run test:deep` runs 10,000), shared
 * between MOEDEBOG_FUZZ_LANES lanes (2 by default): each lane has its own copy of the demo
 * database, its own app listening on its own port, and runs its cases one after the other, so a
 * change to the database is always the doing of the lane's one request in flight. Lanes start from
 * the same data and run the same targets, each from its own seed (the run's seed plus the lane's
 * number): MOEDEBOG_FUZZ_SEED with the same runs and lanes repeats a run exactly.
 * MOEDEBOG_FUZZ_VERBOSE prints what the run reached and what it cost.
 *
 * Speed: the app listens once and a lane's cases share one keep-alive connection (supertest
 * starts a server and opens a connection per request); templates compile once (the view cache,
 * as in production: without it every answer compiles its page and partials again); "the
 * database changed" is a log written by triggers (test/security/change-counter.ts), one small
 * query per case instead of counting the rows of every table; and while one lane waits for
 * PostgreSQL, the other has Node's thread.
 */
const RUNS = Number(process.env.MOEDEBOG_FUZZ_RUNS ?? 2000);
const LANES = Math.max(1, Number(process.env.MOEDEBOG_FUZZ_LANES ?? 2));
const SEED = process.env.MOEDEBOG_FUZZ_SEED ? Number(process.env.MOEDEBOG_FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const VERBOSE = Boolean(process.env.MOEDEBOG_FUZZ_VERBOSE);

/** Fields tried where a form has none of its own (a button and the CSRF token): every field sent is one the route does not expect. */
const STRAY_FIELDS = ['title', 'name', 'text', 'body', 'note', 'version', 'date', 'time', 'email', 'password', 'status', 'year', 'id', 'position', 'action', 'changeNote'];

/**
 * POST routes with no form on any page the test reads, each with the reason; they are fuzzed with
 * STRAY_FIELDS, guessed names. Any other POST route without a form fails the test: a page or a
 * staged state (test/security/fuzz-stage.ts) is missing, and its real fields go unfuzzed.
 * (POST /logout is not fuzzed at all: it ends the session the other cases run in.)
 */
const NO_FORM: Record<string, string> = {};

/** Tables a refusal may write, by route: a failed login is counted (src/modules/auth/throttle.ts). */
const WRITTEN_ON_REFUSAL: Record<string, string[]> = { 'POST /login': ['login_failures'] };

const hostile = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u0008\u001b[31m\u007f',
  '\r\n\r\nX-Injected: 1',
  '\u202Egnp.exe',
  '\u200F\u202B\u05E9\u05DC\u05D5\u05DD\u202C',
  '𝕏😀👨‍👩‍👧\u{10FFFF}',
  '\uD800',
  '\uFEFF',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  '{{constructor.constructor("return 1")()}}',
  "' OR 1=1 --",
  "'; DROP TABLE meetings; --",
  '1; SELECT pg_sleep(0)',
  '%00%27%22',
  '../../etc/passwd',
  '2021-02-30',
  '31-04-2026',
  '0000-00-00',
  '2026-13-01',
  '2026-11-24T25:61:00',
  '30.02.2021',
  '24-11-2026 10:00',
  '1.177,8',
  '1,177.8',
  '-0',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '0x1F',
  '−8.999',
  '99999999999999999999999',
  '2147483648',
  '9007199254740993',
  '-1',
  '0',
  'true',
  'on',
  '__proto__',
  'constructor',
);

const hugeNumber = fc.oneof(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String), fc.double().map(String), fc.integer().map(String));
const longString = fc.tuple(fc.constantFrom('a', 'ø', '𝕏', '<b>', "'", '\u202E', '1.000,5 '), fc.integer({ min: 1_000, max: 10_000 })).map(([unit, n]) => unit.repeat(n).slice(0, 10_000));
const fuzzValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostile },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10_000 }) },
  { weight: 1, arbitrary: longString },
  { weight: 2, arbitrary: hugeNumber },
  { weight: 1, arbitrary: fc.tuple(hostile, fc.string({ maxLength: 20 }), hostile).map(([a, b, c]) => a + b + c) },
);

/** One field's value: a string, or an array where a string is expected (sent as field=a&field=b or field[]=a&field[]=b). */
type FieldValue = { kind: 'one'; value: string } | { kind: 'many'; brackets: boolean; values: string[] };
const fieldValue: fc.Arbitrary<FieldValue> = fc.oneof(
  { weight: 5, arbitrary: fuzzValue.map((value) => ({ kind: 'one' as const, value })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('many' as const), brackets: fc.boolean(), values: fc.array(fuzzValue, { minLength: 2, maxLength: 3 }) }) },
);
type Fields = Array<[string, FieldValue]>;

/** Lone surrogates cannot be percent-encoded; a browser sends U+FFFD for them. */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function encode(fields: Fields): string {
  const p = new URLSearchParams();
  for (const [name, v] of fields) {
    if (v.kind === 'one') p.append(name, v.value);
    else for (const value of v.values) p.append(v.brackets ? `${name}[]` : name, value);
  }
  return p.toString();
}

/** CPU milliseconds used so far by each PostgreSQL backend serving the test's database (Linux /proc), for MOEDEBOG_FUZZ_VERBOSE. */
async function backendCpu(t: TestDb): Promise<Map<number, number>> {
  const { rows } = await t.db.raw<{ rows: Array<{ pid: number }> }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  const ticks = 100; // USER_HZ
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      cpu.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks);
    } catch {
      // not Linux, or the backend has ended
    }
  }
  return cpu;
}

/** One thing to fuzz: a route, and how the fuzzed fields become a request. The same in every lane. */
interface Target {
  /** "POST /admin/punkter/:itemId", with "(:itemId)" when the path parameter is what is fuzzed, "?" for the query */
  route: string;
  routeKey: string;
  fields: string[];
  who: Who;
  method: 'get' | 'post';
  /** For a POST: where its field names come from (a form, a form without fields of its own, or a guess: NO_FORM) */
  names?: 'form' | 'form without fields' | 'guessed';
  /** An upload form (enctype="multipart/form-data"): its file inputs, and what its other fields send untouched */
  upload?: Pick<FormInfo, 'fileFields' | 'values'>;
  path(fields: Fields): string;
  /** The urlencoded form body of a POST, without the CSRF token */
  body(fields: Fields): string;
}

/** How an upload form's case is sent: as multipart (with files, the fields not fuzzed as the form has them or left out, the body broken or not), or urlencoded */
type UploadCase = { multipart: true; files: FilePart[]; keepOtherFields: boolean; breakage: Breakage } | { multipart: false };

interface Case {
  route: string;
  index: number;
  fields: Fields;
  upload?: UploadCase;
}

function textParts(fields: Fields): TextPart[] {
  return fields.flatMap(([name, v]) => (v.kind === 'one' ? [{ field: name, value: v.value }] : v.values.map((value) => ({ field: v.brackets ? `${name}[]` : name, value }))));
}

function send(lane: Lane, target: Target, c: Case): Promise<Answer> {
  const browser = lane.browsers[target.who];
  if (target.method === 'get') return browser.get(target.path(c.fields));
  if (!target.upload || !c.upload?.multipart) return browser.post(target.path(c.fields), target.body(c.fields));
  const fuzzed = new Set(c.fields.map(([name]) => name));
  const kept = c.upload.keepOtherFields ? target.upload.values.filter(([name]) => !fuzzed.has(name)).map(([field, value]) => ({ field, value })) : [];
  const { body, contentType } = multipartBody([...kept, ...textParts(c.fields)], c.upload.files, c.upload.breakage);
  return browser.postMultipart(target.path(c.fields), body, contentType);
}

/** A case as a failure message shows it: the fields' values and the files' names cut short, a file's content by what it is. */
function describeCase(target: Target, c: Case): string {
  const fields = JSON.stringify(c.fields.map(([name, v]) => [name, v.kind === 'one' ? v.value.slice(0, 200) : v.values.map((s) => s.slice(0, 200))]));
  if (!c.upload) return `${target.route} with ${fields}`;
  if (!c.upload.multipart) return `${target.route} (urlencoded) with ${fields}`;
  const files = c.upload.files.map((f) => {
    const content = f.content;
    const what =
      content.kind === 'magic'
        ? { kind: 'magic', magic: content.magic, tail: content.tail.length }
        : content.kind === 'bytes'
          ? { kind: 'bytes', bytes: Buffer.from(content.bytes).toString('base64') }
          : content.kind === 'acadre'
            ? { ...content, value: content.value.slice(0, 200) }
            : content;
    return { ...f, fileName: f.fileName.slice(0, 200), content: what };
  });
  return `${target.route} (multipart${c.upload.keepOtherFields ? ', the other fields as the form has them' : ''}, body ${c.upload.breakage.kind}) with ${fields} and files ${JSON.stringify(files)}`;
}

/**
 * Every route's targets: its form (POST), each path parameter, its query parameters. Reads the
 * forms of every page, the lanes sharing the reading (their data are the same until the fuzzing starts).
 */
async function targetsOf(lanes: Lane[], defs: RouteDef[]): Promise<{ forms: Target[]; uploads: Target[]; paths: Target[]; queries: Target[] }> {
  const lane = lanes[0] as Lane;
  const params = lane.sample;
  const whoFor = (def: RouteDef): Who =>
    def.access.kind === 'public' ? 'visitor' : def.access.kind === 'admin' ? 'admin' : def.access.kind === 'committee-member' && def.path.startsWith('/mine-moeder/') ? 'member' : 'secretary';

  // Field names as the forms name them: read every form on every page (not the files: PDFs, feeds, JSON, uploads)
  // with the sample parameters, and again with each staged state's where its parameters differ: the signed-in
  // pages, and the public pages that post to themselves (the answer through a consultation link).
  // Staff pages are read as the admin, who sees every committee and the admin-only forms (reopening minutes).
  const isFile = (path: string) => /\.[a-z]+$|:fileName|\/fil$|\*/.test(path);
  const pages = defs.filter((d) => d.method === 'get' && !isFile(d.path));
  const postPaths = new Set(defs.filter((d) => d.method === 'post').map((d) => d.path));
  const paramsOf = (path: string) => [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? '');
  const reads = new Map<string, { who: Who; path: string }>();
  for (const set of [params, ...lane.stages.map((s) => s.params)]) {
    const changed = Object.keys(set).filter((name) => set[name] !== params[name]);
    const staged = (d: RouteDef) => (d.access.kind !== 'public' || postPaths.has(d.path)) && paramsOf(d.path).some((name) => changed.includes(name));
    for (const def of pages.filter((d) => set === params || staged(d))) {
      const who = whoFor(def);
      const read = { who: who === 'secretary' ? 'admin' : who, path: fillPath(def.path, set) };
      reads.set(`${read.who} ${read.path}`, read);
    }
  }
  // Each lane reads its share; the forms are merged in the order of the reads, so that every run sees the same forms.
  const pageForms: Array<Map<string, FormInfo>> = [];
  const readList = [...reads.values()];
  await Promise.all(
    lanes.map(async (reader, number) => {
      for (let i = number; i < readList.length; i += lanes.length) {
        const { who, path } = readList[i] as { who: Who; path: string };
        const res = await reader.browsers[who].get(path);
        if (res.status === 200 && res.headers['content-type']?.startsWith('text/html')) pageForms[i] = formsOf(res.text);
      }
    }),
  );
  const formsFound = new Map<string, FormInfo>();
  for (const found of pageForms) {
    for (const [action, form] of found ?? []) {
      const known = formsFound.get(action);
      formsFound.set(action, known ? { ...known, names: [...new Set([...known.names, ...form.names])], fileFields: [...new Set([...known.fileFields, ...form.fileFields])], multipart: known.multipart || form.multipart } : form);
    }
  }
  /** Where a POST route's form was found: the first parameter set whose page shows it with fields, else the first that shows it at all */
  const formOf = (def: RouteDef): { path: string; form?: FormInfo } => {
    const paths = [params, ...lane.stages.map((s) => s.params)].map((set) => fillPath(def.path, set));
    const path = paths.find((p) => formsFound.get(p)?.names.length) ?? paths.find((p) => formsFound.has(p)) ?? (paths[0] as string);
    return { path, form: formsFound.get(path) };
  };

  const forms: Target[] = [];
  const uploads: Target[] = [];
  const paths: Target[] = [];
  const queries: Target[] = [];
  // POST /logout is left out: it ends the session the other cases run in.
  for (const def of defs.filter((d) => d.path !== '/logout' && !d.path.includes('*'))) {
    const routeKey = `${def.method.toUpperCase()} ${def.path}`;
    const who = whoFor(def);
    const path = fillPath(def.path, params);
    if (def.method === 'post') {
      const { path: formPath, form } = formOf(def);
      // Sorted: a seed must pick the same field every time.
      const names = form?.names.filter((n) => !form.fileFields.includes(n)).sort() ?? [];
      const target: Target = {
        route: routeKey,
        routeKey,
        fields: names.length ? names : STRAY_FIELDS,
        who,
        method: 'post',
        names: !form ? 'guessed' : names.length ? 'form' : 'form without fields',
        path: () => formPath,
        body: encode,
      };
      if (form?.multipart) uploads.push({ ...target, upload: { fileFields: form.fileFields.length ? form.fileFields : ['file'], values: form.values } });
      else forms.push(target);
    }
    const query = queryParamsOf(def);
    if (query.length) {
      // The search form's own fields too, should it gain one the list does not name.
      const fields = def.path === '/soeg' ? [...new Set([...query, ...(formsFound.get('/soeg')?.names ?? [])])].sort() : query;
      queries.push({ route: `${routeKey}?`, routeKey, fields, who, method: 'get', path: (f) => `${path}?${encode(f)}`, body: () => '' });
    }
    // Path parameters: the fuzzed value becomes the segment, the other parameters keep their sample values.
    for (const [, name = ''] of def.path.matchAll(/:([A-Za-z]+)/g)) {
      const marker = '\u0001fuzzed\u0001';
      const template = fillPath(def.path, { ...params, [name]: marker });
      const segment = (fields: Fields) => {
        const v = fields[0]?.[1];
        const value = v === undefined ? '' : v.kind === 'one' ? v.value : v.values.join(',');
        return template.replace(marker, encodeURIComponent(wellFormed(value)) || '0');
      };
      paths.push({ route: `${routeKey} (:${name})`, routeKey, fields: [SEGMENT], who, method: def.method, path: segment, body: () => '' });
    }
  }
  return { forms, uploads, paths, queries };
}

const SEGMENT = 'segment';

describe('fuzzing every form field, path parameter and query parameter', () => {
  const lanes: Lane[] = [];

  beforeAll(async () => {
    await openLanes(lanes, LANES);
  });
  afterAll(async () => {
    for (const lane of lanes) await lane.t.drop();
  });

  it(`answers ${RUNS} hostile requests below 500, and a refusal explains itself in Danish and changes nothing`, async () => {
    const first = lanes[0] as Lane;
    // The lanes' targets are the first lane's: the same rows must have the same ids in every lane.
    for (const lane of lanes) expect({ sample: lane.sample, stages: lane.stages }).toEqual({ sample: first.sample, stages: first.stages });
    const { forms, uploads, paths, queries } = await targetsOf(lanes, routeDefs(first.t));
    expect(queries.map((q) => q.routeKey)).toEqual(expect.arrayContaining(['GET /soeg', 'GET /login', 'GET /oparl/v1.1/body/:bodyId/meeting.json', 'GET /oparl/v1.1/body/:bodyId/meeting/page-:page.json']));
    // Every POST route is fuzzed with the fields of its real form, unless NO_FORM says why it has none.
    const posts = [...forms, ...uploads];
    expect({
      guessed: posts.filter((f) => f.names === 'guessed' && !(f.routeKey in NO_FORM)).map((f) => f.route),
      listedButFound: posts.filter((f) => f.names !== 'guessed' && f.routeKey in NO_FORM).map((f) => f.route),
    }).toEqual({ guessed: [], listedButFound: [] });
    // The upload forms are read from their pages: the attachments', the import's, a consultation party's, the answer through a link.
    expect(uploads.map((u) => u.routeKey).sort()).toEqual(
      [
        'POST /admin/import',
        'POST /admin/punkter/:itemId/bilag',
        'POST /admin/punkter/:itemId/hoeringer/:consultationId/parter/:partyId/svar',
        'POST /hoering/svar/:token',
      ].sort(),
    );
    const targets = [...forms, ...uploads, ...paths, ...queries];

    const pick = (from: Target[]) =>
      fc.constantFrom(...from.map((target) => targets.indexOf(target))).chain((index) => {
        const target = targets[index] as Target;
        const fields: fc.Arbitrary<Fields> =
          target.fields[0] === SEGMENT
            ? fieldValue.map((v): Fields => [[SEGMENT, v]])
            : fc.uniqueArray(fc.tuple(fc.constantFrom(...target.fields), fieldValue), { maxLength: Math.min(6, target.fields.length), selector: ([name]) => name });
        const upload = target.upload;
        if (!upload) return fields.map((f): Case => ({ route: target.route, index, fields: f }));
        // Mostly as the browser sends it (multipart), now and then urlencoded, which the upload routes must take as well. An upload
        // is read to its end only when the rest of the form is right: mostly one field is fuzzed, the others sent as the form has them.
        // Its text is mostly what a user types, with one character no one types (which the app must refuse before PostgreSQL sees it).
        const typed = fc
          .tuple(fc.constantFrom('Bilag', 'Svar fra', ''), fc.constantFrom('\u0000', '\u0000', '\u0007', '\u001b', '\u007f', '\u202E', '\uFEFF', '\uD800'), fc.constantFrom('', ' om budgettet'))
          .map(([a, odd, b]): FieldValue => ({ kind: 'one', value: a + odd + b }));
        const one = fc.tuple(fc.constantFrom(...target.fields), fc.oneof({ weight: 3, arbitrary: fieldValue }, { weight: 1, arbitrary: typed })).map((field): Fields => [field]);
        const how: fc.Arbitrary<UploadCase> = fc.oneof(
          {
            weight: 6,
            arbitrary: fc.record({ multipart: fc.constant(true as const), files: fileParts(upload.fileFields, fuzzValue), keepOtherFields: fc.constantFrom(true, true, true, false), breakage }),
          },
          { weight: 1, arbitrary: fc.constant<UploadCase>({ multipart: false }) },
        );
        return fc
          .tuple(fc.oneof({ weight: 2, arbitrary: one }, { weight: 1, arbitrary: fields }), how)
          // The counterexample fast-check prints names the route, the fields and the files.
          .map(([f, u]): Case => ({ route: target.route, index, fields: f, upload: u }));
      });
    // Form fields are where the app parses the most, uploads the most of all; every path and query parameter still gets its turn.
    const caseArb = fc.oneof({ weight: 11, arbitrary: pick(forms) }, { weight: 2, arbitrary: pick(uploads) }, { weight: 5, arbitrary: pick(paths) }, { weight: 2, arbitrary: pick(queries) });

    const statuses = new Map<string, Map<number, number>>();
    const seenMessages = new Set<string>();
    let cases = 0;
    let failed = false;
    const started = Date.now();
    const cpuBefore = VERBOSE ? { node: process.cpuUsage(), pg: await Promise.all(lanes.map((lane) => backendCpu(lane.t))) } : undefined;

    const runLane = async (lane: Lane, number: number) => {
      let before = await lane.counter.read();
      const property = fc.asyncProperty(caseArb, async (c) => {
        // Another lane failed: finish quickly, that lane's counterexample is the answer.
        if (failed) return;
        cases++;
        const target = targets[c.index] as Target;
        const reached = lane.reachedApp;
        const res = await send(lane, target, c);
        const after = await lane.counter.read();
        const changedFrom = before;
        before = after;
        if (VERBOSE) {
          const byStatus = statuses.get(target.route) ?? new Map<number, number>();
          byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
          statuses.set(target.route, byStatus);
        }
        const what = () => describeCase(target, c);
        if (res.status >= 500 || res.status < 200) throw new Error(`${what()} → ${res.status}: ${res.text.slice(0, 300)}`);
        if (res.status < 400) return;
        if (after !== changedFrom) {
          const changes = await lane.counter.describeSince(changedFrom);
          const allowed = WRITTEN_ON_REFUSAL[target.routeKey] ?? [];
          if (!changes.every((line) => allowed.some((table) => line.startsWith(`${table}:`)))) throw new Error(`${what()} → ${res.status} but the database changed: ${changes.join('; ')}`);
        }
        if (lane.reachedApp === reached) throw new Error(`${what()} → ${res.status} from Node's HTTP server, before the app`);
        const messages = refusalMessages({ status: res.status, contentType: String(res.headers['content-type'] ?? ''), text: res.text });
        if (VERBOSE) for (const m of messages) seenMessages.add(m);
        if (messages.length === 0) throw new Error(`${what()} → ${res.status} without a message: ${res.text.slice(0, 300)}`);
        const notDanish = messages.filter((m) => !isDanish(m));
        if (notDanish.length) throw new Error(`${what()} → ${res.status} with a message not in Danish: ${JSON.stringify(notDanish)}`);
      });
      try {
        await fc.assert(property, { numRuns: Math.ceil(RUNS / LANES), seed: (SEED + number) | 0, endOnFailure: true });
      } catch (error) {
        failed = true;
        throw new Error(`Lane ${number} of ${LANES} failed; MOEDEBOG_FUZZ_SEED=${SEED} MOEDEBOG_FUZZ_RUNS=${RUNS} MOEDEBOG_FUZZ_LANES=${LANES} repeats the run.\n${(error as Error).message}`);
      }
    };
    const results = await Promise.allSettled(lanes.map((lane, number) => runLane(lane, number)));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    expect(cases).toBeGreaterThanOrEqual(RUNS);

    for (const lane of lanes) {
      // The sessions survived the run: the cases were not all answered by a redirect to the login page.
      expect((await lane.browsers.secretary.get('/admin')).status).toBe(200);
      expect((await lane.browsers.admin.get('/admin/brugere')).status).toBe(200);
      expect((await lane.browsers.member.get('/mine-moeder')).status).toBe(200);
    }
    if (cpuBefore) {
      const ms = Date.now() - started;
      const node = process.cpuUsage(cpuBefore.node);
      const pgAfter = await Promise.all(lanes.map((lane) => backendCpu(lane.t)));
      const pg = pgAfter.reduce((sum, lanePids, i) => sum + [...lanePids].reduce((s, [pid, cpu]) => s + cpu - (cpuBefore.pg[i]?.get(pid) ?? 0), 0), 0);
      console.log(
        `${cases} fuzz cases in ${LANES} lanes (seed ${SEED}) over ${forms.length} forms, ${uploads.length} upload forms, ${paths.length} path and ${queries.length} query parameters in ${ms} ms ` +
          `(${(ms / cases).toFixed(1)} ms a case; CPU a case: Node ${((node.user + node.system) / 1000 / cases).toFixed(1)} ms, PostgreSQL ${(pg / cases).toFixed(1)} ms)\n` +
          [...statuses]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([route, byStatus]) => `${route}: ${[...byStatus].map(([s, n]) => `${n}×${s}`).join(' ')}`)
            .join('\n') +
          `\nForms without fields of their own: ${posts.filter((f) => f.names === 'form without fields').map((f) => f.route).join(', ')}` +
          `\nForms not found (NO_FORM): ${posts.filter((f) => f.names === 'guessed').map((f) => f.route).join(', ')}` +
          `\nMessages of refusals:\n${[...seenMessages].sort().join('\n')}`,
      );
    }
  }, 900_000);
});
