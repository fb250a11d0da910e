import type { Express } from 'express';
import { hashPassword } from '../../src/modules/auth/password';
import type { RouteDef } from '../../src/web/route-table';
import { testApp } from '../helpers/app';
import { anonymous, loginAs, type Browser } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { fillPath, routeDefs, sampleParams } from './route-samples';

/**
 * The authorization matrix (issue 9, part 1): every route × role with the expected outcome.
 * The table below IS the specification: nothing is derived from the access rules in src/.
 *
 *   ok        allowed past authorization: 2xx, 3xx other than to /login, or a 4xx from
 *             validation or lookup (400/404/409/410/422)
 *   login     303 to /login
 *   forbidden 403
 *
 * Roles (columns, in this order):
 *   anon       no account
 *   member     lolan.ottesen@demo.test, member of Social- og Sundhedsudvalget (whose rows fill the path parameters)
 *   otherMem   a member account of a person sitting only in Kultur- og Fritidsudvalget (created here)
 *   otherSec   a secretary of Kultur- og Fritidsudvalget only (created here)
 *   secretary  sekretaer@demo.test, all committees
 *   admin      admin@demo.test
 */
type Outcome = 'ok' | 'login' | 'forbidden';
const ROLES = ['anon', 'member', 'otherMem', 'otherSec', 'secretary', 'admin'] as const;
type Role = (typeof ROLES)[number];
type Row = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

const o = 'ok';
const L = 'login';
const F = 'forbidden';

//                                                                              anon member otherMem otherSec secretary admin
const MATRIX: Record<string, Row> = {
  'GET /': [o, o, o, o, o, o],
  'GET /udvalg': [o, o, o, o, o, o],
  'GET /udvalg/:slug': [o, o, o, o, o, o],
  'GET /dagsorden/:slug': [o, o, o, o, o, o],
  'GET /dagsorden/:slug/punkt-:number': [o, o, o, o, o, o],
  'GET /dagsorden/:slug/referat/version/:version': [o, o, o, o, o, o],
  'GET /dagsorden/:slug/referat/version/:version/referat.json': [o, o, o, o, o, o],
  'GET /dagsorden/:slug/referat/version/:version/aendringer': [o, o, o, o, o, o],
  'GET /dagsorden/:slug/dagsorden.pdf': [o, o, o, o, o, o],
  'GET /dagsorden/:slug/referat.pdf': [o, o, o, o, o, o],
  'GET /dagsorden/:slug/samlet.pdf': [o, o, o, o, o, o],
  'GET /feeds/rss.xml': [o, o, o, o, o, o],
  'GET /feeds/atom.xml': [o, o, o, o, o, o],
  'GET /kalender.ics': [o, o, o, o, o, o],
  'GET /udvalg/:slug/rss.xml': [o, o, o, o, o, o],
  'GET /udvalg/:slug/atom.xml': [o, o, o, o, o, o],
  'GET /udvalg/:slug/kalender.ics': [o, o, o, o, o, o],
  'GET /soeg': [o, o, o, o, o, o],
  'GET /oparl/v1.1': [o, o, o, o, o, o],
  'GET /oparl/v1.1/system.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/page-:page.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/organization.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/organization/page-:page.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/person.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/person/page-:page.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/meeting.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/meeting/page-:page.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/paper.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/paper/page-:page.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/agendaItem.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/agendaItem/page-:page.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/consultation.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/consultation/page-:page.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/file.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/file/page-:page.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/location.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/location/page-:page.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/legislativeTerm.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/legislativeTerm/page-:page.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/membership.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/body/:bodyId/membership/page-:page.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/legislativeTerm/:termId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/organization/:organizationId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/organization/:organizationId/meeting.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/organization/:organizationId/meeting/page-:page.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/person/:personId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/membership/:membershipId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/meeting/:meetingId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/meeting/:shelf/:meetingId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/agendaItem/:agendaItemId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/agendaItem/:shelf/:agendaItemId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/paper/:paperId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/paper/:shelf/:paperId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/consultation/:consultationId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/consultation/:shelf/:consultationId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/file/:fileId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/file/:shelf/:fileId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/location/:locationId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/motion/:motionId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/motion/:shelf/:motionId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/voteEvent/:voteEventId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/voteEvent/:shelf/:voteEventId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/vote/:voteId/:personId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/vote/:shelf/:voteId/:personId.json': [o, o, o, o, o, o],
  'GET /oparl/v1.1/*rest': [o, o, o, o, o, o],
  'GET /login': [o, o, o, o, o, o],
  'POST /login': [o, o, o, o, o, o],
  'POST /logout': [L, o, o, o, o, o],
  'GET /admin': [L, F, F, o, o, o],
  'GET /admin/log': [L, F, F, F, F, o],
  'GET /admin/udvalg/:committeeId/moeder/nyt': [L, F, F, F, o, o],
  'POST /admin/udvalg/:committeeId/moeder': [L, F, F, F, o, o],
  'GET /admin/moeder/:meetingId': [L, F, F, F, o, o],
  'GET /admin/moeder/:meetingId/rediger': [L, F, F, F, o, o],
  'POST /admin/moeder/:meetingId': [L, F, F, F, o, o],
  'POST /admin/moeder/:meetingId/offentliggoer': [L, F, F, F, o, o],
  'POST /admin/moeder/:meetingId/aflys': [L, F, F, F, o, o],
  'POST /admin/moeder/:meetingId/genoptag': [L, F, F, F, o, o],
  'POST /admin/moeder/:meetingId/status': [L, F, F, F, o, o],
  'GET /admin/moeder/:meetingId/punkter/nyt': [L, F, F, F, o, o],
  'POST /admin/moeder/:meetingId/punkter': [L, F, F, F, o, o],
  'GET /admin/punkter/:itemId': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/flyt': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/slet': [L, F, F, F, o, o],
  'GET /admin/punkter/:itemId/send-videre': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/send-videre': [L, F, F, F, o, o],
  'GET /admin/punkter/:itemId/underpunkter/ny': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/underpunkter': [L, F, F, F, o, o],
  'GET /admin/underpunkter/:subPointId': [L, F, F, F, o, o],
  'POST /admin/underpunkter/:subPointId': [L, F, F, F, o, o],
  'POST /admin/underpunkter/:subPointId/slet': [L, F, F, F, o, o],
  'GET /admin/udvalg': [L, F, F, o, o, o],
  'GET /admin/udvalg/nyt': [L, F, F, F, F, o],
  'POST /admin/udvalg': [L, F, F, F, F, o],
  'GET /admin/udvalg/:committeeId': [L, F, F, F, o, o],
  'POST /admin/udvalg/:committeeId': [L, F, F, F, o, o],
  'POST /admin/udvalg/:committeeId/medlemskaber': [L, F, F, F, o, o],
  'GET /admin/udvalg/:committeeId/medlemskaber/:membershipId': [L, F, F, F, o, o],
  'POST /admin/udvalg/:committeeId/medlemskaber/:membershipId': [L, F, F, F, o, o],
  'GET /admin/brugere': [L, F, F, F, F, o],
  'GET /admin/brugere/ny': [L, F, F, F, F, o],
  'POST /admin/brugere': [L, F, F, F, F, o],
  'GET /admin/brugere/:userId': [L, F, F, F, F, o],
  'POST /admin/brugere/:userId': [L, F, F, F, F, o],
  'GET /assets/js/budget-table-editor.js': [o, o, o, o, o, o],
  'GET /admin/punkter/:itemId/tabeller/ny': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/tabeller': [L, F, F, F, o, o],
  'GET /admin/tabeller/:tableId': [L, F, F, F, o, o],
  'POST /admin/tabeller/:tableId': [L, F, F, F, o, o],
  'POST /admin/tabeller/:tableId/bekraeft': [L, F, F, F, o, o],
  'POST /admin/tabeller/:tableId/slet': [L, F, F, F, o, o],
  'GET /admin/punkter/:itemId/bilag': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/bilag': [L, F, F, F, o, o],
  'POST /admin/bilag/:attachmentId': [L, F, F, F, o, o],
  'POST /admin/bilag/:attachmentId/slet': [L, F, F, F, o, o],
  'GET /admin/bilag/:attachmentId/fil': [L, F, F, F, o, o],
  'GET /bilag/:attachmentId/:fileName': [o, o, o, o, o, o],
  'GET /admin/moeder/:meetingId/fremmoede': [L, F, F, F, o, o],
  'POST /admin/moeder/:meetingId/fremmoede': [L, F, F, F, o, o],
  'GET /admin/punkter/:itemId/beslutning': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/beslutning': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/afstemninger': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/afstemninger/slet': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/aendringsforslag': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/aendringsforslag/slet': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/mindretalsudtalelser': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/mindretalsudtalelser/slet': [L, F, F, F, o, o],
  'GET /mine-moeder': [L, o, o, o, o, o],
  'GET /mine-moeder/:meetingId': [L, o, F, F, o, o],
  'POST /mine-moeder/:meetingId/godkend': [L, o, F, F, o, o],
  // A remark is a member's own word: staff may read the member page but not write a remark as a member.
  'POST /mine-moeder/:meetingId/bemaerkning': [L, o, F, F, F, F],
  'GET /admin/moeder/:meetingId/godkendelse': [L, F, F, F, o, o],
  'POST /admin/moeder/:meetingId/frigiv': [L, F, F, F, o, o],
  'POST /admin/moeder/:meetingId/paamind': [L, F, F, F, o, o],
  'POST /admin/moeder/:meetingId/godkend-for': [L, F, F, F, o, o],
  'POST /admin/moeder/:meetingId/bemaerkninger/:remarkId': [L, F, F, F, o, o],
  'POST /admin/moeder/:meetingId/genaabn': [L, F, F, F, F, o],
  'GET /admin/post': [L, F, F, F, F, o],
  'GET /hoeringer': [o, o, o, o, o, o],
  'GET /hoeringer/:slug': [o, o, o, o, o, o],
  'GET /hoeringer/:slug/hoeringsnotat': [o, o, o, o, o, o],
  'GET /hoeringer/:slug/hoeringsnotat.pdf': [o, o, o, o, o, o],
  'GET /hoeringer/:slug/svar/:partyId/:fileName': [o, o, o, o, o, o],
  'GET /hoering/svar/:token': [o, o, o, o, o, o],
  'POST /hoering/svar/:token': [o, o, o, o, o, o],
  'GET /hoering/svar/:token/udkast': [o, o, o, o, o, o],
  'GET /admin/hoeringer': [L, F, F, o, o, o],
  'GET /admin/punkter/:itemId/hoeringer': [L, F, F, F, o, o],
  'GET /admin/punkter/:itemId/hoeringer/ny': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/hoeringer': [L, F, F, F, o, o],
  'GET /admin/punkter/:itemId/hoeringer/:consultationId': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/hoeringer/:consultationId/vedhaeft': [L, F, F, F, o, o],
  'GET /admin/punkter/:itemId/hoeringer/:consultationId/parter/:partyId': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/hoeringer/:consultationId/parter/:partyId/moede': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/hoeringer/:consultationId/parter/:partyId/svar': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/hoeringer/:consultationId/parter/:partyId/link': [L, F, F, F, o, o],
  'GET /admin/punkter/:itemId/hoeringer/:consultationId/parter/:partyId/fil': [L, F, F, F, o, o],
  'GET /admin/punkter/:itemId/hoeringer/:consultationId/notat': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/hoeringer/:consultationId/notat': [L, F, F, F, o, o],
  'GET /admin/punkter/:itemId/hoeringer/:consultationId/notat/parter/:partyId': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/hoeringer/:consultationId/notat/parter/:partyId/punkter': [L, F, F, F, o, o],
  'GET /admin/punkter/:itemId/hoeringer/:consultationId/notat/punkter/:pointId': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/hoeringer/:consultationId/notat/punkter/:pointId': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/hoeringer/:consultationId/notat/punkter/:pointId/flyt': [L, F, F, F, o, o],
  'POST /admin/punkter/:itemId/hoeringer/:consultationId/notat/punkter/:pointId/slet': [L, F, F, F, o, o],
  'GET /sager/:ref': [o, o, o, o, o, o],
  'GET /admin/import': [L, F, F, F, F, o],
  'POST /admin/import': [L, F, F, F, F, o],
  'GET /udvalg/:slug/bemaerkninger': [o, o, o, o, o, o],
  'GET /udvalg/:slug/aarsberetning/:year': [o, o, o, o, o, o],
  'GET /udvalg/:slug/aarsberetning/:year/aarsberetning.pdf': [o, o, o, o, o, o],
  // The advisory board's own pages: its members, its secretaries and admins. Neither demo member sits on it.
  'GET /raad/:boardId': [L, F, F, F, o, o],
  'GET /raad/:boardId/punkter/:itemId/bemaerkning': [L, F, F, F, o, o],
  'POST /raad/:boardId/punkter/:itemId/bemaerkning': [L, F, F, F, o, o],
  'GET /admin/raad/:boardId': [L, F, F, F, o, o],
  'POST /admin/raad/:boardId/foelger': [L, F, F, F, o, o],
  'POST /admin/raad/:boardId/konstituering': [L, F, F, F, o, o],
  'GET /admin/moeder/:meetingId/suppleanter': [L, F, F, F, o, o],
  'POST /admin/moeder/:meetingId/suppleanter': [L, F, F, F, o, o],
  'GET /admin/raadsbemaerkninger': [L, F, F, o, o, o],
  'GET /admin/fremmoede': [L, F, F, o, o, o],
  'GET /admin/udvalg/:committeeId/fremmoede': [L, F, F, F, o, o],
  'GET /admin/udvalg/:committeeId/aarsberetning/:year': [L, F, F, F, o, o],
  'POST /admin/udvalg/:committeeId/aarsberetning/:year': [L, F, F, F, o, o],
  'POST /admin/udvalg/:committeeId/aarsberetning/:year/offentliggoer': [L, F, F, F, o, o],
};

const key = (def: RouteDef) => `${def.method.toUpperCase()} ${def.path}`;

function classify(status: number, location: string | undefined): string {
  if ((status === 302 || status === 303) && location?.split('?')[0] === '/login') return 'login';
  if (status === 403) return 'forbidden';
  if (status >= 200 && status < 400) return 'ok';
  if ([400, 404, 409, 410, 422].includes(status)) return 'ok';
  return `unexpected ${status}`;
}

describe('the authorization matrix', () => {
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

  it('has exactly one entry per route of the route table', () => {
    const routes = defs.map(key);
    expect(routes.filter((r) => !(r in MATRIX))).toEqual([]); // a route without an entry
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([]); // an entry for a route that is gone
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('gives every role the outcome the matrix names, and the empty POSTs change nothing', async () => {
    const kfu = await t.db('committees').where({ slug: 'kultur-og-fritidsudvalget' }).first('id');
    const sus = await t.db('committees').where({ slug: 'social-og-sundhedsudvalget' }).first('id');
    // A person sitting in Kultur- og Fritidsudvalget but not in Social- og Sundhedsudvalget, without an account yet.
    const person = await t
      .db('memberships as m')
      .where('m.committee_id', kfu.id)
      .whereNotExists(t.db('memberships as s').whereRaw('s.person_id = m.person_id').where('s.committee_id', sus.id))
      .whereNotExists(t.db('users as u').whereRaw('u.person_id = m.person_id'))
      .first('m.person_id');
    expect(person).toBeDefined();
    const hash = await hashPassword('demo');
    await t.db('users').insert({ email: 'kfu-medlem@demo.test', name: 'KFU-medlem', password_hash: hash, role: 'member', person_id: person.person_id });
    const [secretary] = await t.db('users').insert({ email: 'kfu-sekretaer@demo.test', name: 'KFU-sekretær', password_hash: hash, role: 'secretary' }).returning('id');
    await t.db('user_committees').insert({ user_id: secretary.id, committee_id: kfu.id });

    const browsers: Record<Role, () => Promise<Browser>> = {
      anon: () => anonymous(app),
      member: () => loginAs(app, 'lolan.ottesen@demo.test'),
      otherMem: () => loginAs(app, 'kfu-medlem@demo.test'),
      otherSec: () => loginAs(app, 'kfu-sekretaer@demo.test'),
      secretary: () => loginAs(app, 'sekretaer@demo.test'),
      admin: () => loginAs(app, 'admin@demo.test'),
    };
    // Logging out ends the session: it goes last.
    const ordered = [...defs.filter((d) => key(d) !== 'POST /logout'), ...defs.filter((d) => key(d) === 'POST /logout')];
    const auditMax: number = (await t.db('audit_log').max<{ max: number | null }>('id as max').first())?.max ?? 0;

    const expected: string[] = [];
    const actual: string[] = [];
    let cells = 0;
    for (const [column, role] of ROLES.entries()) {
      const browser = await browsers[role]();
      for (const def of ordered) {
        const row = MATRIX[key(def)];
        if (!row) continue; // reported by the first test
        const path = fillPath(def.path, params);
        // GETs as they are; POSTs with the session's CSRF token and an empty body, so they stop at validation.
        const res = def.method === 'get' ? await browser.get(path).redirects(0) : await browser.post(path, {}).redirects(0);
        const got = classify(res.status, res.headers.location);
        expected.push(`${role} ${key(def)} → ${row[column]}`);
        actual.push(`${role} ${key(def)} → ${got}${got === row[column] ? '' : ` (status ${res.status})`}`);
        cells++;
      }
    }
    expect(actual.filter((line, i) => line !== expected[i])).toEqual([]);
    expect(cells).toBe(defs.length * ROLES.length);
    // Forms that are a single button carry nothing but the CSRF token, so an empty body is a complete
    // request for them: cancelling and reinstating a meeting, and a board's follow list. Everything else stops at validation.
    const ONE_BUTTON_ACTIONS = ['meeting.cancel', 'meeting.reinstate', 'board.follows'];
    const changes = await t.db('audit_log').where('id', '>', auditMax).pluck('action');
    expect(changes.filter((action: string) => !ONE_BUTTON_ACTIONS.includes(action))).toEqual([]);
  });
});
