import type { Express } from 'express';
import request from 'supertest';
import { fromCopenhagenLocal } from '../../src/i18n/format';
import { testApp } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { pdfText } from '../helpers/pdf';
import { loginAs, type Browser } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

/**
 * Issue 8, item 4: the annual report of seed 004, generated from the demo data, as a page
 * and a PDF; its editable texts; nothing of a closed item in it.
 */
describe('the annual report', () => {
  let t: TestDb;
  let app: Express;
  let secretary: Browser;
  let boardId: number;
  const PAGE = '/udvalg/udsatteraadet/aarsberetning/2018';

  /** What seed 004 says, as the report must say it. */
  const FACTS = [
    'Årsberetning 2018 for Udsatterådet',
    'Rådet har holdt 5 møder i 2018.',
    'Jette Møller, formand',
    'Per Holm Larsen, næstformand',
    'Bente Nielsen, personlig suppleant for Jette Møller, uden stemmeret',
    'I 2018 er 4 suppleanter udtrådt.',
    'Udtrådt: Allan Hansen (personlig suppleant for Kim Andersen) og Susanne Lund (personlig suppleant for Tina Rasmussen).',
    'Jette Møller blev valgt som formand og Per Holm Larsen som næstformand.',
    'suppleanterne inviteres til alle møder og deltager på lige fod med medlemmerne, dog uden stemmeret',
    'Kommentarer 20. august 2018 til Social- og Sundhedsudvalget',
    'Udsatterådet har følgende kommentarer til dagsorden for mødet i Social- og Sundhedsudvalget den 20. august 2018:',
    'Punkt 3. SUS/ØU/KB – Udarbejdelse af ny Sundhedspolitik 2018',
    'Udsatterådet anbefaler at rapporten Susy Udsat 2017 indgår',
    'Kommentarer 22. august 2018 til Børne- og Skoleudvalget',
    'Kommentarer 27. august 2018 til Erhvervs- og Beskæftigelsesudvalget',
    'Punkt 7. EBU – Orientering fra By, Kultur, Miljø & Beskæftigelse',
    'Rådet valgte Jette Møller som formand og Per Holm Larsen som næstformand.',
    'Kommunalbestyrelsen i Albertslund Kommune godkendte den 22. juni 2017 at nedsætte et Udsatteråd',
    'Deltagelse i temadage, konferencer mv.',
  ];
  const CLOSED = ['Ansøgning om særlig støtte i en enkeltsag', 'Henvendelse fra en borger', 'Rådet drøftede henvendelsen'];

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    boardId = ((await t.db('committees').where({ slug: 'udsatteraadet' }).first('id')) as { id: number }).id;
    secretary = await loginAs(app, 'sekretaer@demo.test');
  });
  afterAll(() => t.drop());

  it('is public at /udvalg/<slug>/aarsberetning/2018 and says what seed 004 says, from the data', async () => {
    const res = await request(app).get(PAGE).expect(200);
    const text = pageText(res.text);
    for (const fact of FACTS) expect(text).toContain(fact);
    // The five meetings with their attendance: 15 at the constituting meeting, then about half.
    expect(text).toContain('17. april 2018 15 af 15 10 af 10 5 uden stemmeret');
    expect(text).toContain('12. juni 2018 7 af 15 6 af 10 1 i et medlems sted');
    expect(text).toContain('4. september 2018 8 af 15');
    expect(text).toContain('9. oktober 2018 7 af 14');
    expect(text).toContain('20. november 2018 7 af 14');
    expect(text).toContain('Ved møderne var 44 af 73 inviterede til stede (60 %).');
    for (const closed of CLOSED) expect(text).not.toContain(closed);
    expect(pageText((await request(app).get('/udvalg/udsatteraadet').expect(200)).text)).toContain('Årsberetning 2018');
  });

  it('has the same content as a tagged PDF', async () => {
    const res = await request(app).get(`${PAGE}/aarsberetning.pdf`).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.body as Buffer);
    for (const fact of FACTS) expect(text).toContain(fact);
    for (const closed of CLOSED) expect(text).not.toContain(closed);
    const again = await request(app).get(`${PAGE}/aarsberetning.pdf`);
    expect(again.headers['x-pdf-cache']).toBe('hit');
  });

  it('follows the data: a comment on a closed item never shows, a consultation response and a further meeting do', async () => {
    // A comment on the closed item of SUS' meeting of 20 August 2018 (minutes locked: the comment is the board's own row).
    const closed = await t.db('agenda_items as i').join('meetings as m', 'm.id', 'i.meeting_id').where({ 'i.is_closed': true, 'm.slug': 'social-og-sundhedsudvalget-albertslund-20-08-2018' }).first('i.id');
    await t.db('board_comments').insert({ board_id: boardId, item_id: closed.id, body: '<p>Hemmelig bemærkning om en enkeltsag</p>', sent_at: fromCopenhagenLocal('2018-08-17T12:00') });
    // The youth-strategy response of October 2018, registered as a written consultation response.
    const origin = await t.db('agenda_items as i').join('meetings as m', 'm.id', 'i.meeting_id').where({ 'i.number': 2, 'm.slug': 'boerne-og-skoleudvalget-albertslund-22-08-2018' }).first('i.id');
    const [consultation] = await t.db('consultations')
      .insert({ item_id: origin.id, slug: 'staerke-valg-2018', title: 'Stærke valg – unges veje til uddannelse og job i Albertslund 2018 – 2025', starts_on: '2018-08-23', deadline: '2018-10-15' })
      .returning('id');
    await t.db('consultation_parties').insert({
      consultation_id: (consultation as { id: number }).id,
      committee_id: boardId,
      position: 1,
      response_text: '<p>Udsatterådet ser det som positivt, at det tydeligt fremgår af ungestrategien, at unge i en udsat livssituation har behov for særlige indsatser.</p>',
      response_received_at: fromCopenhagenLocal('2018-10-12T12:00'),
      response_source: 'registered',
    });
    // A sixth meeting, held in December.
    await t.db('meetings').insert({ committee_id: boardId, slug: 'udsatteraadet-11-12-2018', starts_at: fromCopenhagenLocal('2018-12-11T17:00'), status: 'held' });

    const text = pageText((await request(app).get(PAGE).expect(200)).text);
    expect(text).toContain('Rådet har holdt 6 møder i 2018.');
    expect(text).toContain('11. december 2018 Referatet er ikke offentliggjort endnu.');
    // Attendance counts only meetings whose minutes are public.
    expect(text).toContain('Ved de 5 møder, hvis referat er offentliggjort, var 44 af 73 inviterede til stede (60 %).');
    expect(text).toContain('Høringssvar 12. oktober 2018: Stærke valg – unges veje til uddannelse og job i Albertslund 2018 – 2025');
    expect(text).toContain('unge i en udsat livssituation har behov for særlige indsatser');
    expect(text).not.toContain('Hemmelig bemærkning');
    expect(pageText((await request(app).get('/udvalg/udsatteraadet/bemaerkninger').expect(200)).text)).not.toContain('Hemmelig bemærkning');
  });

  it('lets the board’s secretary write the introduction and free sections, preview and publish', async () => {
    const PAGE_2019 = '/udvalg/udsatteraadet/aarsberetning/2019';
    const ADMIN = `/admin/udvalg/${boardId}/aarsberetning/2019`;
    expect((await request(app).get(PAGE_2019)).status).toBe(404);
    const preview = pageText((await secretary.get(PAGE_2019).expect(200)).text);
    expect(preview).toContain('Forhåndsvisning – ikke offentliggjort');
    expect(preview).toContain('Rådet har ikke holdt møder i 2019.');

    expect(pageText((await secretary.get(ADMIN).expect(200)).text)).toContain('Indledning og afsnit');
    const missing = await secretary.post(ADMIN, { version: '0', introduction: 'x', section_body_1: 'Tekst uden overskrift' });
    expect(missing.status).toBe(422);
    expect(pageText(missing.text)).toContain('Skriv en overskrift til afsnittet');
    expect(missing.text).toContain('Tekst uden overskrift');
    expect((await secretary.post(ADMIN, { introduction: ['a', 'b'], version: '0' })).status).toBe(422);

    await secretary.post(ADMIN, { version: '0', introduction: 'Rådet fik **seks** møder om året i 2019.', section_heading_1: 'Bisidderordning', section_body_1: '- Rådet undersøgte behovet' }).expect(303);
    const stale = await secretary.post(ADMIN, { version: '0', introduction: 'En anden tekst' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('En anden tekst');

    await secretary.post(`${ADMIN}/offentliggoer`, { action: 'publish' }).expect(303);
    const published = pageText((await request(app).get(PAGE_2019).expect(200)).text);
    expect(published).toContain('Rådet fik seks møder om året i 2019.');
    expect(published).toContain('Bisidderordning Rådet undersøgte behovet');
    expect(published).not.toContain('Forhåndsvisning');
    await secretary.post(`${ADMIN}/offentliggoer`, { action: 'withdraw' }).expect(303);
    expect((await request(app).get(PAGE_2019)).status).toBe(404);
    expect((await secretary.post(`${ADMIN}/offentliggoer`, { action: 'x' })).status).toBe(422);
    expect(await t.db('audit_log').whereIn('action', ['annual_report.save', 'annual_report.publish', 'annual_report.withdraw']).count<{ count: number }[]>('* as count')).toEqual([{ count: 3 }]);

    // A member of another committee is refused; unknown years and slugs are 404.
    const lolan = await loginAs(app, 'lolan.ottesen@demo.test');
    expect((await lolan.get(ADMIN)).status).toBe(403);
    expect((await lolan.get(PAGE_2019)).status).toBe(404);
    expect((await request(app).get('/udvalg/udsatteraadet/aarsberetning/18')).status).toBe(404);
    expect((await request(app).get('/udvalg/findes-ikke/aarsberetning/2018')).status).toBe(404);
  });
});
