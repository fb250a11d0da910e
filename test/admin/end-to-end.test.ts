import request from 'supertest';
import { testApp } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { seedFields } from '../helpers/seed-table-form';
import { loginAs } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

const MEMBERS = ['lolan.ottesen', 'kaare.harder.olesen', 'dennis.soerensen', 'maria.lundahl.assov', 'jack.noer', 'ali.abbasi', 'birgitte.dahl'];
const TITLE = 'Regnskab 2020 på bevillingsrammerne under Social- og Sundhedsudvalget';
const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
const idOf = (location: string | undefined) => Number(/(\d+)$/.exec(location ?? '')?.[1]);

/**
 * Issue 3's "done when", as people do it: a secretary builds punkt 2 of seed 003 on an
 * empty meeting through the admin pages (texts, budget table, indstilling), publishes
 * the agenda, records "Indstillingen godkendt"; the members approve the minutes; the
 * public page shows the decision; and the case sent on to Økonomiudvalget shows
 * "Tidligere behandling" there without anyone typing it.
 */
describe('from an empty meeting to a published decision and a case sent on', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await cloneDemoDatabase();
  });
  afterAll(() => t.drop());

  it('works end to end through HTTP', async () => {
    const app = testApp(t);
    const secretary = await loginAs(app, 'sekretaer@demo.test');
    const sus = (await t.db('committees').where({ slug: 'social-og-sundhedsudvalget' }).first('id')).id;
    const oeu = (await t.db('committees').where({ slug: 'oekonomiudvalget' }).first('id')).id;

    const meetingId = idOf((await secretary.post(`/admin/udvalg/${sus}/moeder`, { date: '2027-04-06', startTime: '14:00', location: 'Mødelokale 1, Ballerup Rådhus' }).expect(303)).headers.location);
    const itemId = idOf((await secretary.post(`/admin/moeder/${meetingId}/punkter`, { title: TITLE, kind: 'regular', caseTitle: TITLE }).expect(303)).headers.location);

    const tableForm = await secretary.get(`/admin/punkter/${itemId}/tabeller/ny`).expect(200);
    const tableId = idOf((await secretary.post(`/admin/punkter/${itemId}/tabeller`, seedFields(versionOn(tableForm.text))).expect(303)).headers.location);

    const form = await secretary.get(`/admin/punkter/${itemId}`).expect(200);
    const caseNumber = /name="caseNumber"[^>]*value="([^"]*)"/.exec(form.text)?.[1] ?? '';
    await secretary
      .post(`/admin/punkter/${itemId}`, {
        version: versionOn(form.text),
        title: TITLE,
        caseNumber,
        caseTitle: TITLE,
        summary: 'Social- og Sundhedsudvalgets regnskab for 2020 på udvalgets bevillingsrammer forelægges til behandling.',
        casePresentation: 'Oversigt over budget og regnskabets resultat, fordelt på de enkelte bevillingsrammer:\n\n[tabel 1]',
        decidedBy: String(sus),
        recommendationBy: 'Center for Voksne og Sundhed',
        points: '1. Regnskab 2020 på bevillingsrammerne under Social- og Sundhedsudvalget indgår som en del af Ballerup Kommunes samlede årsregnskab for 2020, der forelægges Økonomiudvalget og Kommunalbestyrelsen.',
      })
      .expect(303);

    // The document's own numbers disagree with its formulas: publishing waits for the secretary's confirmation.
    await secretary.post(`/admin/moeder/${meetingId}/offentliggoer`).expect(303);
    expect((await t.db('meetings').where({ id: meetingId }).first('status')).status).toBe('planned');
    const tablePage = await secretary.get(`/admin/tabeller/${tableId}`).expect(200);
    await secretary.post(`/admin/tabeller/${tableId}/bekraeft`, { hash: /name="hash" value="([0-9a-f]+)"/.exec(tablePage.text)?.[1] ?? '' }).expect(303);
    await secretary.post(`/admin/moeder/${meetingId}/offentliggoer`).expect(303);

    const agenda = pageText((await request(app).get('/dagsorden/social-og-sundhedsudvalget-06-04-2027').expect(200)).text);
    expect(agenda).toContain('Dagsorden Social- og Sundhedsudvalget');
    expect(agenda).toContain(`Punkt 1 ${TITLE}`);
    expect(agenda).toContain('I alt 1.177.788 1.191.649 1.184.987 -6.662 11.463 4.801');
    expect(agenda).not.toContain('Indstillingen godkendt');

    // The meeting is held; the secretary records attendance and the decision.
    await secretary.post(`/admin/moeder/${meetingId}/status`, { to: 'held' }).expect(303);
    const attendance = await secretary.get(`/admin/moeder/${meetingId}/fremmoede`).expect(200);
    const fields: Record<string, string> = { version: versionOn(attendance.text) };
    for (const m of attendance.text.matchAll(/name="status_(\d+)"/g)) Object.assign(fields, { [`status_${m[1]}`]: 'present', [`reason_${m[1]}`]: '', [`substitute_${m[1]}`]: '' });
    await secretary.post(`/admin/moeder/${meetingId}/fremmoede`, fields).expect(303);
    const decision = await secretary.get(`/admin/punkter/${itemId}/beslutning`).expect(200);
    await secretary.post(`/admin/punkter/${itemId}/beslutning`, { version: versionOn(decision.text), mode: 'whole', phrase: 'recommendation_approved' }).expect(303);

    // Send the case on to Økonomiudvalget's next meeting.
    const oeuMeeting = idOf((await secretary.post(`/admin/udvalg/${oeu}/moeder`, { date: '2027-04-20', startTime: '16:00' }).expect(303)).headers.location);
    await secretary.post(`/admin/punkter/${itemId}/send-videre`, { meetingId: String(oeuMeeting), mode: 'send' }).expect(303);

    // Minutes: draft, released, approved by every member who sat in the meeting.
    await secretary.post(`/admin/moeder/${meetingId}/status`, { to: 'minutes_draft' }).expect(303);
    await secretary.post(`/admin/moeder/${meetingId}/frigiv`).expect(303);
    for (const m of MEMBERS) {
      const member = await loginAs(app, `${m}@demo.test`);
      const page = await member.get(`/mine-moeder/${meetingId}`).expect(200);
      await member.post(`/mine-moeder/${meetingId}/godkend`, { hash: /name="hash" value="([0-9a-f]{64})"/.exec(page.text)?.[1] ?? '' }).expect(303);
    }

    const minutes = pageText((await request(app).get('/dagsorden/social-og-sundhedsudvalget-06-04-2027').expect(200)).text);
    expect(minutes).toContain('Referat Social- og Sundhedsudvalget');
    expect(minutes).toContain('Beslutning Indstillingen godkendt.');
    expect(minutes).toContain('Referatet er godkendt');

    await secretary.post(`/admin/moeder/${oeuMeeting}/offentliggoer`).expect(303);
    const oeuPage = pageText((await request(app).get('/dagsorden/oekonomiudvalget-20-04-2027').expect(200)).text);
    expect(oeuPage).toContain('Tidligere behandling Social- og Sundhedsudvalget den 6. april 2027 Punkt 1');
    expect(oeuPage).toContain('I alt 1.177.788');
  });
});
