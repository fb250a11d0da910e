import type { Express } from 'express';
import { testApp } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { anonymous, loginAs, type Browser } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

const PUNKT_2 = {
  title: 'Regnskab 2020 på bevillingsrammerne under Social- og Sundhedsudvalget',
  summary: 'Social- og Sundhedsudvalgets regnskab for 2020 på udvalgets bevillingsrammer forelægges til behandling.\n\nDet vedtagne budget på udvalgets rammer var 1.177,8 mio. kr.',
  background:
    'I henhold til styrelseslovens § 45 samt Økonomiudvalgets tidsplan for regnskabsafslutningen 2020 skal det enkelte fagudvalg behandle regnskabet.\n\nSocial- og Sundhedsudvalget har følgende rammer, som vedrører driften:\n\n- 50.52 Tilbud til ældre pensionister\n- 50.54 Tilbud til voksne med særlige behov\n- 50.56 Sundhed og forebyggelse\n- 50.58 Boligstøtte.',
  casePresentation: 'Regnskabet for 2020 på Social- og Sundhedsudvalgets bevillingsrammer viser et samlet merforbrug på 4,8 mio. kr.\n\nOversigt over budget og regnskabets resultat, fordelt på de enkelte bevillingsrammer:\n\n[tabel 1]',
  financialText: 'Regnskab 2020 for Social- og Sundhedsudvalgets bevillingsrammer viser et samlet forbrug på 1.185,0 mio. kr.',
  recommendationBy: 'Center for Voksne og Sundhed',
  points:
    '1. Regnskab 2020 på bevillingsrammerne under Social- og Sundhedsudvalget indgår som en del af Ballerup Kommunes samlede årsregnskab for 2020, der forelægges Økonomiudvalget og Kommunalbestyrelsen.',
};

async function idFrom(location: string | undefined, pattern: RegExp): Promise<number> {
  const m = pattern.exec(location ?? '');
  if (!m) throw new Error(`unexpected redirect ${location}`);
  return Number(m[1]);
}

describe('a secretary drafts and publishes an agenda through the admin pages', () => {
  let t: TestDb;
  let app: Express;
  let secretary: Browser;
  let sus: number;
  let oeu: number;

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    secretary = await loginAs(app, 'sekretaer@demo.test');
    sus = (await t.db('committees').where({ slug: 'social-og-sundhedsudvalget' }).first('id')).id;
    oeu = (await t.db('committees').where({ slug: 'oekonomiudvalget' }).first('id')).id;
  });
  afterAll(() => t.drop());

  async function planMeeting(committeeId: number, date: string): Promise<number> {
    const res = await secretary.post(`/admin/udvalg/${committeeId}/moeder`, { date, startTime: '16:00', endTime: '18:00', location: 'Mødelokale 1, Ballerup Rådhus' }).expect(303);
    return idFrom(res.headers.location, /\/admin\/moeder\/(\d+)$/);
  }

  it('plans a meeting whose agenda starts with the signature item, and refuses impossible dates with 422', async () => {
    const before = await t.db('meetings').count<{ count: number }[]>('* as count');
    const bad = await secretary.post(`/admin/udvalg/${sus}/moeder`, { date: '2027-02-30', startTime: '25:00' }).expect(422);
    expect(pageText(bad.text)).toContain('Der er problemer');
    expect(pageText(bad.text)).toContain('Datoen findes ikke');
    expect(bad.text).toContain('<title>Fejl: ');
    expect(bad.text).toContain('value="2027-02-30"');
    expect(await t.db('meetings').count<{ count: number }[]>('* as count')).toEqual(before);

    const meetingId = await planMeeting(sus, '2027-01-12');
    const meeting = await t.db('meetings').where({ id: meetingId }).first();
    expect(meeting.slug).toBe('social-og-sundhedsudvalget-12-01-2027');
    expect(meeting.starts_at.toISOString()).toBe('2027-01-12T15:00:00.000Z');
    const items = await t.db('agenda_items').where({ meeting_id: meetingId }).select('number', 'kind', 'title');
    expect(items).toEqual([{ number: 1, kind: 'minutes_approval', title: 'Godkendelse af referat (underskriftside)' }]);
  });

  it('builds punkt 2 of seed 003, publishes the agenda, and the public page shows it', async () => {
    const meetingId = await planMeeting(sus, '2027-01-26');
    const created = await secretary.post(`/admin/moeder/${meetingId}/punkter`, { title: PUNKT_2.title, kind: 'regular', caseNumber: '', caseTitle: PUNKT_2.title }).expect(303);
    const itemId = await idFrom(created.headers.location, /\/admin\/punkter\/(\d+)$/);
    const form = await secretary.get(`/admin/punkter/${itemId}`).expect(200);
    const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? '';
    const caseNumber = /name="caseNumber"[^>]*value="([^"]*)"/.exec(form.text)?.[1] ?? '';
    expect(caseNumber).toMatch(/^MB-2026-\d{4}$/);
    await secretary
      .post(`/admin/punkter/${itemId}`, { version, caseNumber, caseTitle: PUNKT_2.title, decidedBy: String(sus), ...PUNKT_2 })
      .expect(303);
    const stored = await t.db('agenda_items').where({ id: itemId }).first();
    expect(stored.number).toBe(1);
    expect(stored.background).toContain('<ul><li>50.52 Tilbud til ældre pensionister</li>');
    expect(stored.case_presentation).toContain('<div data-budget-table="1"></div>');
    expect(await t.db('recommendation_points').where({ item_id: itemId }).pluck('text')).toEqual([
      '<p>Regnskab 2020 på bevillingsrammerne under Social- og Sundhedsudvalget indgår som en del af Ballerup Kommunes samlede årsregnskab for 2020, der forelægges Økonomiudvalget og Kommunalbestyrelsen.</p>',
    ]);
    // The signature item moved down to stay last.
    expect(await t.db('agenda_items').where({ meeting_id: meetingId }).orderBy('position').pluck('kind')).toEqual(['regular', 'minutes_approval']);

    await secretary.post(`/admin/moeder/${meetingId}/offentliggoer`).expect(303);
    expect((await t.db('meetings').where({ id: meetingId }).first('status')).status).toBe('agenda_published');
    const page = await anonymous(app).then((b) => b.get('/dagsorden/social-og-sundhedsudvalget-26-01-2027').expect(200));
    const text = pageText(page.text);
    expect(text).toContain('Dagsorden Social- og Sundhedsudvalget');
    expect(text).toContain(`Punkt 1 ${PUNKT_2.title}`);
    expect(text).toContain('Center for Voksne og Sundhed indstiller, at');
    expect(text).toContain('50.54 Tilbud til voksne med særlige behov');
  });

  it('keeps a second secretary from overwriting the first silently (409, their text kept)', async () => {
    const meetingId = await planMeeting(sus, '2027-02-09');
    const created = await secretary.post(`/admin/moeder/${meetingId}/punkter`, { title: 'Kvalitetsstandard', kind: 'regular', caseTitle: 'Kvalitetsstandard' }).expect(303);
    const itemId = await idFrom(created.headers.location, /\/admin\/punkter\/(\d+)$/);
    const form = await secretary.get(`/admin/punkter/${itemId}`).expect(200);
    const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? '';
    const caseNumber = /name="caseNumber"[^>]*value="([^"]*)"/.exec(form.text)?.[1] ?? '';
    const admin = await loginAs(app, 'admin@demo.test');
    await admin.post(`/admin/punkter/${itemId}`, { version, title: 'Kvalitetsstandard', caseNumber, summary: 'Administratorens tekst' }).expect(303);
    const stale = await secretary.post(`/admin/punkter/${itemId}`, { version, title: 'Kvalitetsstandard', caseNumber, summary: 'Sekretærens tekst' }).expect(409);
    expect(pageText(stale.text)).toContain('ændret af en anden');
    expect(stale.text).toContain('Sekretærens tekst');
    expect((await t.db('agenda_items').where({ id: itemId }).first('summary')).summary).toBe('<p>Administratorens tekst</p>');
    // Both changes are in the audit log with before and after.
    const log = await t.db('audit_log').where({ entity: 'agenda_item', entity_id: itemId, action: 'item.update' });
    expect(log).toHaveLength(1);
    expect(log[0].after.summary).toBe('<p>Administratorens tekst</p>');
    expect(log[0].before.summary).toBeNull();
  });

  it('after publication, an edit needs a change note, which is shown publicly with its date; new items form the tillægsdagsorden', async () => {
    const upcoming = await t.db('meetings').where({ slug: 'social-og-sundhedsudvalget-08-12-2026' }).first('id');
    const item = await t.db('agenda_items').where({ meeting_id: upcoming.id, number: 2 }).first('id', 'version', 'title', 'summary');
    const caseNumber = (await t.db('cases').join('agenda_items', 'agenda_items.case_id', 'cases.id').where('agenda_items.id', item.id).first('case_number')).case_number;
    const fields = { version: String(item.version), title: item.title, caseNumber, summary: 'Rettet sammendrag.' };
    const refused = await secretary.post(`/admin/punkter/${item.id}`, fields).expect(422);
    expect(pageText(refused.text)).toContain('skriv en kort ændringsnote');
    await secretary.post(`/admin/punkter/${item.id}`, { ...fields, changeNote: 'Sammendraget er præciseret.' }).expect(303);

    const created = await secretary.post(`/admin/moeder/${upcoming.id}/punkter`, { title: 'Orientering om vinterberedskab', kind: 'regular', caseTitle: 'Vinterberedskab' }).expect(303);
    const newId = await idFrom(created.headers.location, /\/admin\/punkter\/(\d+)$/);
    expect((await t.db('agenda_items').where({ id: newId }).first('supplementary')).supplementary).toBe(true);
  });

  it('sends the case on to Økonomiudvalget, where "Tidligere behandling" appears without typing it', async () => {
    const from = await t.db('meetings').where({ slug: 'social-og-sundhedsudvalget-26-01-2027' }).first('id');
    const item = await t.db('agenda_items').where({ meeting_id: from.id, number: 1 }).first('id', 'title');
    const target = await planMeeting(oeu, '2027-02-16');
    const res = await secretary.post(`/admin/punkter/${item.id}/send-videre`, { meetingId: String(target), mode: 'send' }).expect(303);
    const newId = await idFrom(res.headers.location, /\/admin\/punkter\/(\d+)$/);
    const copy = await t.db('agenda_items').where({ id: newId }).first();
    expect(copy.meeting_id).toBe(target);
    expect(copy.title).toBe(item.title);
    expect(copy.case_presentation).toContain('data-budget-table="1"');
    await secretary.post(`/admin/moeder/${target}/offentliggoer`).expect(303);
    const page = await (await anonymous(app)).get('/dagsorden/oekonomiudvalget-16-02-2027').expect(200);
    expect(pageText(page.text)).toContain('Tidligere behandling Social- og Sundhedsudvalget den 26. januar 2027 Punkt 1');
  });

  it('refuses reordering after publication and renumbers before it', async () => {
    const meetingId = await planMeeting(sus, '2027-03-09');
    const a = await idFrom((await secretary.post(`/admin/moeder/${meetingId}/punkter`, { title: 'A', kind: 'regular', caseTitle: 'A' })).headers.location, /(\d+)$/);
    const b = await idFrom((await secretary.post(`/admin/moeder/${meetingId}/punkter`, { title: 'B', kind: 'regular', caseTitle: 'B' })).headers.location, /(\d+)$/);
    await secretary.post(`/admin/punkter/${b}/flyt`, { direction: 'up' }).expect(303);
    expect(await t.db('agenda_items').where({ meeting_id: meetingId }).orderBy('position').pluck('title')).toEqual(['B', 'A', 'Godkendelse af referat (underskriftside)']);
    expect(await t.db('agenda_items').where({ id: a }).first('number')).toEqual({ number: 2 });
    await secretary.post(`/admin/punkter/${b}/flyt`, { direction: 'sideways' }).expect(422);
  });
});
