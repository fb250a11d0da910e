import type { Express } from 'express';
import request from 'supertest';
import { testApp } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { loginAs, type Browser } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { hitsOf, searchPath, statusOf } from './search-page';

/** The demo's upcoming SUS meeting has a closed item about buying Lindevej 12 for 14,5 mio. kr. */
const SECRETS = ['Lindevej', '14,5', 'Købsaftale', 'købesum', '82.06.02-G01-3-26'];
const UPCOMING = 'social-og-sundhedsudvalget-08-12-2026';
const MEMBERS = ['lolan.ottesen', 'kaare.harder.olesen', 'dennis.soerensen', 'maria.lundahl.assov', 'jack.noer', 'ali.abbasi', 'birgitte.dahl'];

describe('the search index holds only what citizens may read', () => {
  let t: TestDb;
  let app: Express;
  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
  });
  afterAll(() => t.drop());

  const search = async (q: string, params: Record<string, string> = {}) => {
    const res = await request(app).get(searchPath(q, params)).expect(200);
    return { html: res.text, hits: hitsOf(res.text), status: statusOf(res.text) };
  };
  const closedItem = async () =>
    t.db('agenda_items as i').join('meetings as m', 'm.id', 'i.meeting_id').where({ 'm.slug': UPCOMING, 'i.is_closed': true }).first('i.id', 'i.number');

  it('finds nothing of the closed item on the upcoming meeting, not even its title', async () => {
    const closed = await closedItem();
    expect(closed).toBeDefined();
    for (const q of ['Lindevej', '14,5', 'Lindevej 12', '"14,5 mio"', 'lindevj', 'Lindevejen', '82.06.02-G01-3-26']) {
      const { hits, status } = await search(q);
      expect({ q, hits }).toEqual({ q, hits: [] });
      expect(status).toMatch(/^Ingen resultater/);
    }
    // Searches that would match its text if it were indexed show other items, never a word of it.
    for (const q of ['ejendommen', 'botilbud', 'køb', 'mio', 'servicelovens', 'boliger', 'Sælger', 'tilbud', 'købesum', 'Købsaftale', 'Køb af ejendommen Lindevej 12', '14,5 mio. kr.']) {
      const { hits } = await search(q);
      for (const h of hits) {
        expect(h.href).not.toBe(`/dagsorden/${UPCOMING}/punkt-${closed.number}`);
        for (const secret of SECRETS) expect(`${h.heading} ${h.snippetHtml}`).not.toContain(secret);
      }
    }
    // Nor is it in the index itself, or among the words the misspelling fallback suggests.
    expect(await t.db('search_documents').where({ item_id: closed.id }).first()).toBeUndefined();
    const leaked = await t.db('search_documents').where((q) => q.whereILike('title', '%lindevej%').orWhereILike('body', '%lindevej%').orWhereLike('body', '%14,5%'));
    expect(leaked).toEqual([]);
    expect(await t.db('search_words').where({ word: 'lindevej' }).first()).toBeUndefined();
    const documents = Number((await t.db('search_documents').count<{ count: number }[]>('* as count'))[0]?.count);
    const openPublic = await t.db('agenda_items as i')
      .join('meetings as m', 'm.id', 'i.meeting_id')
      .join('committees as c', 'c.id', 'm.committee_id')
      .where('i.is_closed', false)
      .whereNot('m.status', 'planned')
      .whereNot('c.kind', 'external_party')
      .count<{ count: number }[]>('* as count');
    expect(documents).toBe(Number(openPublic[0]?.count));
  });

  it('escapes everything in a snippet but its own highlight', async () => {
    const item = await t.db('agenda_items as i').join('meetings as m', 'm.id', 'i.meeting_id').where({ 'm.slug': UPCOMING, 'i.number': 2 }).first('i.id');
    await t.db('agenda_items')
      .where({ id: item.id })
      .update({
        summary: '<p>Skovsnegle &lt;script&gt;alert(1)&lt;/script&gt; 3 &lt; 4 &gt; 2 &lt;mark&gt;falsk&lt;/mark&gt; \uE000kant\uE001 "citat" &amp; \'x\' <strong>fed</strong>skrift &amp;lt;b&amp;gt;</p>',
      });
    const { hits, html } = await search('skovsnegle');
    expect(hits).toHaveLength(1);
    const snippet = hits[0]?.snippetHtml ?? '';
    expect(snippet).toContain('<mark>Skovsnegle</mark>');
    expect(snippet).toContain('3 &lt; 4 &gt; 2');
    expect(snippet).toContain('&quot;citat&quot; &amp; &#39;x&#39;');
    expect(snippet).toContain('fedskrift');
    expect(snippet).toContain('&amp;lt;b&amp;gt;');
    expect(snippet).toContain('kant');
    // Text that looks like markup never becomes markup: the only tags are our own highlights.
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect(snippet.match(/<mark>/g)).toHaveLength(1);
    expect(snippet).not.toMatch(/[\uE000\uE001]/);
    expect(html).not.toContain('<script>alert(1)');
  });

  it('follows an item closed and opened again', async () => {
    const item = await t.db('agenda_items as i').join('meetings as m', 'm.id', 'i.meeting_id').where({ 'm.slug': UPCOMING, 'i.number': 2 }).first('i.id');
    expect((await search('skovsnegle')).hits).toHaveLength(1);
    await t.db('agenda_items').where({ id: item.id }).update({ is_closed: true });
    expect((await search('skovsnegle')).hits).toHaveLength(0);
    expect((await search('skovsnegl')).hits).toHaveLength(0); // nor through the misspelling fallback
    expect((await search('Plads til alle strategi mod udsathed', { type: 'dagsorden' })).hits).toHaveLength(0);
    await t.db('agenda_items').where({ id: item.id }).update({ is_closed: false });
    expect((await search('skovsnegle')).hits).toHaveLength(1);
  });

  it('drops an outside party’s meetings', async () => {
    const sus = await t.db('committees').where({ slug: 'social-og-sundhedsudvalget' }).first('id');
    const slugs = new Set((await t.db('meetings').where({ committee_id: sus.id }).pluck('slug')) as string[]);
    const fromSus = async (q: string) => (await search(q)).hits.filter((h) => slugs.has(h.href.split('/')[2] ?? ''));
    expect((await fromSus('sundhedspolitik')).length).toBeGreaterThan(0);
    await t.db('committees').where({ id: sus.id }).update({ kind: 'external_party' });
    try {
      expect(await fromSus('sundhedspolitik')).toEqual([]);
      expect(await fromSus('omskæring')).toEqual([]);
    } finally {
      await t.db('committees').where({ id: sus.id }).update({ kind: 'committee' });
    }
    expect((await fromSus('sundhedspolitik')).length).toBeGreaterThan(0);
  });

  describe('decisions', () => {
    let secretary: Browser;
    let meetingId: number;
    let itemId: number;
    const members = new Map<string, Browser>();
    const hashOn = (html: string) => /name="hash" value="([0-9a-f]{64})"/.exec(html)?.[1] ?? '';
    const version = async () => String((await t.db('agenda_items').where({ id: itemId }).first('version')).version);

    beforeAll(async () => {
      secretary = await loginAs(app, 'sekretaer@demo.test');
      for (const m of MEMBERS) members.set(m, await loginAs(app, `${m}@demo.test`));
    });

    const approveAll = async () => {
      for (const m of MEMBERS) {
        const member = members.get(m) as Browser;
        const page = await member.get(`/mine-moeder/${meetingId}`).expect(200);
        await member.post(`/mine-moeder/${meetingId}/godkend`, { hash: hashOn(page.text) }).expect(303);
      }
      expect((await t.db('meetings').where({ id: meetingId }).first('status')).status).toBe('minutes_published');
    };

    it('an item is searchable once its agenda is published', async () => {
      const sus = (await t.db('committees').where({ slug: 'social-og-sundhedsudvalget' }).first('id')).id;
      const planned = await secretary.post(`/admin/udvalg/${sus}/moeder`, { date: '2027-01-19', startTime: '16:00', location: 'Mødelokale 1' }).expect(303);
      meetingId = Number(/(\d+)$/.exec(planned.headers.location ?? '')?.[1]);
      const created = await secretary.post(`/admin/moeder/${meetingId}/punkter`, { title: 'Vandrehjemsordning for unge', kind: 'regular', caseTitle: 'Vandrehjem' }).expect(303);
      itemId = Number(/(\d+)$/.exec(created.headers.location ?? '')?.[1]);
      const caseNumber = (await t.db('agenda_items as i').join('cases as c', 'c.id', 'i.case_id').where('i.id', itemId).first('c.case_number')).case_number as string;
      await secretary
        .post(`/admin/punkter/${itemId}`, { version: await version(), title: 'Vandrehjemsordning for unge', caseNumber, summary: 'Forslag om en ny vandrehjemsordning.', points: '1. Ordningen godkendes.' })
        .expect(303);
      expect((await search('vandrehjemsordning')).hits).toHaveLength(0);
      await secretary.post(`/admin/moeder/${meetingId}/offentliggoer`).expect(303);
      const { hits } = await search('vandrehjemsordning');
      expect(hits).toHaveLength(1);
      expect(hits[0]?.href).toBe('/dagsorden/social-og-sundhedsudvalget-19-01-2027/punkt-1');
      expect(hits[0]?.meta).toBe('Social- og Sundhedsudvalget, 19. januar 2027 · Dagsorden');
    });

    it('a decision recorded at the meeting is not searchable until the minutes are published', async () => {
      await secretary.post(`/admin/moeder/${meetingId}/status`, { to: 'held' }).expect(303);
      const people = (await t.db('users').whereIn('email', MEMBERS.map((m) => `${m}@demo.test`)).pluck('person_id')) as number[];
      const attendance: Record<string, string> = { version: String((await t.db('meetings').where({ id: meetingId }).first('version')).version) };
      for (const id of people) Object.assign(attendance, { [`status_${id}`]: 'present', [`reason_${id}`]: '', [`substitute_${id}`]: '' });
      await secretary.post(`/admin/moeder/${meetingId}/fremmoede`, attendance).expect(303);
      await secretary
        .post(`/admin/punkter/${itemId}/beslutning`, { version: await version(), mode: 'whole', phrase: 'approved_with_remarks', text: 'Papegøjeklausulen indarbejdes i ordningen.' })
        .expect(303);
      expect((await t.db('agenda_items').where({ id: itemId }).first('decision')).decision).toContain('Papegøjeklausulen');

      expect((await search('papegøjeklausulen')).hits).toHaveLength(0);
      expect((await search('papegøjeklausul')).hits).toHaveLength(0);
      expect((await search('vandrehjemsordning')).hits[0]?.snippetHtml).not.toContain('Papegøje');
      await secretary.post(`/admin/moeder/${meetingId}/status`, { to: 'minutes_draft' }).expect(303);
      await secretary.post(`/admin/moeder/${meetingId}/frigiv`).expect(303);
      expect((await search('papegøjeklausulen')).hits).toHaveLength(0);

      await approveAll();
      const { hits } = await search('papegøjeklausulen');
      expect(hits).toHaveLength(1);
      expect(hits[0]?.meta).toBe('Social- og Sundhedsudvalget, 19. januar 2027 · Referat');
      expect(hits[0]?.marks).toEqual(['papegøjeklausulen']);
      expect((await search('papegøjeklausulen', { type: 'dagsorden' })).hits).toHaveLength(0);
    });

    it('minutes reopened for correction take their decisions out of the search again', async () => {
      const admin = await loginAs(app, 'admin@demo.test');
      await admin.post(`/admin/moeder/${meetingId}/genaabn`, { reason: 'Beslutningen skal præciseres' }).expect(303);
      expect((await search('papegøjeklausulen')).hits).toHaveLength(0);
      const agenda = await search('vandrehjemsordning');
      expect(agenda.hits).toHaveLength(1);
      expect(agenda.hits[0]?.meta).toMatch(/· Dagsorden$/);

      await secretary.post(`/admin/punkter/${itemId}/beslutning`, { version: await version(), mode: 'whole', phrase: 'approved_with_remarks', text: 'Kakadueklausulen indarbejdes.' }).expect(303);
      await secretary.post(`/admin/moeder/${meetingId}/frigiv`).expect(303);
      await approveAll();
      expect((await search('kakadueklausulen')).hits).toHaveLength(1);
      // The replaced decision is gone; at most the misspelling fallback offers the new one.
      const old = await search('papegøjeklausulen');
      for (const h of old.hits) expect(h.snippetHtml.toLowerCase()).not.toContain('papegøje');
      expect(pageText(old.html)).not.toMatch(/Viser i stedet resultater for »papegøje/);
    });

    it('an item closed after publication leaves the search', async () => {
      const meeting = await t.db('meetings').where({ slug: UPCOMING }).first('id');
      const item = await t.db('agenda_items').where({ meeting_id: meeting.id, number: 2 }).first('id', 'version', 'title', 'case_id');
      const caseNumber = (await t.db('cases').where({ id: item.case_id }).first('case_number')).case_number as string;
      expect((await search('skovsnegle')).hits).toHaveLength(1);
      await secretary
        .post(`/admin/punkter/${item.id}`, { version: String(item.version), title: item.title, caseNumber, closed: 'on', summary: 'Skovsnegle', changeNote: 'Punktet er lukket' })
        .expect(303);
      expect((await t.db('agenda_items').where({ id: item.id }).first('is_closed')).is_closed).toBe(true);
      expect((await search('skovsnegle')).hits).toHaveLength(0);
      expect(pageText((await request(app).get(searchPath(item.title as string)).expect(200)).text)).not.toContain(`/dagsorden/${UPCOMING}/punkt-2`);
    });
  });
});
