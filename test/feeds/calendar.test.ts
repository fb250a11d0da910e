import type { Stream } from 'node:stream';
import type { Express } from 'express';
import request from 'supertest';
import { testApp } from '../helpers/app';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { contentLines, parseIcs, prop, text, type IcsComponent } from './ics';

const HOST = 'moeder.ballerup.dk';
const ORIGIN = `https://${HOST}`;
const SUS = 'social-og-sundhedsudvalget';
const SEED_SLUG = 'social-og-sundhedsudvalget-06-04-2021';
const SECRETS = ['Lindevej', '14,5', 'Købsaftale', 'købesum'];

/** Keeps the body as bytes, so the octet lengths and UTF-8 of each line can be checked. */
function binary(res: Stream, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('iCalendar files of the meetings', () => {
  let t: TestDb;
  let app: Express;
  let susId: number;

  /** The calendar as bytes, checked line by line, then parsed. */
  async function calendar(path: string): Promise<{ cal: IcsComponent; events: IcsComponent[]; raw: string; unfolded: string }> {
    const res = await request(app).get(path).set('Host', HOST).set('X-Forwarded-Proto', 'https').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const body = res.body as Buffer;
    const lines = contentLines(body);
    const cal = parseIcs(lines);
    expect(cal.name).toBe('VCALENDAR');
    return { cal, events: cal.components.filter((c) => c.name === 'VEVENT'), raw: body.toString('utf8'), unfolded: lines.join('\n') };
  }

  const byUrlSlug = (events: IcsComponent[], slug: string) => events.find((e) => prop(e, 'URL')?.value === `${ORIGIN}/dagsorden/${slug}`);

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    susId = (await t.db('committees').where({ slug: SUS }).first('id')).id;
  });
  afterAll(() => t.drop());

  it('holds every meeting of the committee at its Copenhagen wall time, with a VTIMEZONE', async () => {
    const { cal, events } = await calendar(`/udvalg/${SUS}/kalender.ics`);
    expect(prop(cal, 'VERSION')?.value).toBe('2.0');
    expect(prop(cal, 'PRODID')).toBeDefined();
    expect(text(cal, 'X-WR-CALNAME')).toBe('Social- og Sundhedsudvalget');
    const tz = cal.components.find((c) => c.name === 'VTIMEZONE');
    expect(tz && text(tz, 'TZID')).toBe('Europe/Copenhagen');
    expect(tz?.components.map((c) => [c.name, prop(c, 'TZOFFSETTO')?.value, prop(c, 'RRULE')?.value])).toEqual([
      ['DAYLIGHT', '+0200', 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU'],
      ['STANDARD', '+0100', 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU'],
    ]);

    const meetings = await t.db('meetings').where({ committee_id: susId }).select('id', 'slug', 'starts_at', 'ends_at');
    expect(meetings.length).toBe(4);
    expect(events).toHaveLength(meetings.length);
    expect(new Set(events.map((e) => prop(e, 'UID')?.value))).toEqual(new Set(meetings.map((m) => `meeting-${m.id}@${HOST}`)));

    const seed = byUrlSlug(events, SEED_SLUG) as IcsComponent;
    expect(seed).toBeDefined();
    expect(seed.properties.find((p) => p.name === 'DTSTART')).toEqual({ name: 'DTSTART', params: ['TZID=Europe/Copenhagen'], value: '20210406T140000' });
    expect(text(seed, 'SUMMARY')).toBe('Social- og Sundhedsudvalget: møde');
    expect(text(seed, 'LOCATION')).toBe('Mødelokale 1, Ballerup Rådhus');
    expect(prop(seed, 'LOCATION')?.value).toBe('Mødelokale 1\\, Ballerup Rådhus');
    expect(prop(seed, 'STATUS')?.value).toBe('CONFIRMED');
    expect(prop(seed, 'DTSTAMP')?.value).toMatch(/^\d{8}T\d{6}Z$/);
    expect(text(seed, 'DESCRIPTION')).toMatch(/^Dagsorden:\nPunkt 1 .+\nPunkt 2 /);
    expect(text(seed, 'DESCRIPTION')).toContain(`${ORIGIN}/dagsorden/${SEED_SLUG}`);

    // The upcoming meeting is in winter time: 16.00 in Copenhagen is 15.00 UTC
    const upcoming = meetings.find((m) => m.starts_at > new Date('2026-01-01')) as { slug: string; starts_at: Date; ends_at: Date };
    const next = byUrlSlug(events, upcoming.slug) as IcsComponent;
    const day = upcoming.starts_at.toISOString().slice(0, 10).replace(/-/g, '');
    expect(upcoming.starts_at.toISOString()).toMatch(/T15:00:00/);
    expect(prop(next, 'DTSTART')?.value).toBe(`${day}T160000`);
    expect(prop(next, 'DTEND')).toEqual({ name: 'DTEND', params: ['TZID=Europe/Copenhagen'], value: `${day}T180000` });
    expect(text(next, 'DESCRIPTION')).toContain('Punkt 3 Lukket punkt');
    expect(text(next, 'DESCRIPTION')).toContain('Punkt 2 Plads til alle – strategi mod udsathed blandt voksne, høring');
  });

  it('uses CRLF, folds at 75 octets without splitting a character, and escapes text', async () => {
    // A long location full of two-byte letters and characters that need escaping forces folding at awkward places
    const upcoming = await t.db('meetings').where({ committee_id: susId, status: 'agenda_published' }).first('id', 'slug');
    const location = 'Æblehaven; Søndergård, lokale "Ø" \\ 2. sal, ' + 'æøåÆØÅ '.repeat(20) + '😀 slut';
    await t.db('meetings').where({ id: upcoming.id }).update({ location });
    const { events, raw } = await calendar(`/udvalg/${SUS}/kalender.ics`);
    const event = byUrlSlug(events, upcoming.slug) as IcsComponent;
    expect(text(event, 'LOCATION')).toBe(location);
    expect(prop(event, 'LOCATION')?.value.startsWith('Æblehaven\\; Søndergård\\, lokale "Ø" \\\\ 2. sal\\, ')).toBe(true);
    expect(raw.split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
    // Every TEXT value of every event is validly escaped (text() throws on a bare comma or semicolon)
    for (const e of events) for (const name of ['SUMMARY', 'LOCATION', 'DESCRIPTION']) text(e, name);
  });

  it('shows planned meetings without their draft agenda, and cancelled ones as cancelled', async () => {
    const [planned] = await t.db('meetings')
      .insert({ committee_id: susId, slug: `${SUS}-02-02-2027`, starts_at: new Date('2027-02-02T13:00:00Z'), ends_at: new Date('2027-02-02T15:00:00Z'), location: 'Mødelokale 1, Ballerup Rådhus', status: 'planned' })
      .returning('id');
    await t.db('agenda_items').insert({ meeting_id: planned.id, position: 1, number: 1, title: 'Hemmeligt udkast til punkt' });
    const [cancelled] = await t.db('meetings')
      .insert({ committee_id: susId, slug: `${SUS}-02-03-2027`, starts_at: new Date('2027-03-02T13:00:00Z'), status: 'agenda_published', cancelled: true })
      .returning('id');
    await t.db('agenda_items').insert({ meeting_id: cancelled.id, position: 1, number: 1, title: 'Meddelelser' });

    const { events, unfolded } = await calendar(`/udvalg/${SUS}/kalender.ics`);
    expect(events).toHaveLength(6);
    expect(unfolded).not.toContain('Hemmeligt udkast');
    const p = events.find((e) => prop(e, 'UID')?.value === `meeting-${planned.id}@${HOST}`) as IcsComponent;
    expect(prop(p, 'DTSTART')?.value).toBe('20270202T140000');
    expect(prop(p, 'URL')?.value).toBe(`${ORIGIN}/udvalg/${SUS}`);
    expect(text(p, 'SUMMARY')).toBe('Social- og Sundhedsudvalget: møde');
    expect(text(p, 'DESCRIPTION')).toContain('Dagsordenen er ikke offentliggjort endnu.');

    const c = events.find((e) => prop(e, 'UID')?.value === `meeting-${cancelled.id}@${HOST}`) as IcsComponent;
    expect(prop(c, 'STATUS')?.value).toBe('CANCELLED');
    expect(text(c, 'SUMMARY')).toBe('Aflyst: Social- og Sundhedsudvalget: møde');
    expect(text(c, 'DESCRIPTION')).toMatch(/^Mødet er aflyst\.\nDagsorden:\nPunkt 1 Meddelelser/);
    expect(prop(c, 'DTEND')).toBeUndefined();
    // Planned and cancelled meetings stay out of the news feeds
    const feed = await request(app).get(`/udvalg/${SUS}/rss.xml`).expect(200);
    expect(feed.text).not.toContain('-02-02-2027');
  });

  it('holds every meeting of every public committee in the overall calendar, built in one pass', async () => {
    const party = await t.db('committees').where({ kind: 'external_party' }).first('id');
    await t.db('meetings').insert({ committee_id: party.id, slug: 'ekstern-part-moede-01-01-2027', starts_at: new Date('2027-01-01T10:00:00Z'), status: 'agenda_published' });
    const countQueries = async (): Promise<number> => {
      let n = 0;
      const listener = () => n++;
      t.db.on('query', listener);
      await request(app).get('/kalender.ics').expect(200);
      t.db.off('query', listener);
      return n;
    };
    const before = await countQueries();

    const { cal, events } = await calendar('/kalender.ics');
    expect(text(cal, 'X-WR-CALNAME')).toBe('Mødekalender – Ballerup Kommune');
    const expected = await t.db('meetings as m').join('committees as c', 'c.id', 'm.committee_id').whereNot('c.kind', 'external_party').pluck('m.id');
    expect(new Set(events.map((e) => prop(e, 'UID')?.value))).toEqual(new Set(expected.map((id: number) => `meeting-${id}@${HOST}`)));
    const kb = events.find((e) => text(e, 'SUMMARY') === 'Kommunalbestyrelsen: møde' && prop(e, 'DTSTART')?.value === '20181126T180000');
    expect(kb).toBeDefined();

    // 40 more meetings cost no more queries
    const kfu = await t.db('committees').where({ slug: 'kultur-og-fritidsudvalget' }).first('id');
    await t.db('meetings').insert(
      Array.from({ length: 40 }, (_, i) => ({ committee_id: kfu.id, slug: `kultur-og-fritidsudvalget-test-${i}`, starts_at: new Date(Date.UTC(2027, 4, 1 + i, 15)), status: i % 2 ? 'planned' : 'agenda_published' })),
    );
    expect(await countQueries()).toBe(before);
    expect((await calendar('/kalender.ics')).events).toHaveLength(expected.length + 40);
  });

  it('never shows a closed item, in any calendar', async () => {
    for (const path of ['/kalender.ics', `/udvalg/${SUS}/kalender.ics`]) {
      const { raw, unfolded, events } = await calendar(path);
      const texts = events.flatMap((e) => ['SUMMARY', 'LOCATION', 'DESCRIPTION'].map((n) => text(e, n) ?? ''));
      for (const secret of SECRETS) {
        expect(raw).not.toContain(secret);
        expect(unfolded).not.toContain(secret);
        for (const value of texts) expect(value).not.toContain(secret);
      }
    }
  });

  it('answers 404 for an unknown committee and an outside party', async () => {
    const party = await t.db('committees').where({ kind: 'external_party' }).first('slug');
    for (const slug of ['findes-ikke', party.slug, 'SELECT*']) {
      await request(app).get(`/udvalg/${encodeURIComponent(slug)}/kalender.ics`).expect(404);
    }
  });

  it('is linked from the committee page and the front page, with feeds, and announced in the page head', async () => {
    const committee = await request(app).get(`/udvalg/${SUS}`).expect(200);
    for (const file of ['rss.xml', 'atom.xml', 'kalender.ics']) expect(committee.text).toContain(`href="/udvalg/${SUS}/${file}"`);
    const front = await request(app).get('/').expect(200);
    for (const href of ['/feeds/rss.xml', '/feeds/atom.xml', '/kalender.ics']) expect(front.text).toContain(`href="${href}"`);
    expect(front.text).toMatch(/<link rel="alternate" type="application\/rss\+xml" title="[^"]+" href="\/feeds\/rss\.xml">/);
  });
});
