import type { Express } from 'express';
import request from 'supertest';
import { fromCopenhagenLocal } from '../../src/i18n/format';
import { testApp } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

const SEED_MEETING = '/dagsorden/social-og-sundhedsudvalget-06-04-2021';
const STRATEGY = '27.00.00-A00-9-22';

/** The case page /sager/<id or case number>: the story of a case across meetings, and its process plan. */
describe('the case page', () => {
  let t: TestDb;
  let app: Express;
  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
  });
  afterAll(() => t.drop());

  it('shows every earlier treatment of the seed meeting\'s cases, linked, with decisions once the minutes are public', async () => {
    const meeting = await request(app).get(SEED_MEETING).expect(200);
    const articles = meeting.text.split('<article class="agenda-item"').slice(1);
    let checked = 0;
    for (const article of articles) {
      const caseHref = /href="(\/sager\/\d+)"/.exec(article)?.[1];
      if (!caseHref) continue;
      const permalink = /<h2[^>]*><a href="([^"]+)"/.exec(article)?.[1] as string;
      const earlier = [...(article.split('Tidligere behandling')[1]?.split('</ul>')[0] ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1] as string);
      const page = await request(app).get(caseHref).expect(200);
      for (const href of [permalink, ...earlier]) expect({ caseHref, href, found: page.text.includes(`href="${href}"`) }).toEqual({ caseHref, href, found: true });
      if (earlier.length > 0) checked++;
    }
    // Several of seed 003's cases have been treated before (e.g. the health policy, postponed from 2 March 2021).
    expect(checked).toBeGreaterThanOrEqual(5);

    const number = (await t.db('cases').where({ title: 'Sundhedspolitik for Ballerup Kommune' }).first('id', 'case_number')) as { id: number; case_number: string };
    const byNumber = await request(app).get(`/sager/${number.case_number}`).expect(200);
    const byId = await request(app).get(`/sager/${number.id}`).expect(200);
    expect(pageText(byNumber.text)).toEqual(pageText(byId.text));
    const text = pageText(byNumber.text);
    expect(text).toContain(`Sag ${number.case_number}`);
    expect(text).toContain('2. marts 2021 · Social- og Sundhedsudvalget');
    expect(text).toContain('6. april 2021 · Social- og Sundhedsudvalget Punkt 14 Sundhedspolitik');
    expect(text).toContain('Beslutning:');
  });

  it('shows the strategy case\'s process plan: held steps linked to their items, the others planned', async () => {
    const page = await request(app).get(`/sager/${STRATEGY}`).expect(200);
    const text = pageText(page.text);
    expect(text).toContain('Plads til alle – Ballerup Kommunes strategi mod udsathed blandt voksne (2022-2029)');
    expect(text).toContain('Procesplan');
    expect(text).toContain('20.-21. maj 2022 Seminar (8-12)');
    expect(text).toContain('31. maj 2022 Socialudvalgsmøde Socialudvalget Drøfter/justerer administrationens opsamling på pointer fra seminar');
    expect(text).toContain('Behandlet: Socialudvalget 31. maj 2022, punkt 2');
    expect(text).toContain('Behandlet: Socialudvalget 4. oktober 2022, punkt 2');
    expect(text).toContain('Behandlet: Socialudvalget 29. november 2022, punkt 2');
    // The plan said 8 November for sending it out; it went out on 4 October (seed 000's period starts 7 October).
    expect(text).toMatch(/8\. november 2022 Socialudvalgsmøde Socialudvalget Strategien godkendes og sendes til høring [^]*?Ikke behandlet på den planlagte dato/);
    expect(page.text).toMatch(/href="\/dagsorden\/socialudvalget-04-10-2022\/punkt-2"/);
    // Its consultation and the consultees' items are part of the story.
    expect(text).toContain('25. oktober 2022 · Økonomiudvalget Punkt 7 Høring: Plads til alle');
    expect(page.text).toContain('href="/hoeringer/plads-til-alle-ballerup-kommunes-strategi-mod-udsathed-blandt-voksne-2022-2029"');

    // A step ahead is planned until the case is on that committee's agenda that day, then linked.
    const strategy = await t.db('cases').where({ case_number: STRATEGY }).first('id');
    const sou = await t.db('committees').where({ name: 'Socialudvalget' }).first('id');
    await t.db('case_process_steps').insert({ case_id: strategy.id, position: 99, planned_on: '2027-03-02', committee_id: sou.id, title: 'Socialudvalgsmøde', description: '<ul><li>Status på implementeringen</li></ul>' });
    let text2 = pageText((await request(app).get(`/sager/${STRATEGY}`).expect(200)).text);
    expect(text2).toMatch(/2\. marts 2027 Socialudvalgsmøde Socialudvalget Status på implementeringen Planlagt/);
    const [meeting] = await t.db('meetings').insert({ committee_id: sou.id, slug: 'socialudvalget-02-03-2027', starts_at: fromCopenhagenLocal('2027-03-02T16:00'), status: 'planned' }).returning('id');
    await t.db('agenda_items').insert({ meeting_id: meeting.id, number: 3, position: 1, title: 'Udsattestrategien – status på implementeringen', case_id: strategy.id });
    // Not yet on a published agenda: still planned, and nothing of the draft agenda shows.
    text2 = pageText((await request(app).get(`/sager/${STRATEGY}`).expect(200)).text);
    expect(text2).toMatch(/Status på implementeringen Planlagt/);
    expect(text2).not.toContain('status på implementeringen');
    await t.db('meetings').where({ id: meeting.id }).update({ status: 'agenda_published' });
    const held = await request(app).get(`/sager/${STRATEGY}`).expect(200);
    expect(pageText(held.text)).toContain('Behandlet: Socialudvalget 2. marts 2027, punkt 3');
    expect(pageText(held.text)).toContain('2. marts 2027 · Socialudvalget Kommende Punkt 3 Udsattestrategien – status på implementeringen');
    expect(held.text).toContain('href="/dagsorden/socialudvalget-02-03-2027/punkt-3"');
  });

  it('does not exist for a case known only from a closed item, and refuses odd references', async () => {
    const closed = await t.db('cases').where({ title: 'Køb af ejendommen Lindevej 12' }).first('id', 'case_number');
    for (const ref of [closed.case_number, String(closed.id)]) {
      const res = await request(app).get(`/sager/${ref}`);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('Lindevej');
    }
    for (const ref of ['abc', '0', '99999999999', '..', '%2e%2e%2Fadmin', 'a'.repeat(200), "27.00.00-A00-9-22'--"]) {
      expect({ ref, status: (await request(app).get(`/sager/${ref}`)).status }).toEqual({ ref, status: 404 });
    }
  });
});
