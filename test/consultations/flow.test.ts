import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { fromCopenhagenLocal } from '../../src/i18n/format';
import { pageText } from '../helpers/page-text';
import { anonymous, loginAs, type Browser } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { clockApp, type ClockApp } from './clock-app';

const PDF = fs.readFileSync(path.join(__dirname, '../fixtures/attachments/minimal.pdf'));
const at = (local: string) => fromCopenhagenLocal(local);

/**
 * A consultation end to end: started from an item on 24 November 2026 with a deadline of
 * 15 December 2026 (links work 7 days longer), sent to a committee, an advisory board and
 * outside parties; answered in meetings, through private links and by letter; summarised
 * point by point and published.
 */
describe('a consultation from start to published summary', () => {
  let t: TestDb;
  let c: ClockApp;
  let secretary: Browser;
  const id = {
    origin: 0, case: 0, kmu: 0, handicap: 0, baldersbo: 0, grantoften: 0, politi: 0, boligselskab: 0,
    kmuFirst: 0, kmuSecond: 0, handicapFirst: 0, handicapChosen: 0, draft: 0, consultation: 0, kmuItem: 0, handicapItem: 0,
  };
  const tokens = { baldersbo: '', grantoften: '', politi: '' };
  let base = '';
  let slug = '';

  const committee = async (name: string) => ((await t.db('committees').where({ name }).first('id')) as { id: number }).id;
  const party = async (consultationId: number, committeeId: number) =>
    t.db('consultation_parties').where({ consultation_id: consultationId, committee_id: committeeId }).first();
  const version = async (itemId: number) => String((await t.db('agenda_items').where({ id: itemId }).first('version')).version);
  const text = (html: string) => pageText(html);

  async function meeting(committeeId: number, local: string, slugText: string): Promise<number> {
    const [row] = await t.db('meetings').insert({ committee_id: committeeId, slug: slugText, starts_at: at(local), status: 'planned', location: 'Ballerup Rådhus' }).returning('id');
    return (row as { id: number }).id;
  }

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    c = clockApp(t);
    c.setNow(at('2026-11-24T10:00'));
    secretary = await loginAs(c.app, 'sekretaer@demo.test');
    const origin = await t.db('agenda_items').where({ title: 'Plads til alle – strategi mod udsathed blandt voksne, høring' }).first('id', 'case_id');
    id.origin = origin.id;
    id.case = origin.case_id;
    id.kmu = await committee('Klima- og Miljøudvalget');
    id.handicap = await committee('Handicaprådet');
    id.baldersbo = await committee('Baldersbo');
    id.grantoften = await committee('Grantoften');
    id.politi = await committee('Lokalpoliti Ballerup');
    id.boligselskab = await committee('Ballerup Boligselskab');
    id.kmuFirst = await meeting(id.kmu, '2026-12-01T16:00', 'klima-og-miljoeudvalget-01-12-2026');
    id.kmuSecond = await meeting(id.kmu, '2026-12-10T16:00', 'klima-og-miljoeudvalget-10-12-2026');
    id.handicapFirst = await meeting(id.handicap, '2026-12-03T16:00', 'handicapraadet-03-12-2026');
    id.handicapChosen = await meeting(id.handicap, '2026-12-08T16:00', 'handicapraadet-08-12-2026');

    // The draft, uploaded to the item as a secretary does (the agenda is published: with a change note).
    const upload = await secretary.agent
      .post(`/admin/punkter/${id.origin}/bilag?_csrf=${encodeURIComponent(secretary.csrf)}`)
      .field('version', await version(id.origin))
      .field('title', 'Udkast til strategien (PDF)')
      .field('public', 'on')
      .field('recommended', 'on')
      .field('changeNote', 'Udkastet er tilføjet som fil')
      .attach('file', PDF, 'udkast.pdf');
    expect(upload.status).toBe(303);
    id.draft = (await t.db('attachments').where({ item_id: id.origin, title: 'Udkast til strategien (PDF)' }).first('id')).id;
  });
  afterAll(() => t.drop());

  const startFields = (overrides: Record<string, string | string[]> = {}) => ({
    title: 'Plads til alle – høring af udkast',
    draftAttachmentId: String(id.draft),
    startsOn: '2026-11-24',
    deadline: '2026-12-15',
    graceDays: '7',
    coverText: 'Vi hører gerne jeres bemærkninger til **udkastet**.',
    parties: [id.kmu, id.handicap, id.baldersbo, id.grantoften, id.politi, id.boligselskab].map(String),
    [`meeting_${id.kmu}`]: '',
    [`meeting_${id.handicap}`]: String(id.handicapChosen),
    ...overrides,
  });

  it('refuses an incomplete start form with 422 and the form kept, never 500', async () => {
    const page = await secretary.get(`/admin/punkter/${id.origin}/hoeringer/ny`).expect(200);
    expect(text(page.text)).toContain('Klima- og Miljøudvalget');
    expect(text(page.text)).toContain('Baldersbo (hoering@baldersbo.demo.test)');
    const none = await secretary.post(`/admin/punkter/${id.origin}/hoeringer`, startFields({ parties: [], deadline: '15-12-2026' }));
    expect(none.status).toBe(422);
    expect(none.text).toContain('<title>Fejl: ');
    expect(text(none.text)).toContain('Der er problemer');
    expect(text(none.text)).toContain('Vælg mindst én høringspart');
    expect(text(none.text)).toContain('Skriv høringsfristen som åååå-mm-dd');
    expect(none.text).toContain('value="Plads til alle – høring af udkast"');
    const odd = await secretary.post(`/admin/punkter/${id.origin}/hoeringer`, startFields({ parties: ['abc'], graceDays: ['1', '2'] }));
    expect(odd.status).toBe(422);
    const foreignMeeting = await secretary.post(`/admin/punkter/${id.origin}/hoeringer`, startFields({ [`meeting_${id.kmu}`]: String(id.handicapChosen) }));
    expect(foreignMeeting.status).toBe(422);
    expect(text(foreignMeeting.text)).toContain('Vælg et af udvalgets kommende møder');
    expect(await t.db('consultations').where({ item_id: id.origin }).first('id')).toBeUndefined();
  });

  it('starts it: items on the committee\'s next meeting and the board\'s chosen one, private links by mail', async () => {
    const res = await secretary.post(`/admin/punkter/${id.origin}/hoeringer`, startFields());
    expect(res.status).toBe(303);
    const row = await t.db('consultations').where({ item_id: id.origin }).first();
    id.consultation = row.id;
    slug = row.slug;
    base = `/admin/punkter/${id.origin}/hoeringer/${row.id}`;
    expect(res.headers.location).toBe(base);
    expect(row.case_id).toBe(id.case);

    const kmu = await party(row.id, id.kmu);
    const handicap = await party(row.id, id.handicap);
    const kmuItem = await t.db('agenda_items').where({ id: kmu.item_id }).first();
    const handicapItem = await t.db('agenda_items').where({ id: handicap.item_id }).first();
    expect(kmuItem.meeting_id).toBe(id.kmuFirst);
    expect(handicapItem.meeting_id).toBe(id.handicapChosen);
    for (const item of [kmuItem, handicapItem]) {
      expect(item.case_id).toBe(id.case);
      expect(item.title).toBe('Høring: Plads til alle – høring af udkast');
      const attachment = await t.db('attachments').where({ item_id: item.id }).first();
      expect(attachment.title).toBe('Udkast til strategien (PDF)');
      expect(attachment.storage_key).toMatch(/^[0-9a-f]{64}$/);
    }
    id.kmuItem = kmuItem.id;
    id.handicapItem = handicapItem.id;
    expect(kmu.token_hash).toBeNull();

    // Outside parties: one mail each with a link; only the SHA-256 of its token is stored.
    const mails = (await t.db('mail_outbox').where({ kind: 'consultation_invitation' }).orderBy('id').select('to_address', 'body')) as Array<{ to_address: string; body: string }>;
    expect(mails.map((m) => m.to_address).sort()).toEqual(
      ['hoering@baldersbo.demo.test', 'hoering@ballerup-boligselskab.demo.test', 'hoering@grantoften.demo.test', 'hoering@lokalpoliti-ballerup.demo.test'].sort(),
    );
    for (const [key, email] of [
      ['baldersbo', 'hoering@baldersbo.demo.test'],
      ['grantoften', 'hoering@grantoften.demo.test'],
      ['politi', 'hoering@lokalpoliti-ballerup.demo.test'],
    ] as const) {
      const mail = mails.find((m) => m.to_address === email);
      const token = /http:\/\/moedebog\.test\/hoering\/svar\/([A-Za-z0-9_-]{43})/.exec(mail?.body ?? '')?.[1];
      expect(token).toBeDefined();
      tokens[key] = token as string;
      const stored = await party(row.id, id[key]);
      expect(stored.token_hash).toBe(crypto.createHash('sha256').update(token as string).digest('hex'));
      expect(JSON.stringify(stored)).not.toContain(token);
      expect(stored.link_expires_at.toISOString()).toBe(at('2026-12-23T00:00').toISOString());
    }
    expect(mails[0]?.body).toContain('Svar senest den 15. december 2026');

    const page = text((await secretary.get(base).expect(200)).text);
    expect(page).toContain('I høring');
    expect(page).toContain('Klima- og Miljøudvalgets møde 1. december 2026, punkt 1');
    expect(page).toContain('Handicaprådets møde 8. december 2026, punkt 1');
    expect(page).toContain('Linket virker til og med 22. december 2026');
    expect(page).toContain('Afventer svar');
  });

  it('lets the committee and the board answer in their meetings: the decision is the response', async () => {
    c.setNow(at('2026-12-01T18:00'));
    await t.db('meetings').whereIn('id', [id.kmuFirst]).update({ status: 'held' });
    const kmu = await secretary.post(`/admin/punkter/${id.kmuItem}/beslutning`, {
      version: await version(id.kmuItem),
      mode: 'whole',
      phrase: 'approved_with_remarks',
      text: 'Udvalget ønsker mere fokus på netværk og på samspillet med boligselskaberne.',
    });
    expect(kmu.status).toBe(303);
    c.setNow(at('2026-12-08T18:00'));
    await t.db('meetings').whereIn('id', [id.handicapChosen]).update({ status: 'held' });
    const board = await secretary.post(`/admin/punkter/${id.handicapItem}/beslutning`, { version: await version(id.handicapItem), mode: 'whole', phrase: 'recommendation_approved', text: '' });
    expect(board.status).toBe(303);

    const kmuParty = await party(id.consultation, id.kmu);
    const page = text((await secretary.get(`${base}/parter/${kmuParty.id}`).expect(200)).text);
    expect(page).toContain('Klima- og Miljøudvalget, 1. december 2026, punkt 1');
    expect(page).toContain('Godkendt med følgende bemærkninger: Udvalget ønsker mere fokus på netværk');
    const overview = text((await secretary.get(base).expect(200)).text);
    expect(overview).toContain('Svar modtaget 1. december 2026');
    expect(overview).toContain('Svar modtaget 8. december 2026');
  });

  it('lets an outside party answer through its private link, without an account', async () => {
    c.setNow(at('2026-12-09T10:00'));
    const visitor = await anonymous(c.app);
    const form = await visitor.get(`/hoering/svar/${tokens.baldersbo}`).expect(200);
    expect(form.headers['cache-control']).toBe('private, no-store');
    expect(form.headers['referrer-policy']).toBe('no-referrer');
    expect(text(form.text)).toContain('Høringssvar fra Baldersbo');
    expect(text(form.text)).toContain('Svar senest den 15. december 2026');
    expect(form.text).not.toContain('Grantoften');
    const draft = await visitor.get(`/hoering/svar/${tokens.baldersbo}/udkast`).expect(200);
    expect(draft.headers['content-type']).toBe('application/pdf');

    const withCsrf = await anonymous(c.app);
    const page = await withCsrf.get(`/hoering/svar/${tokens.baldersbo}`).expect(200);
    const partyId = /name="party" value="(\d+)"/.exec(page.text)?.[1] as string;
    const consultationId = /name="consultation" value="(\d+)"/.exec(page.text)?.[1] as string;
    const empty = await withCsrf.post(`/hoering/svar/${tokens.baldersbo}`, { party: partyId, consultation: consultationId, sender: '', text: '' });
    expect(empty.status).toBe(422);
    expect(text(empty.text)).toContain('Skriv jeres høringssvar, eller vælg en fil med svaret');
    const answer = await withCsrf.post(`/hoering/svar/${tokens.baldersbo}`, {
      party: partyId,
      consultation: consultationId,
      sender: 'Inspektør Bo Jensen',
      text: 'Vi savner nogle håndgribelige mål i strategien.\n\nOg tanker om samarbejdet med boligselskaberne.',
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe(`/hoering/svar/${tokens.baldersbo}`);
    const receipt = text((await withCsrf.get(`/hoering/svar/${tokens.baldersbo}`).expect(200)).text);
    expect(receipt).toContain('Tak for jeres høringssvar');
    expect(receipt).toContain('Vi savner nogle håndgribelige mål i strategien.');
    const stored = await party(id.consultation, id.baldersbo);
    expect(stored.response_source).toBe('link');
    expect(stored.response_text).toBe('<p>Vi savner nogle håndgribelige mål i strategien.</p><p>Og tanker om samarbejdet med boligselskaberne.</p>');

    // Before the deadline citizens see who is consulted, not what they answered.
    const pub = text((await request(c.app).get(`/hoeringer/${slug}`).expect(200)).text);
    expect(pub).toContain('Høringssvarene offentliggøres her, når høringsfristen 15. december 2026 er udløbet');
    expect(pub).not.toContain('håndgribelige mål');
  });

  it('refuses a link for another party, for another consultation, a forged token, and after expiry until extended', async () => {
    const visitor = await anonymous(c.app);
    const page = await visitor.get(`/hoering/svar/${tokens.baldersbo}`).expect(200);
    const consultationId = /name="consultation" value="(\d+)"/.exec(page.text)?.[1] as string;
    const grantoften = await party(id.consultation, id.grantoften);

    // Baldersbo's link cannot answer for Grantoften.
    const other = await visitor.post(`/hoering/svar/${tokens.baldersbo}`, { party: String(grantoften.id), consultation: consultationId, text: 'Forfalsket svar' });
    expect(other.status).toBe(403);
    expect((await party(id.consultation, id.grantoften)).response_text).toBeNull();

    // A second consultation with Baldersbo: each link answers its own consultation only.
    const second = await secretary.post(`/admin/punkter/${id.origin}/hoeringer`, startFields({ title: 'Anden høring om boliger', parties: [String(id.baldersbo)] }));
    expect(second.status).toBe(303);
    const secondRow = await t.db('consultations').where({ title: 'Anden høring om boliger' }).first('id');
    const secondParty = await party(secondRow.id, id.baldersbo);
    const mail = await t.db('mail_outbox').where({ kind: 'consultation_invitation', to_address: 'hoering@baldersbo.demo.test' }).orderBy('id', 'desc').first('body');
    const secondToken = /\/hoering\/svar\/([A-Za-z0-9_-]{43})/.exec(mail.body)?.[1] as string;
    expect(secondToken).not.toBe(tokens.baldersbo);
    const crossed = await visitor.post(`/hoering/svar/${tokens.baldersbo}`, { party: String(secondParty.id), consultation: String(secondRow.id), text: 'Til den anden høring' });
    expect(crossed.status).toBe(403);
    const crossedBack = await visitor.post(`/hoering/svar/${secondToken}`, { party: String(secondParty.id), consultation: consultationId, text: 'Til den første høring' });
    expect(crossedBack.status).toBe(403);
    expect((await party(secondRow.id, id.baldersbo)).response_text).toBeNull();
    expect(text((await visitor.get(`/hoering/svar/${tokens.baldersbo}`).expect(200)).text)).not.toContain('Anden høring');

    // Forged and malformed tokens.
    const forged = crypto.randomBytes(32).toString('base64url');
    expect((await visitor.get(`/hoering/svar/${forged}`)).status).toBe(404);
    expect((await visitor.get('/hoering/svar/abc')).status).toBe(404);
    expect((await visitor.get(`/hoering/svar/${tokens.baldersbo.slice(0, -1)}x`)).status).toBe(404);
    expect((await visitor.post(`/hoering/svar/${forged}`, { party: String(grantoften.id), consultation: consultationId, text: 'x' })).status).toBe(404);

    // Two days after the deadline the link still works, and the answer is marked late.
    c.setNow(at('2026-12-17T12:00'));
    const late = await anonymous(c.app);
    const latePage = await late.get(`/hoering/svar/${tokens.grantoften}`).expect(200);
    expect(text(latePage.text)).toContain('Høringsfristen er udløbet');
    const lateAnswer = await late.post(`/hoering/svar/${tokens.grantoften}`, {
      party: /name="party" value="(\d+)"/.exec(latePage.text)?.[1] as string,
      consultation: consultationId,
      text: 'Grantoften bakker op om strategien.',
    });
    expect(lateAnswer.status).toBe(303);
    expect(text((await late.get(`/hoering/svar/${tokens.grantoften}`).expect(200)).text)).toContain('modtaget efter høringsfristen');

    // After the grace period the link is refused (410) until the secretariat extends it.
    c.setNow(at('2026-12-23T08:00'));
    const expired = await visitor.get(`/hoering/svar/${tokens.baldersbo}`);
    expect(expired.status).toBe(410);
    expect(text(expired.text)).toContain('Linket er udløbet');
    const baldersbo = await party(id.consultation, id.baldersbo);
    const badDate = await secretary.post(`${base}/parter/${baldersbo.id}/link`, { until: '2026-12-01', action: 'extend' });
    expect(badDate.status).toBe(422);
    const extend = await secretary.post(`${base}/parter/${baldersbo.id}/link`, { until: '2027-01-05', action: 'extend' });
    expect(extend.status).toBe(303);
    expect((await visitor.get(`/hoering/svar/${tokens.baldersbo}`)).status).toBe(200);
    expect(text((await secretary.get(`${base}/parter/${baldersbo.id}`).expect(200)).text)).toContain('Linket virker til og med 5. januar 2027');
    expect(await t.db('audit_log').where({ action: 'consultation.link_extend', entity_id: baldersbo.id }).first('id')).toBeDefined();
  });

  it('registers a response that came by letter, with its file', async () => {
    const politi = await party(id.consultation, id.politi);
    const res = await secretary.agent
      .post(`${base}/parter/${politi.id}/svar?_csrf=${encodeURIComponent(secretary.csrf)}`)
      .field('receivedOn', '2026-12-14')
      .field('sender', 'Politikommissær Lene Holm')
      .field('text', 'Vi har ingen bemærkninger.')
      .attach('file', PDF, 'brev fra politiet.pdf');
    expect(res.status).toBe(303);
    const stored = await party(id.consultation, id.politi);
    expect(stored.response_source).toBe('registered');
    expect(stored.response_file_name).toBe('brev fra politiet.pdf');
    const file = await secretary.get(`${base}/parter/${politi.id}/fil`).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    const bad = await secretary.agent
      .post(`${base}/parter/${politi.id}/svar?_csrf=${encodeURIComponent(secretary.csrf)}`)
      .field('receivedOn', 'i går')
      .field('text', 'x');
    expect(bad.status).toBe(422);
  });

  it('shows the responses publicly after the deadline, "Intet høringssvar modtaget" for the silent, and nothing of a closed item', async () => {
    // The committee's response is public with its minutes.
    await t.db('meetings').where({ id: id.kmuFirst }).update({ status: 'minutes_published' });
    const pub = await request(c.app).get(`/hoeringer/${slug}`).expect(200);
    const body = text(pub.text);
    expect(body).toContain('Vi savner nogle håndgribelige mål i strategien.');
    expect(body).toContain('1. Klima- og Miljøudvalget, 1. december 2026, punkt 1');
    expect(body).toContain('Svar modtaget 17. december 2026 (efter fristen)');
    expect(body).toContain('Svaret offentliggøres med mødets referat');
    expect(body).toMatch(/Ballerup Boligselskab\s+Intet høringssvar modtaget/);
    const fileHref = /href="(\/hoeringer\/[^"]+\/svar\/\d+\/[^"]+)"/.exec(pub.text)?.[1] as string;
    expect((await request(c.app).get(fileHref)).status).toBe(200);
    const list = await request(c.app).get('/hoeringer').expect(200);
    expect(list.text).toContain(`/hoeringer/${slug}`);

    await t.db('agenda_items').where({ id: id.origin }).update({ is_closed: true });
    try {
      expect((await request(c.app).get(`/hoeringer/${slug}`)).status).toBe(404);
      expect((await request(c.app).get(fileHref)).status).toBe(404);
      expect((await request(c.app).get('/hoeringer')).text).not.toContain(slug);
    } finally {
      await t.db('agenda_items').where({ id: id.origin }).update({ is_closed: false });
    }
  });

  it('numbers the summary per consultee and keeps numbers and references right when points move', async () => {
    const partyOf = async (committeeId: number) => (await party(id.consultation, committeeId)).id as number;
    const add = (partyId: number, fields: Record<string, string>) => secretary.post(`${base}/notat/parter/${partyId}/punkter`, { text: '', comment: '', refs: '', outcome: '', ...fields });
    const kmu = await partyOf(id.kmu);
    const handicap = await partyOf(id.handicap);
    const baldersbo = await partyOf(id.baldersbo);

    expect((await add(kmu, { text: 'Mere fokus på netværk.', comment: 'Kan imødekommes.', outcome: 'change' })).status).toBe(303);
    expect((await add(baldersbo, { text: 'Savner håndgribelige mål.', outcome: 'implementation' })).status).toBe(303);
    expect((await add(baldersbo, { text: 'Samarbejdet med boligselskaberne.', refs: '1', comment: 'Se også {3.a}.' })).status).toBe(303);
    expect((await add(handicap, { text: 'Bakker op.', refs: '3.b' })).status).toBe(303);
    const unknown = await add(handicap, { text: 'Noget andet.', comment: 'Se {9.z}.' });
    expect(unknown.status).toBe(422);
    expect(text(unknown.text)).toContain('Henvisningen {9.z} findes ikke i høringsnotatet');

    const summary = async () => text((await secretary.get(`${base}/notat`).expect(200)).text);
    let s = await summary();
    expect(s).toContain('1 Mere fokus på netværk. Kan imødekommes. Ændring foretaget');
    expect(s).toContain('2 Bakker op. Se svar under Baldersbo (3.b)');
    expect(s).toContain('3.a Savner håndgribelige mål.');
    expect(s).toContain('3.b Samarbejdet med boligselskaberne. Se svar under Klima- og Miljøudvalget (1) Se også 3.a.');
    expect(s).toContain('6 Intet høringssvar modtaget');

    // A second point for the committee: its single "1" becomes 1.a, and the reference follows.
    expect((await add(kmu, { text: 'Klimatiltag hjælper økonomien.' })).status).toBe(303);
    s = await summary();
    expect(s).toContain('1.a Mere fokus på netværk.');
    expect(s).toContain('1.b Klimatiltag hjælper økonomien.');
    expect(s).toContain('Se svar under Klima- og Miljøudvalget (1.a) Se også 3.a.');

    // Baldersbo's 3.b moves up: it becomes 3.a, and every reference to either point follows.
    const moving = (await t.db('consultation_points').where({ party_id: baldersbo, text: '<p>Samarbejdet med boligselskaberne.</p>' }).first('id')).id as number;
    expect((await secretary.post(`${base}/notat/punkter/${moving}/flyt`, { direction: 'up' })).status).toBe(303);
    s = await summary();
    expect(s).toContain('3.a Samarbejdet med boligselskaberne. Se svar under Klima- og Miljøudvalget (1.a) Se også 3.b.');
    expect(s).toContain('3.b Savner håndgribelige mål.');
    expect(s).toContain('2 Bakker op. Se svar under Baldersbo (3.a)');

    // The edit form shows references as today's numbers; a stale form is refused with 409.
    const edit = await secretary.get(`${base}/notat/punkter/${moving}`).expect(200);
    expect(edit.text).toContain('Se også {3.b}.');
    expect(edit.text).toContain('value="1.a"');
    const point = await t.db('consultation_points').where({ id: moving }).first('version');
    const saved = await secretary.post(`${base}/notat/punkter/${moving}`, { version: String(point.version), text: 'Samarbejdet med boligselskaberne.', refs: '1.a, 1.b', comment: 'Se også {3.b}.', outcome: 'implementation' });
    expect(saved.status).toBe(303);
    const stale = await secretary.post(`${base}/notat/punkter/${moving}`, { version: String(point.version), text: 'Gammel tekst', refs: '', comment: '', outcome: '' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Gammel tekst');
    s = await summary();
    expect(s).toContain('Se svar under Klima- og Miljøudvalget (1.a og 1.b) Se også 3.b. Til implementeringsfasen');

    // A point others refer to cannot be deleted.
    const referred = (await t.db('consultation_points').where({ party_id: baldersbo, text: '<p>Savner håndgribelige mål.</p>' }).first('id')).id as number;
    await secretary.post(`${base}/notat/punkter/${referred}/slet`, {}).expect(303);
    expect(await t.db('consultation_points').where({ id: referred }).first('id')).toBeDefined();
  });

  it('publishes the summary only after the deadline, as a public page with every response in full', async () => {
    const current = async () => String((await t.db('consultations').where({ id: id.consultation }).first('version')).version);
    c.setNow(at('2026-12-10T10:00'));
    const early = await secretary.post(`${base}/notat`, { version: await current(), intro: 'Opsamling.', publish: 'on' });
    expect(early.status).toBe(422);
    expect(text(early.text)).toContain('Høringsnotatet kan offentliggøres, når høringsfristen 15. december 2026 er udløbet');
    expect((await request(c.app).get(`/hoeringer/${slug}/hoeringsnotat`)).status).toBe(404);

    c.setNow(at('2026-12-18T10:00'));
    expect((await secretary.post(`${base}/notat`, { version: await current(), intro: 'Opsamling af høringssvarene.', publish: 'on' })).status).toBe(303);
    const page = await request(c.app).get(`/hoeringer/${slug}/hoeringsnotat`).expect(200);
    const s = text(page.text);
    expect(s).toContain('Opsamling af høringssvarene.');
    expect(s).toContain('1: Politiske udvalg i Ballerup Kommune');
    expect(s).toContain('2: Råd og nævn i Ballerup Kommune');
    expect(s).toContain('3-6: Eksterne interessenter');
    expect(s).toContain('3.a Samarbejdet med boligselskaberne.');
    expect(s).toContain('Høringssvar i deres helhed');
    expect(s).toContain('3. Baldersbo, 9. december 2026 Afsender: Inspektør Bo Jensen');
    expect(s).toContain('4. Grantoften, 17. december 2026 Modtaget efter fristen');
    const show = text((await request(c.app).get(`/hoeringer/${slug}`).expect(200)).text);
    expect(show).toContain('Høringsnotatet er offentliggjort');
    expect(show).toContain('Se svar under Baldersbo (3.a)');
  });
});
