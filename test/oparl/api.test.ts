import type { Express } from 'express';
import request from 'supertest';
import { shelfOf } from '../../src/modules/oparl/urls';
import { createApp } from '../../src/app';
import { createMailer } from '../../src/modules/mail/mailer';
import { isAgendaPublic, MEETING_STATUSES } from '../../src/modules/meetings/meeting-status';
import { testApp } from '../helpers/app';
import { fixedNow } from '../helpers/clock';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { API, HOST, objectsIn, oparlClient, ORIGIN, stringsIn, type Json, type OparlClient } from './client';
import { loadSchemas, schemaForType, validate, type Schema } from './schema-validator';

const OPARL_TYPES = ['System', 'Body', 'LegislativeTerm', 'Organization', 'Person', 'Membership', 'Meeting', 'AgendaItem', 'Paper', 'Consultation', 'File', 'Location'];

/** The lists a Body links to, by property. */
const BODY_LISTS = ['organization', 'person', 'meeting', 'paper', 'agendaItem', 'consultation', 'file', 'membership', 'locationList', 'legislativeTermList'];

const url = { type: 'string', format: 'url' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const stamped = { created: dateTime, modified: dateTime, deleted: { type: 'boolean' } } as const;

/** The vote extension (Popolo's Motion, VoteEvent, Vote in our namespace), as this API documents it. */
const POPOLO: Record<string, Schema> = {
  Motion: {
    type: 'object',
    required: ['id', 'type', 'agendaItem', 'organization', 'classification', 'date', 'result', 'voteEvent', 'created', 'modified', 'deleted'],
    properties: {
      id: url,
      type: { type: 'string', pattern: '^https://schema\\.moedebog\\.dk/popolo/Motion$' },
      agendaItem: url,
      organization: url,
      classification: { type: 'string' },
      recommendationPoint: { type: 'integer' },
      creator: { type: 'array', items: url },
      text: { type: 'string' },
      date: { type: 'string', format: 'date' },
      result: { type: 'string', pattern: '^(pass|fail)$' },
      voteEvent: { type: 'array', items: url },
      ...stamped,
    },
  },
  VoteEvent: {
    type: 'object',
    required: ['id', 'type', 'motion', 'agendaItem', 'organization', 'startDate', 'result', 'counts', 'votes', 'created', 'modified', 'deleted'],
    properties: {
      id: url,
      type: { type: 'string', pattern: '^https://schema\\.moedebog\\.dk/popolo/VoteEvent$' },
      motion: url,
      agendaItem: url,
      organization: url,
      startDate: dateTime,
      result: { type: 'string', pattern: '^(pass|fail)$' },
      counts: {
        type: 'array',
        items: { type: 'object', required: ['option', 'value'], properties: { option: { type: 'string', pattern: '^(yes|no|abstain)$' }, value: { type: 'integer' } } },
      },
      votes: { type: 'array', items: { type: 'object', schema: 'PopoloVote.json' } },
      ...stamped,
    },
  },
  PopoloVote: {
    type: 'object',
    required: ['id', 'type', 'voter', 'option', 'created', 'modified', 'deleted'],
    properties: {
      id: url,
      type: { type: 'string', pattern: '^https://schema\\.moedebog\\.dk/popolo/Vote$' },
      voteEvent: url,
      voter: url,
      option: { type: 'string', pattern: '^(yes|no|abstain)$' },
      party: { type: 'string' },
      ...stamped,
    },
  },
};

const schemas = new Map([...loadSchemas(), ...Object.entries(POPOLO)]);

/** Problems of an object against its type's schema; a soft-deleted object carries only id, type, created, modified and deleted. */
function problemsOf(object: Json): string[] {
  if (object.deleted === true) {
    const keys = Object.keys(object).sort();
    return keys.join(',') === 'created,deleted,id,modified,type' ? [] : [`${String(object.id)}: a deleted object has ${keys.join(', ')}`];
  }
  const popolo = typeof object.type === 'string' ? /^https:\/\/schema\.moedebog\.dk\/popolo\/(\w+)$/.exec(object.type) : null;
  const schema = popolo?.[1] ? schemas.get(popolo[1] === 'Vote' ? 'PopoloVote' : popolo[1]) : schemaForType(object.type, schemas);
  if (!schema) return [`${String(object.id)}: no schema for type ${String(object.type)}`];
  return validate(object, schema, schemas, String(object.id));
}

function expectValid(object: Json): void {
  expect(problemsOf(object)).toEqual([]);
}

const typeName = (object: Json) => String(object.type).split('/').pop();

async function publicItemIds(t: TestDb): Promise<number[]> {
  return t
    .db('agenda_items as i')
    .join('meetings as m', 'm.id', 'i.meeting_id')
    .join('committees as c', 'c.id', 'm.committee_id')
    .whereNot('c.kind', 'external_party')
    .whereIn('m.status', MEETING_STATUSES.filter(isAgendaPublic))
    .orderBy('i.id')
    .pluck('i.id');
}

describe('the OParl 1.1 API on the demo data', () => {
  let t: TestDb;
  let app: Express;
  let client: OparlClient;
  /** Every object the full crawl found in lists, by id */
  const listed = new Map<string, Json>();
  let closed: { id: number; title: string; caseNumber: string; caseTitle: string; attachmentId: number; attachmentTitle: string };

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    client = oparlClient(app);
    const item = await t.db('agenda_items as i').join('cases as cs', 'cs.id', 'i.case_id').where('i.title', 'Køb af ejendommen Lindevej 12').first('i.id', 'i.title', 'i.is_closed', 'cs.case_number', 'cs.title as caseTitle');
    expect(item.is_closed).toBe(true);
    const attachment = await t.db('attachments').where({ item_id: item.id }).first('id', 'title');
    closed = { id: item.id, title: item.title, caseNumber: item.case_number, caseTitle: item.caseTitle, attachmentId: attachment.id, attachmentTitle: attachment.title };
  });
  afterAll(() => t.drop());

  it('walks from /oparl/v1.1/system through bodies and every page of their meeting lists to every public agenda item', async () => {
    // The entry point without its ".json" leads to the system's canonical URL.
    const entry = await client.get('/oparl/v1.1/system', 301);
    expect(entry.headers.location).toBe(`${API}/system.json`);
    const system = (await client.get(entry.headers.location as string)).body;
    expectValid(system);
    expect(system.id).toBe(`${API}/system.json`);
    expect(system.oparlVersion).toBe('https://schema.oparl.org/1.1/');
    const bodies = (await client.all(String(system.body))).objects;
    expect(bodies.map((b) => b.name)).toEqual(['Ballerup Kommune', 'Albertslund Kommune']);

    const reached = new Set<string>();
    for (const body of bodies) {
      const meetings = (await client.all(`${String(body.meeting)}?limit=2`)).objects;
      for (const listedMeeting of meetings) {
        const meeting = (await client.get(String(listedMeeting.id))).body;
        for (const embedded of meeting.agendaItem as Json[]) {
          const item = (await client.get(String(embedded.id))).body;
          expect(item.meeting).toBe(meeting.id);
          reached.add(String(item.id));
        }
      }
    }
    const expected = (await publicItemIds(t)).map((id) => `${API}/agendaItem/${shelfOf(id)}/${id}.json`);
    expect(expected.length).toBeGreaterThan(50);
    expect([...reached].sort()).toEqual(expected.sort());
  });

  it('serves every object type valid against the OParl 1.1 schemas, in its lists and under its own id', async () => {
    const system = (await client.get('/oparl/v1.1/system.json')).body;
    const bodies = (await client.all(String(system.body))).objects;
    for (const body of bodies) {
      expectValid(body);
      listed.set(String(body.id), body);
      for (const list of BODY_LISTS) {
        const { objects, pages } = await client.all(`${String(body[list])}?limit=4`);
        const total = (pages[0]?.pagination as Json).totalElements;
        expect({ list, count: objects.length }).toEqual({ list, count: total });
        for (const object of objects) {
          expect(problemsOf(object)).toEqual([]);
          listed.set(String(object.id), object);
        }
      }
    }
    // Every object, embedded ones too, is valid; and the standalone object is the listed one.
    const types = new Set<string>(['System']);
    for (const [id, object] of listed) {
      const own = (await client.get(id)).body;
      expect(own).toEqual(object);
      for (const inner of objectsIn(own)) {
        expect(problemsOf(inner)).toEqual([]);
        types.add(String(typeName(inner)));
      }
    }
    expect([...types].sort()).toEqual([...OPARL_TYPES].sort());
    // Embedded objects can be fetched under their ids too.
    const meeting = [...listed.values()].find((o) => typeName(o) === 'Meeting' && o.invitation) as Json;
    const file = (await client.get(String((meeting.invitation as Json).id))).body;
    expectValid(file);
    expect(file.meeting).toEqual([meeting.id]);
    const location = (await client.get(String((meeting.location as Json).id))).body;
    expect(location.meetings).toContain(meeting.id);
  });

  it('maps the demo data as documented', async () => {
    const sus = (await t.db('committees').where({ slug: 'social-og-sundhedsudvalget' }).first('id')).id as number;
    const organization = (await client.get(`${API}/organization/${sus}.json`)).body;
    expect(organization).toMatchObject({ name: 'Social- og Sundhedsudvalget', shortName: 'SUS', classification: 'Udvalg', web: `${ORIGIN}/udvalg/social-og-sundhedsudvalget` });
    // Outside parties are not public.
    const outside = (await t.db('committees').where({ kind: 'external_party' }).first('id')).id as number;
    await client.get(`${API}/organization/${outside}.json`, 404);
    const bodyOne = (await client.get(`${API}/body/1.json`)).body;
    const organizations = (await client.all(String(bodyOne.organization))).objects;
    expect(organizations.some((o) => o.id === `${API}/organization/${outside}.json`)).toBe(false);

    const terms = (bodyOne.legislativeTerm as Json[]).map((x) => [x.startDate, x.endDate]);
    expect(terms).toEqual(expect.arrayContaining([['2018-01-01', '2021-12-31'], ['2022-01-01', '2025-12-31']]));

    const people = (await client.all(String(bodyOne.person))).objects;
    const roles = new Set(people.flatMap((p) => (p.membership as Json[]).map((m) => m.role)));
    expect([...roles]).toEqual(expect.arrayContaining(['Formand', 'Medlem', 'Næstformand']));
    expect([...roles].every((r) => ['Formand', 'Næstformand', 'Medlem', 'Suppleant'].includes(String(r)))).toBe(true);
    const seat = (people.find((p) => p.name === 'Kåre Harder Olesen')?.membership as Json[])[0];
    expect(seat).toMatchObject({ 'moedebog:party': 'V', votingRight: true, startDate: '2018-01-01', endDate: '2021-12-31' });
    const albertslund = (await client.all(`${API}/body/2/membership.json`)).objects;
    expect(albertslund.find((m) => m.role === 'Suppleant')).toMatchObject({ votingRight: false });

    const seed = await t.db('meetings').where({ slug: 'social-og-sundhedsudvalget-06-04-2021' }).first('id');
    const meeting = (await client.get(`${API}/meeting/${shelfOf(seed.id)}/${seed.id}.json`)).body;
    expect(meeting).toMatchObject({
      name: 'Social- og Sundhedsudvalget, møde 6. april 2021',
      start: '2021-04-06T14:00:00+02:00',
      cancelled: false,
      meetingState: 'Referat offentliggjort',
      web: `${ORIGIN}/dagsorden/social-og-sundhedsudvalget-06-04-2021`,
      location: { description: 'Mødelokale 1, Ballerup Rådhus' },
      resultsProtocol: { accessUrl: `${ORIGIN}/dagsorden/social-og-sundhedsudvalget-06-04-2021/referat.pdf` },
    });
    expect((meeting.participant as string[]).length).toBeGreaterThan(5);
    const items = meeting.agendaItem as Json[];
    expect(items.map((i) => i.order)).toEqual(items.map((_i, n) => n));
    const health = items.find((i) => i.name === 'Sundhedspolitik') as Json;
    expect(health).toMatchObject({ number: '14', public: true, web: `${ORIGIN}/dagsorden/social-og-sundhedsudvalget-06-04-2021/punkt-14` });
    expect(health.resolutionText).toContain('Indstillingens punkt 1: Godkendt med følgende ændring');
    expect(health.resolutionText).toContain('Kåre Harder Olesen (V)');
    expect(String(health.resolutionText)).not.toMatch(/<\w+/);

    // A paper is a case; its consultations are the items on it, authoritative where the deciding committee met.
    const paper = (await client.get(String((await client.get(String(health.consultation))).body.paper))).body;
    const caseId = (await t.db('cases').where({ case_number: '29.00.00-A00-1-20' }).first('id')).id as number;
    expect(paper).toMatchObject({ id: `${API}/paper/${shelfOf(caseId)}/${caseId}.json`, name: 'Sundhedspolitik for Ballerup Kommune', reference: '29.00.00-A00-1-20', paperType: 'Sag', web: `${ORIGIN}/sager/${caseId}` });
    const consultations = paper.consultation as Json[];
    expect(consultations.map((c) => c.agendaItem)).toContain(health.id);
    expect(consultations.find((c) => c.agendaItem === health.id)).toMatchObject({ authoritative: true, role: 'Beslutning', meeting: meeting.id });

    // An agenda without minutes: no decisions.
    const upcoming = (await t.db('meetings').where({ status: 'agenda_published' }).first('id')).id as number;
    const agenda = (await client.get(`${API}/meeting/${shelfOf(upcoming)}/${upcoming}.json`)).body;
    expect(agenda.resultsProtocol).toBeUndefined();
    expect(agenda.participant).toBeUndefined();
    expect((agenda.agendaItem as Json[]).every((i) => i.resolutionText === undefined)).toBe(true);
  });

  it('models named votes on Popolo: the item links its motions, each with its vote events and votes', async () => {
    const item = await t.db('agenda_items as i').join('meetings as m', 'm.id', 'i.meeting_id').where({ 'm.slug': 'social-og-sundhedsudvalget-06-04-2021', 'i.number': 14 }).first('i.id');
    const agendaItem = (await client.get(`${API}/agendaItem/${shelfOf(item.id)}/${item.id}.json`)).body;
    const motions = agendaItem['moedebog:motion'] as string[];
    expect(motions).toHaveLength(1);
    const motion = (await client.get(motions[0] as string)).body;
    expectValid(motion);
    expect(motion).toMatchObject({ agendaItem: agendaItem.id, classification: 'Ændringsforslag', recommendationPoint: 1, result: 'fail', date: '2021-04-06' });
    expect(String(motion.text)).toContain('Omskæring har omfattende negative konsekvenser');
    for (const creator of motion.creator as string[]) expectValid((await client.get(creator)).body);

    const event = (await client.get((motion.voteEvent as string[])[0] as string)).body;
    expectValid(event);
    expect(event.motion).toBe(motion.id);
    const ballots = await t.db('vote_ballots as b').join('votes as v', 'v.id', 'b.vote_id').where('v.item_id', item.id).select('b.choice');
    const count = (choice: string) => ballots.filter((b: { choice: string }) => b.choice === choice).length;
    expect(event.counts).toEqual([
      { option: 'yes', value: count('for') },
      { option: 'no', value: count('against') },
      { option: 'abstain', value: count('abstain') },
    ]);
    const votes = event.votes as Json[];
    expect(votes).toHaveLength(ballots.length);
    const standalone = (await client.get(String(votes[0]?.id))).body;
    expectValid(standalone);
    expect(standalone).toEqual({ ...votes[0], voteEvent: event.id });
    for (const vote of votes) expectValid((await client.get(String(vote.voter))).body);
    expect(votes.map((v) => v.party)).toContain('V');
  });

  it('paginates with stable order and links that keep the filters and the page size', async () => {
    const first = (await client.get(`${API}/body/1/meeting.json?limit=2`)).body;
    const pagination = first.pagination as Json;
    const total = pagination.totalElements as number;
    expect(pagination).toEqual({ totalElements: total, elementsPerPage: 2, currentPage: 1, totalPages: Math.ceil(total / 2) });
    const links = first.links as Record<string, string>;
    expect(links.first).toBe(`${API}/body/1/meeting.json?limit=2`);
    expect(links.self).toBe(links.first);
    expect(links.prev).toBeUndefined();
    expect(links.last).toBe(`${API}/body/1/meeting/page-${Math.ceil(total / 2)}.json?limit=2`);

    const { pages, objects } = await client.all(`${API}/body/1/meeting.json?limit=2`);
    expect(pages.map((p) => (p.pagination as Json).currentPage)).toEqual(pages.map((_p, i) => i + 1));
    expect(pages.slice(0, -1).every((p) => (p.data as Json[]).length === 2)).toBe(true);
    expect((pages.at(-1)?.links as Json).next).toBeUndefined();
    expect((pages.at(-1)?.links as Json).self).toBe(links.last);
    expect(((pages[1]?.links as Json).prev as string)).toBe(links.first);
    const ids = objects.map((o) => Number(/\/(\d+)\.json$/.exec(String(o.id))?.[1]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(total);

    // The filters travel with every link.
    const filtered = (await client.get(`${API}/body/1/meeting.json?limit=2&created_since=2000-01-01T00%3A00%3A00%2B01%3A00`)).body;
    expect((filtered.links as Record<string, string>).next).toBe(`${API}/body/1/meeting/page-2.json?created_since=1999-12-31T23%3A00%3A00.000Z&limit=2`);

    // Each page has one URL: "page-1" is the list itself, a page number has no leading zero,
    // and the query-string form of a page leads to the page's path, keeping the filters.
    expect((await client.get(`${API}/body/1/meeting/page-1.json?limit=2`, 301)).headers.location).toBe(links.first);
    expect((await client.get(`${API}/body/1/meeting.json?limit=2&page=2`, 301)).headers.location).toBe(`${API}/body/1/meeting/page-2.json?limit=2`);
    expect((await client.get(`${API}/body/1/meeting/page-3.json?page=1&limit=2`, 301)).headers.location).toBe(links.first);
    await client.get(`${API}/body/1/meeting/page-02.json?limit=2`, 404);
    await client.get(`${API}/body/1/meeting/page-x.json`, 404);
    await client.get(`${API}/body/999/meeting/page-2.json`, 404);
    // Past the last page there is no page; an empty list still has its first.
    await client.get(`${API}/body/1/meeting/page-${Math.ceil(total / 2) + 1}.json?limit=2`, 404);
    const none = (await client.get(`${API}/body/1/meeting.json?created_since=2999-01-01T00%3A00%3A00Z`)).body;
    expect(none).toMatchObject({ data: [], pagination: { totalElements: 0, currentPage: 1, totalPages: 1 } });
    expect((none.links as Json).next).toBeUndefined();
    // The server caps the page size.
    expect(((await client.get(`${API}/body/1/agendaItem.json?limit=100000`)).body.pagination as Json).elementsPerPage).toBe(500);
    expect(((await client.get(`${API}/body/1/agendaItem.json`)).body.pagination as Json).elementsPerPage).toBe(100);
  });

  it('filters lists by created and modified times, and refuses a malformed time with a JSON 400', async () => {
    const all = (await client.get(`${API}/body/1/agendaItem.json?limit=500`)).body;
    const total = (all.pagination as Json).totalElements;
    expect(((await client.get(`${API}/body/1/agendaItem.json?modified_since=2999-01-01T00:00:00Z`)).body.pagination as Json).totalElements).toBe(0);
    expect(((await client.get(`${API}/body/1/agendaItem.json?created_until=1999-01-01T00:00:00Z`)).body.pagination as Json).totalElements).toBe(0);
    expect(((await client.get(`${API}/body/1/agendaItem.json?created_since=1999-01-01T00:00:00%2B01:00&modified_until=2999-01-01T00:00:00Z`)).body.pagination as Json).totalElements).toBe(total);
    for (const bad of ['modified_since=i%20g%C3%A5r', 'created_since=2021-04-06', 'modified_until=2021-04-06T14:00:00', 'limit=0', 'page=-1']) {
      const res = await client.get(`${API}/body/1/meeting.json?${bad}`, 400);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect((res.body.error as Json).code).toBe('bad_parameter');
    }
  });

  it('never shows anything of a closed item but its number and a neutral name', async () => {
    // Fetched everything above; now the closed item and its neighbours directly.
    const item = (await client.get(`${API}/agendaItem/${shelfOf(closed.id)}/${closed.id}.json`)).body;
    expect(Object.keys(item).sort()).toEqual(['created', 'deleted', 'id', 'meeting', 'modified', 'name', 'number', 'order', 'public', 'type']);
    expect(item).toMatchObject({ name: 'Lukket punkt', public: false, number: '3' });
    await client.get(`${API}/consultation/${shelfOf(closed.id)}/${closed.id}.json`, 404);
    await client.get(`${API}/file/${shelfOf(closed.attachmentId)}/${closed.attachmentId}.json`, 404);
    const caseId = (await t.db('agenda_items').where({ id: closed.id }).first('case_id')).case_id as number;
    await client.get(`${API}/paper/${shelfOf(caseId)}/${caseId}.json`, 404);
    expect(client.seen.length).toBeGreaterThan(300);
    const served = client.seen.join('\n');
    for (const secret of [closed.title, 'Lindevej', '14,5', closed.caseNumber, closed.caseTitle, closed.attachmentTitle, 'Center for Ejendomme']) {
      expect({ secret, found: served.includes(secret) }).toEqual({ secret, found: false });
    }
  });

  it('answers in JSON with CORS, and builds every URL from the request host', async () => {
    const res = await client.get(`${API}/body/1.json`);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const missing = await client.get(`${API}/meeting/9999/999999.json`, 404);
    expect(missing.headers['access-control-allow-origin']).toBe('*');
    expect(missing.body).toEqual({ error: { code: 'not_found', message: 'Objektet findes ikke.' } });
    await client.get(`${API}/ingen-saadan-liste.json`, 404);
    await client.get(`${API}/ingen-saadan-liste`, 404);
    await client.get(`${API}/meeting/abc.json`, 404);
    await client.get(`${API}/meeting/1.0.json`, 404);
    await client.get(`${API}/body/1/meeting/2.json`, 404);
    await client.get(`${API}/body.json/1.json`, 404);
    // Without the ".json" an object or list leads (301) to its URL, with the query string.
    const bare = await client.get(`${API}/body/1/meeting?limit=2`, 301);
    expect(bare.headers.location).toBe(`${API}/body/1/meeting.json?limit=2`);
    expect(bare.headers['access-control-allow-origin']).toBe('*');
    expect((await client.get(`${API}/agendaItem/1`, 301)).headers.location).toBe(`${API}/agendaItem/1.json`);

    const urls = client.seen.flatMap((text) => stringsIn(JSON.parse(text))).filter((s) => /^https?:\/\//.test(s));
    expect(urls.length).toBeGreaterThan(1000);
    const foreign = urls.filter((u) => !u.startsWith(`${ORIGIN}/`) && !u.startsWith('https://schema.oparl.org/1.1/') && !u.startsWith('https://schema.moedebog.dk/popolo/'));
    expect(foreign).toEqual([]);
    expect(urls.some((u) => u.includes('localhost') || u.includes('127.0.0.1'))).toBe(false);

    // Behind a local proxy (trust proxy is loopback) the visitor's protocol and host count.
    const proxied = await request(app).get('/oparl/v1.1/system.json').set('Host', '127.0.0.1').set('X-Forwarded-Host', HOST).set('X-Forwarded-Proto', 'https');
    expect(proxied.body.id).toBe(`https://${HOST}/oparl/v1.1/system.json`);
    const other = await request(app).get('/oparl/v1.1/body/1.json').set('Host', 'moeder.albertslund.dk:8080');
    expect(other.body.id).toBe('http://moeder.albertslund.dk:8080/oparl/v1.1/body/1.json');
    // /oparl/v1.1 leads to the system.
    const entry = await request(app).get('/oparl/v1.1').set('Host', HOST);
    expect(entry.status).toBe(301);
    expect(entry.headers.location).toBe(`${API}/system.json`);
  });

  it('uses the configured public base URL for its ids when one is set', async () => {
    const configured = createApp({
      config: { env: 'test', siteName: 'Ballerups mødebog', accessibilityStatementUrl: 'https://www.was.digst.dk/', publicBaseUrl: 'https://dagsordener.ballerup.dk' },
      db: t.db,
      session: (_req, _res, next) => next(),
      files: { dir: '/nonexistent', maxBytes: 1 },
      mailer: createMailer({ smtpUrl: undefined, from: 'x <x@x.invalid>', baseUrl: 'https://dagsordener.ballerup.dk' }),
      now: fixedNow,
      log: () => undefined,
    });
    const system = (await request(configured).get('/oparl/v1.1/system.json').set('Host', HOST).expect(200)).body as Json;
    expect(system).toMatchObject({ id: 'https://dagsordener.ballerup.dk/oparl/v1.1/system.json', name: 'Ballerups mødebog', body: 'https://dagsordener.ballerup.dk/oparl/v1.1/body.json' });
    // Redirects lead to the canonical URL, on the configured host.
    expect((await request(configured).get('/oparl/v1.1').set('Host', HOST).expect(301)).headers.location).toBe('https://dagsordener.ballerup.dk/oparl/v1.1/system.json');
    // Without the PDF service there are no PDF files.
    const meeting = (await request(configured).get('/oparl/v1.1/meeting/0/1.json').expect(200)).body as Json;
    expect(meeting.invitation).toBeUndefined();
    expect(meeting.id).toBe('https://dagsordener.ballerup.dk/oparl/v1.1/meeting/0/1.json');
    // A numbered object sits on its number's shelf of a hundred: the form without a shelf leads there, another shelf is not found.
    expect((await request(configured).get('/oparl/v1.1/meeting/1.json?x=1').expect(301)).headers.location).toBe('https://dagsordener.ballerup.dk/oparl/v1.1/meeting/0/1.json?x=1');
    expect((await request(configured).get('/oparl/v1.1/vote/3/9.json').expect(301)).headers.location).toBe('https://dagsordener.ballerup.dk/oparl/v1.1/vote/0/3/9.json');
    expect((await request(configured).get('/oparl/v1.1/file/referat-1.json').expect(301)).headers.location).toBe('https://dagsordener.ballerup.dk/oparl/v1.1/file/0/referat-1.json');
    expect((await request(configured).get('/oparl/v1.1/meeting/1/1.json').expect(404)).body).toMatchObject({ error: { code: 'not_found' } });
    // Only checked parts are sent back in a Location: a vote whose person is no id is not found (the fuzz test sent 10 KB of text there).
    expect((await request(configured).get(`/oparl/v1.1/vote/3/${'x'.repeat(10_000)}.json`).expect(404)).headers.location).toBeUndefined();
  });
});
