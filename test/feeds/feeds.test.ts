import type { Express } from 'express';
import request from 'supertest';
import { formatDate } from '../../src/i18n/format';
import { testApp } from '../helpers/app';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { child, children, parseXml, type XmlElement } from './xml';

const HOST = 'moeder.ballerup.dk';
const ORIGIN = `https://${HOST}`;
const SEED_SLUG = 'social-og-sundhedsudvalget-06-04-2021';
const SUS = 'social-og-sundhedsudvalget';
/** The demo's upcoming SUS meeting has a closed item about buying Lindevej 12 for 14,5 mio. kr. */
const SECRETS = ['Lindevej', '14,5', 'Købsaftale', 'købesum'];

interface Entry {
  id: string;
  title: string;
  link: string;
  published: string;
  summary: string;
  category: string;
}

function rssEntries(channel: XmlElement): Entry[] {
  return children(channel, 'item').map((item) => ({
    id: child(item, 'guid').text,
    title: child(item, 'title').text,
    link: child(item, 'link').text,
    published: child(item, 'pubDate').text,
    summary: child(item, 'description').text,
    category: child(item, 'category').text,
  }));
}

function atomEntries(feed: XmlElement): Entry[] {
  return children(feed, 'entry').map((entry) => ({
    id: child(entry, 'id').text,
    title: child(entry, 'title').text,
    link: children(entry, 'link').find((l) => l.attributes.rel === 'alternate')?.attributes.href ?? '',
    published: child(entry, 'published').text,
    summary: child(entry, 'summary').text,
    category: child(entry, 'category').attributes.term ?? '',
  }));
}

describe('RSS and Atom feeds of agendas and minutes', () => {
  let t: TestDb;
  let app: Express;
  let upcoming: { id: number; slug: string; starts_at: Date };

  /** As a visitor behind the local TLS proxy would fetch it */
  const get = (path: string) => request(app).get(path).set('Host', HOST).set('X-Forwarded-Proto', 'https');

  async function rss(path: string): Promise<{ channel: XmlElement; entries: Entry[]; text: string }> {
    const res = await get(path).expect(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const root = parseXml(res.text);
    expect(root.name).toBe('rss');
    expect(root.attributes.version).toBe('2.0');
    const channel = child(root, 'channel');
    return { channel, entries: rssEntries(channel), text: res.text };
  }

  async function atom(path: string): Promise<{ feed: XmlElement; entries: Entry[]; text: string }> {
    const res = await get(path).expect(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = parseXml(res.text);
    expect(feed.name).toBe('feed');
    expect(feed.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    return { feed, entries: atomEntries(feed), text: res.text };
  }

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    upcoming = await t.db('meetings').where({ status: 'agenda_published' }).where('slug', 'like', `${SUS}-%`).first('id', 'slug', 'starts_at');
  });
  afterAll(() => t.drop());

  it('serves the overall RSS feed with absolute links, a self link and the seed meeting’s minutes', async () => {
    const { channel, entries } = await rss('/feeds/rss.xml');
    expect(child(channel, 'title').text).toBe('Dagsordener og referater – Ballerup Kommune');
    expect(child(channel, 'link').text).toBe(`${ORIGIN}/`);
    const self = children(channel, 'atom:link').find((l) => l.attributes.rel === 'self');
    expect(self?.attributes).toEqual({ href: `${ORIGIN}/feeds/rss.xml`, rel: 'self', type: 'application/rss+xml' });
    expect(new Date(child(channel, 'lastBuildDate').text).toISOString()).toBe(new Date(entries[0]?.published ?? '').toISOString());

    const minutes = entries.find((e) => e.title === 'Referat: Social- og Sundhedsudvalget 6. april 2021');
    expect(minutes).toBeDefined();
    expect(minutes?.link).toBe(`${ORIGIN}/dagsorden/${SEED_SLUG}`);
    expect(minutes?.summary).toContain('Punkt 1 ');
    const v1 = await t.db('minutes_versions as v').join('meetings as m', 'm.id', 'v.meeting_id').where({ 'm.slug': SEED_SLUG, 'v.version': 1 }).first('v.published_at');
    expect(minutes?.published).toBe((v1.published_at as Date).toUTCString());

    const agenda = entries.find((e) => e.link === `${ORIGIN}/dagsorden/${upcoming.slug}`);
    expect(agenda?.title).toBe(`Dagsorden: Social- og Sundhedsudvalget ${formatDate(upcoming.starts_at)}`);
    expect(agenda?.summary).toContain('Punkt 1 Meddelelser; Punkt 2 Plads til alle – strategi mod udsathed blandt voksne, høring; Punkt 3 Lukket punkt; Punkt 4 ');
    expect(agenda?.summary).toContain('kl. 16.00, Mødelokale 1, Ballerup Rådhus');

    // Every published agenda and every published minutes version of the demo (at most the latest 50), newest first, ids unique
    const published = await t.db('meetings').whereIn('status', ['agenda_published', 'held', 'minutes_draft', 'minutes_in_approval', 'minutes_approved', 'minutes_published']).count<{ count: number }[]>('* as count');
    const versions = await t.db('minutes_versions').whereNotNull('published_at').count<{ count: number }[]>('* as count');
    expect(entries).toHaveLength(Math.min(50, Number(published[0]?.count) + Number(versions[0]?.count)));
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    const times = entries.map((e) => Date.parse(e.published));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const e of entries) expect(e.link).toMatch(new RegExp(`^${ORIGIN}/dagsorden/[a-z0-9-]+$`));
  });

  it('serves the same entries as Atom, with ids, self link and updated', async () => {
    const { feed, entries } = await atom('/feeds/atom.xml');
    const { entries: fromRss } = await rss('/feeds/rss.xml');
    expect(child(feed, 'id').text).toBe(`tag:${HOST},2026:feed/all`);
    const links = children(feed, 'link');
    expect(links.find((l) => l.attributes.rel === 'self')?.attributes.href).toBe(`${ORIGIN}/feeds/atom.xml`);
    expect(links.find((l) => l.attributes.rel === 'alternate')?.attributes.href).toBe(`${ORIGIN}/`);
    expect(child(child(feed, 'author'), 'name').text).toBe('Ballerup Kommune');
    expect(child(feed, 'updated').text).toBe(entries[0]?.published);
    expect(entries.map((e) => [e.id, e.title, e.link, e.summary])).toEqual(fromRss.map((e) => [e.id, e.title, e.link, e.summary]));
    for (const e of entries) expect(e.published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const minutes = entries.find((e) => e.link === `${ORIGIN}/dagsorden/${SEED_SLUG}` && e.title.startsWith('Referat'));
    expect(minutes?.published).toMatch(/^2021-04-13T\d\d:00:00Z$/);
    expect(minutes?.id).toMatch(new RegExp(`^tag:${HOST.replace(/\./g, '\\.')},2026:meeting-\\d+/minutes-version-1$`));
  });

  it('uses the address the request came to: a static copy rendered with another Host gets its own links', async () => {
    const res = await request(app).get('/feeds/rss.xml').set('Host', 'localhost:8080').expect(200);
    expect(res.text).toContain(`<link>http://localhost:8080/dagsorden/${SEED_SLUG}</link>`);
    const proxied = await request(app).get('/feeds/atom.xml').set('Host', '127.0.0.1:3000').set('X-Forwarded-Host', HOST).set('X-Forwarded-Proto', 'https').expect(200);
    expect(proxied.text).toContain(`<link rel="self" type="application/atom+xml" href="${ORIGIN}/feeds/atom.xml"/>`);
    const evil = await request(app).get('/feeds/atom.xml').set('Host', 'x"><script>').expect(200);
    expect(evil.text).not.toContain('<script>');
    parseXml(evil.text);
  });

  it('gives a committee only its own meetings', async () => {
    const sus = await t.db('committees').where({ slug: SUS }).first('id');
    const own = await t.db('meetings').where({ committee_id: sus.id }).whereNot('status', 'planned').pluck('slug');
    for (const path of [`/udvalg/${SUS}/rss.xml`, `/udvalg/${SUS}/atom.xml`]) {
      const { entries } = path.endsWith('rss.xml') ? await rss(path) : await atom(path);
      expect(entries.length).toBeGreaterThanOrEqual(own.length);
      for (const e of entries) {
        expect(e.category).toBe('Social- og Sundhedsudvalget');
        expect(own.map((slug) => `${ORIGIN}/dagsorden/${slug}`)).toContain(e.link);
      }
      expect(new Set(entries.map((e) => e.link))).toEqual(new Set(own.map((slug) => `${ORIGIN}/dagsorden/${slug}`)));
    }
    const { channel } = await rss(`/udvalg/${SUS}/rss.xml`);
    expect(child(channel, 'title').text).toBe('Social- og Sundhedsudvalget: dagsordener og referater');
    expect(children(channel, 'atom:link')[0]?.attributes.href).toBe(`${ORIGIN}/udvalg/${SUS}/rss.xml`);
    const kb = await rss('/udvalg/kommunalbestyrelsen/rss.xml');
    expect(kb.entries.length).toBeGreaterThan(0);
    expect(kb.entries.every((e) => e.category === 'Kommunalbestyrelsen')).toBe(true);
    // A committee without meetings has a valid, empty feed
    const empty = await atom('/udvalg/kommunalbestyrelsen-albertslund/atom.xml');
    expect(empty.entries).toEqual([]);
    expect(child(empty.feed, 'title').text).toBe('Kommunalbestyrelsen (Albertslund Kommune): dagsordener og referater');
    // Another body's committee of the same name is told apart by its municipality.
    const albertslund = await atom('/udvalg/social-og-sundhedsudvalget-albertslund/atom.xml');
    expect(child(albertslund.feed, 'title').text).toBe('Social- og Sundhedsudvalget (Albertslund Kommune): dagsordener og referater');
  });

  it('answers 404 for an unknown committee, an outside party and a malformed slug', async () => {
    const party = await t.db('committees').where({ kind: 'external_party' }).first('slug');
    expect(party).toBeDefined();
    for (const slug of ['findes-ikke', party.slug, 'SELECT*', 'a--b']) {
      for (const file of ['rss.xml', 'atom.xml']) {
        await get(`/udvalg/${encodeURIComponent(slug)}/${file}`).expect(404);
      }
    }
  });

  it('never shows a closed item’s title or content', async () => {
    for (const path of ['/feeds/rss.xml', '/feeds/atom.xml', `/udvalg/${SUS}/rss.xml`, `/udvalg/${SUS}/atom.xml`]) {
      const res = await get(path).expect(200);
      const { entries } = path.endsWith('rss.xml') ? await rss(path) : await atom(path);
      for (const secret of SECRETS) {
        expect(res.text).not.toContain(secret);
        for (const e of entries) expect(`${e.title} ${e.summary}`).not.toContain(secret);
      }
      expect(entries.find((e) => e.link.endsWith(upcoming.slug))?.summary).toContain('Punkt 3 Lukket punkt');
    }
  });

  it('gives a new minutes version its own entry, and leaves planned meetings out', async () => {
    const seed = await t.db('meetings').where({ slug: SEED_SLUG }).first('id', 'committee_id');
    const v1 = await t.db('minutes_versions').where({ meeting_id: seed.id, version: 1 }).first('content_hash', 'round');
    await t.db('minutes_versions').insert({ meeting_id: seed.id, version: 2, round: 2, content_hash: v1.content_hash, released_at: new Date('2021-05-01T10:00:00Z'), published_at: new Date('2021-05-01T10:00:00Z') });
    // A version being approved (not yet published) is no entry
    await t.db('minutes_versions').insert({ meeting_id: seed.id, version: 3, round: 3, content_hash: v1.content_hash, released_at: new Date('2021-06-01T10:00:00Z'), published_at: null });
    await t.db('meetings').insert({ committee_id: seed.committee_id, slug: `${SUS}-02-02-2027`, starts_at: new Date('2027-02-02T13:00:00Z'), status: 'planned' });

    const { entries } = await atom(`/udvalg/${SUS}/atom.xml`);
    const seedEntries = entries.filter((e) => e.link === `${ORIGIN}/dagsorden/${SEED_SLUG}`);
    expect(seedEntries.map((e) => e.title)).toEqual([
      'Referat (version 2): Social- og Sundhedsudvalget 6. april 2021',
      'Referat: Social- og Sundhedsudvalget 6. april 2021',
      'Dagsorden: Social- og Sundhedsudvalget 6. april 2021',
    ]);
    expect(seedEntries[0]?.published).toBe('2021-05-01T10:00:00Z');
    expect(seedEntries[0]?.id).not.toBe(seedEntries[1]?.id);
    expect(entries.some((e) => e.link.endsWith('-02-02-2027'))).toBe(false);
  });

  it('escapes what secretaries type and drops characters XML cannot hold', async () => {
    const item = await t.db('agenda_items').where({ meeting_id: upcoming.id, number: 2 }).first('id');
    await t.db('agenda_items').where({ id: item.id }).update({ title: 'Tryk & tone: <b>"fed"</b> \'citat\' ]]> \u0001slut' });
    for (const path of ['/feeds/rss.xml', '/feeds/atom.xml']) {
      const { entries } = path.endsWith('rss.xml') ? await rss(path) : await atom(path);
      expect(entries.find((e) => e.link.endsWith(upcoming.slug))?.summary).toContain('Punkt 2 Tryk & tone: <b>"fed"</b> \'citat\' ]]> slut;');
    }
  });

  it('holds the newest 50 entries, built with a fixed number of queries however many meetings there are', async () => {
    const kfu = await t.db('committees').where({ slug: 'kultur-og-fritidsudvalget' }).first('id');
    const countQueries = async (path: string): Promise<number> => {
      let n = 0;
      const listener = () => n++;
      t.db.on('query', listener);
      await get(path).expect(200);
      t.db.off('query', listener);
      return n;
    };
    const before = await countQueries('/feeds/rss.xml');
    const rows = Array.from({ length: 60 }, (_, i) => ({
      committee_id: kfu.id,
      slug: `kultur-og-fritidsudvalget-test-${i}`,
      starts_at: new Date(Date.UTC(2026, 0, 1 + i, 15)),
      status: 'agenda_published',
      agenda_published_at: new Date(Date.UTC(2030, 0, 1 + i, 9)),
    }));
    const ids = await t.db('meetings').insert(rows).returning('id');
    await t.db('agenda_items').insert(ids.map(({ id }: { id: number }) => ({ meeting_id: id, position: 1, number: 1, title: 'Budgetopfølgning' })));
    expect(await countQueries('/feeds/rss.xml')).toBe(before);

    const { entries } = await rss('/feeds/rss.xml');
    expect(entries).toHaveLength(50);
    expect(entries[0]?.link).toBe(`${ORIGIN}/dagsorden/kultur-og-fritidsudvalget-test-59`);
    expect(entries[0]?.summary).toContain('Punkt 1 Budgetopfølgning.');
    expect(entries[49]?.link).toBe(`${ORIGIN}/dagsorden/kultur-og-fritidsudvalget-test-10`);
  });
});
