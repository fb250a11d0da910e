import type { Express } from 'express';
import fc from 'fast-check';
import type { RouteDef } from '../../src/web/route-table';
import { testApp } from '../helpers/app';
import { anonymous, loginAs, type Browser } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { fillPath, routeDefs, sampleParams } from './route-samples';

/**
 * Fuzzing (issue 9, part 3): every POST route (as the secretary, admin-only routes as the admin,
 * with the session's CSRF token) and the public GET routes' query and path parameters, with
 * hostile values. Every answer must be below 500, and a 4xx must leave the database unchanged.
 * MOEDEBOG_FUZZ_RUNS cases in total (600 by default, to keep `npm test` within its time budget; `npm run test:deep` runs 2,000).
 */
const RUNS = Number(process.env.MOEDEBOG_FUZZ_RUNS ?? 600);

/** Fields tried where no form names them. */
const GENERIC_FIELDS = ['title', 'name', 'text', 'body', 'note', 'version', 'date', 'time', 'email', 'password', 'status', 'year', 'id', 'position', 'action', 'changeNote'];

/** Tables whose row counts, with the newest audit id, make the checksum of "the database changed". */
const CHECKSUM_TABLES = [
  'committees', 'people', 'memberships', 'meetings', 'attendance', 'agenda_items', 'budget_tables', 'recommendation_points',
  'amendments', 'votes', 'dissents', 'sub_points', 'attachments', 'users', 'user_committees', 'item_change_notes',
  'minutes_approvals', 'minutes_remarks', 'minutes_versions', 'mail_outbox', 'consultations', 'consultation_parties',
  'consultation_points', 'board_follows', 'board_comments', 'board_constitutions', 'substitute_presence', 'annual_reports',
];

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

/** Lone surrogates cannot be percent-encoded; a browser sends U+FFFD for them. */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function encode(fields: Array<[string, FieldValue]>): string {
  const p = new URLSearchParams();
  for (const [name, v] of fields) {
    if (v.kind === 'one') p.append(name, v.value);
    else for (const value of v.values) p.append(v.brackets ? `${name}[]` : name, value);
  }
  return p.toString();
}

/** The names of the fields of every form on a page, by the (filled) path the form posts to. */
function formsOf(html: string): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = m[1] ?? '';
    const action = /action="([^"]*)"/.exec(attrs)?.[1]?.replace(/&amp;/g, '&').split('?')[0];
    if (!action || !/method="post"/i.test(attrs)) continue;
    const names = [...(m[2] ?? '').matchAll(/name="([^"]+)"/g)].map((n) => n[1] ?? '').filter((n) => n && n !== '_csrf');
    forms.set(action, [...new Set([...(forms.get(action) ?? []), ...names])]);
  }
  return forms;
}

interface Target {
  route: string;
  method: 'get' | 'post';
  /** Builds the request path (with query) from the fuzzed fields */
  path: (fields: Array<[string, FieldValue]>) => string;
  fields: string[];
  browser: Browser;
  /** Path parameters fuzzed instead of the query */
  pathParam?: boolean;
}

async function checksum(t: TestDb): Promise<string> {
  const counts = CHECKSUM_TABLES.map((table) => `(SELECT count(*) FROM ${table}) AS ${table}`).join(', ');
  const result = await t.db.raw<{ rows: Array<Record<string, unknown>> }>(`SELECT ${counts}, (SELECT max(id) FROM audit_log) AS audit_max`);
  return JSON.stringify(result.rows[0]);
}

describe('fuzzing every form field and query parameter', () => {
  let t: TestDb;
  let app: Express;
  let defs: RouteDef[];
  let params: Record<string, string>;

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    defs = routeDefs(t);
    params = await sampleParams(t);
  });
  afterAll(() => t.drop());

  it(`answers ${RUNS} hostile requests below 500, and a refused one changes nothing`, async () => {
    const secretary = await loginAs(app, 'sekretaer@demo.test');
    const admin = await loginAs(app, 'admin@demo.test');
    const visitor = await anonymous(app);

    // Field names as the forms name them: read every form on every GET page the secretary and admin may see.
    const forms = new Map<string, string[]>();
    for (const def of defs.filter((d) => d.method === 'get' && d.access.kind !== 'public')) {
      const who = def.access.kind === 'admin' ? admin : secretary;
      const res = await who.get(fillPath(def.path, params)).redirects(0);
      if (res.status !== 200 || !res.text) continue;
      for (const [action, names] of formsOf(res.text)) forms.set(action, [...new Set([...(forms.get(action) ?? []), ...names])]);
    }
    const loginPage = await visitor.get('/login');
    for (const [action, names] of formsOf(loginPage.text)) forms.set(action, names);

    const targets: Target[] = [];
    // POST /logout is left out: it ends the session the other cases run in.
    for (const def of defs.filter((d) => d.method === 'post' && d.path !== '/logout')) {
      const path = fillPath(def.path, params);
      const named = forms.get(path);
      const browser = def.path === '/login' || def.path.startsWith('/hoering/') ? visitor : def.access.kind === 'admin' ? admin : secretary;
      targets.push({ route: `POST ${def.path}`, method: 'post', path: () => path, fields: named?.length ? named : GENERIC_FIELDS, browser });
    }
    const searchPage = await visitor.get('/soeg');
    const searchFields = [...new Set([...searchPage.text.matchAll(/name="([^"]+)"/g)].map((m) => m[1] ?? ''))].filter((n) => n && n !== '_csrf');
    const query = (base: string) => (fields: Array<[string, FieldValue]>) => `${base}?${encode(fields)}`;
    targets.push({ route: 'GET /soeg', method: 'get', path: query('/soeg'), fields: [...new Set([...searchFields, 'q', 'udvalg', 'aar', 'type', 'side'])], browser: visitor });
    const oparlFilters = ['created_since', 'created_until', 'modified_since', 'modified_until', 'limit', 'elementsPerPage', 'page', 'omit_internal'];
    for (const list of ['meeting', 'paper', 'agendaItem', 'person', 'organization', 'file', 'consultation', 'membership']) {
      targets.push({ route: `GET /oparl/v1.1/body/:bodyId/${list}`, method: 'get', path: query(`/oparl/v1.1/body/${params.bodyId}/${list}`), fields: oparlFilters, browser: visitor });
    }
    targets.push({ route: 'GET /mine-moeder', method: 'get', path: query('/mine-moeder'), fields: ['aar', 'side'], browser: secretary });
    targets.push({ route: `GET /admin/raad/:boardId`, method: 'get', path: query(`/admin/raad/${params.boardId}`), fields: ['aar'], browser: secretary });
    // Path parameters: the fuzzed value of the one field becomes the segment.
    const segment = (template: string) => (fields: Array<[string, FieldValue]>) => {
      const v = fields[0]?.[1];
      const value = v === undefined ? '' : v.kind === 'one' ? v.value : v.values.join(',');
      return template.replace('{}', encodeURIComponent(wellFormed(value)) || '0');
    };
    const slug = params.slug ?? '';
    for (const template of [
      '/udvalg/social-og-sundhedsudvalget/aarsberetning/{}',
      `/dagsorden/${slug}/punkt-{}`,
      `/dagsorden/${slug}/referat/version/{}`,
      '/oparl/v1.1/meeting/{}',
      '/oparl/v1.1/paper/{}',
      '/sager/{}',
      '/hoering/svar/{}',
      '/bilag/{}/bilag.pdf',
      '/admin/moeder/{}',
      '/admin/punkter/{}',
      '/admin/tabeller/{}',
      '/mine-moeder/{}',
    ]) {
      targets.push({ route: `GET ${template}`, method: 'get', path: segment(template), fields: ['segment'], browser: template.startsWith('/admin') || template.startsWith('/mine') ? secretary : visitor, pathParam: true });
    }

    const caseArb = fc
      .integer({ min: 0, max: targets.length - 1 })
      .chain((i) => {
        const target = targets[i] as Target;
        const fieldsArb = target.pathParam
          ? fieldValue.map((v): Array<[string, FieldValue]> => [['segment', v]])
          : fc.uniqueArray(fc.tuple(fc.constantFrom(...target.fields), fieldValue), { maxLength: Math.min(6, target.fields.length), selector: ([name]) => name });
        return fc.tuple(fc.constant(i), fieldsArb);
      })
      // The counterexample fast-check prints names the route and the fields.
      .map(([i, fields]) => ({ route: (targets[i] as Target).route, index: i, fields }));

    const started = Date.now();
    let before = await checksum(t);
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ route, index, fields }) => {
        cases++;
        const target = targets[index] as Target;
        const res =
          target.method === 'post'
            ? await target.browser.agent.post(target.path(fields)).type('form').send(`_csrf=${encodeURIComponent(target.browser.csrf)}&${encode(fields)}`).redirects(0)
            : await target.browser.agent.get(target.path(fields)).redirects(0);
        const after = await checksum(t);
        const changed = after !== before;
        before = after;
        const what = `${route} with ${JSON.stringify(fields.map(([name, v]) => [name, v.kind === 'one' ? v.value.slice(0, 200) : v.values.map((s) => s.slice(0, 200))]))}`;
        if (res.status >= 500) throw new Error(`${what} → ${res.status}: ${res.text.slice(0, 300)}`);
        if (res.status >= 400 && changed) throw new Error(`${what} → ${res.status} but the database changed`);
      }),
      { numRuns: RUNS, seed: process.env.MOEDEBOG_FUZZ_SEED ? Number(process.env.MOEDEBOG_FUZZ_SEED) : undefined, endOnFailure: true },
    );
    expect(cases).toBeGreaterThanOrEqual(RUNS);
    if (process.env.MOEDEBOG_FUZZ_VERBOSE) console.log(`${cases} fuzz cases over ${targets.length} targets in ${Date.now() - started} ms`);
  }, 600_000);
});
