import type { Express } from 'express';
import request from 'supertest';
import { testApp } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { hitsOf, linksOf, searchPath, statusOf, totalOf } from './search-page';

const SEED_MEETING = '/dagsorden/social-og-sundhedsudvalget-06-04-2021';

describe('the live search at /soeg', () => {
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

  it('is a labelled search form linked from the menu of every page', async () => {
    const front = await request(app).get('/').expect(200);
    expect(front.text).toMatch(/<a href="\/soeg" class="nav-link"><span>Søg<\/span><\/a>/);
    const res = await request(app).get('/soeg').expect(200);
    expect(res.text).toContain('role="search"');
    expect(res.text).toMatch(/<label class="form-label" for="f-q">Søgeord<\/label>/);
    expect(res.text).toMatch(/<input class="form-input" type="search" id="f-q" name="q"/);
    expect(res.text).toMatch(/<label class="form-label" for="f-udvalg">/);
    expect(res.text).toContain('<option value="kommunalbestyrelsen">Kommunalbestyrelsen</option>');
    expect(res.text).toContain('<option value="2021">2021</option>');
    // Committees of another municipality are told apart by its name.
    const other = await t.db('committees as c').join('bodies as b', 'b.id', 'c.body_id').where('b.is_primary', false).whereNot('c.kind', 'external_party').first('c.slug', 'c.name', 'b.name as body');
    if (other) expect(res.text).toContain(`<option value="${other.slug}">${other.name} (${other.body})</option>`);
    // No search yet: no results and no status message.
    expect(res.text).not.toContain('role="status"');
    expect(pageText(res.text)).toContain('Søg i dagsordener og referater');
  });

  it('finds punkt 14 of the seed meeting first for "omskæring sundhedspolitik", its permalink the first link', async () => {
    const { hits, status, html } = await search('omskæring sundhedspolitik');
    expect(hits[0]?.href).toBe(`${SEED_MEETING}/punkt-14`);
    expect(hits[0]?.heading).toBe('Punkt 14: Sundhedspolitik');
    expect(hits[0]?.meta).toBe('Social- og Sundhedsudvalget, 6. april 2021 · Referat');
    expect(hits[0]?.marks).toEqual(expect.arrayContaining(['omskæring']));
    expect(hits[0]?.marks.some((m) => m.startsWith('sundhedspolitik'))).toBe(true);
    expect(status).toBe('1 resultat for »omskæring sundhedspolitik«.');
    expect(html).toMatch(/<title>Søgeresultater for »omskæring sundhedspolitik« – /);
    // The permalink answers.
    await request(app).get(hits[0]?.href ?? '').expect(200);
  });

  describe('on items written for the test', () => {
    // Controlled text on the demo's upcoming meeting (agenda published), so the demo data may grow freely.
    beforeAll(async () => {
      const meeting = await t.db('meetings').where({ slug: 'social-og-sundhedsudvalget-08-12-2026' }).first('id');
      const last = (await t.db('agenda_items').where({ meeting_id: meeting.id }).max('position as position').max('number as number').first()) as { position: number; number: number };
      const add = (n: number, title: string, background: string) =>
        t.db('agenda_items').insert({ meeting_id: meeting.id, position: last.position + n, number: last.number + n, title, background });
      await add(1, 'Orientering om skolebyggeri', '<p>Kystsikringsplanen nævnes. Kystsikringsplanen nævnes igen. Kystsikringsplanen nævnes en tredje gang.</p>');
      await add(2, 'Kystsikringsplan for Ballerup', '<p>Udvalget godkender planen. Udvalgets medlemmer har læst den.</p>');
      await add(3, 'Fjordstien', '<p>Sagen blev godkendt af udvalg og råd.</p>');
      const filler = (n: number) => Array.from({ length: n }, (_, i) => `Sætning nummer ${i + 1} handler om noget helt andet.`).join(' ');
      await add(4, 'Naturpleje ved åen', `<p>${filler(5)} Odderpassagen anlægges først. Tæt ved åen følges stien. ${filler(60)} Bævervandringen følges tæt af kommunen. ${filler(20)}</p>`);
    });

    it('shows the matches of a long text, however far in, cut at whole words', async () => {
      const { hits } = await search('bævervandring');
      expect(hits.map((h) => h.heading)).toEqual([expect.stringMatching(/Naturpleje ved åen$/)]);
      expect(hits[0]?.marks).toEqual(['bævervandringen']);
      const text = pageText(hits[0]?.snippetHtml ?? '');
      expect(text).toMatch(/^(Sætning|nummer|\d+|handler|om|noget|helt|andet\.)\s/);
      // Two words far apart: both shown.
      const both = await search('odderpassage bævervandring');
      expect(both.hits[0]?.marks).toEqual(expect.arrayContaining(['odderpassagen', 'bævervandringen']));
      // A phrase is shown where it stands, though its words stand apart earlier.
      const phrase = (await search('"følges tæt"')).hits.find((h) => h.heading.endsWith('Naturpleje ved åen'));
      expect(phrase?.snippetHtml).toContain('<mark>følges</mark> <mark>tæt</mark>');
    });

    it('ranks the item with the word in its title above an item that only mentions it', async () => {
      const { hits } = await search('kystsikringsplan');
      expect(hits.map((h) => h.heading.replace(/^Punkt \d+: /, ''))).toEqual(['Kystsikringsplan for Ballerup', 'Orientering om skolebyggeri']);
      expect(hits[1]?.marks).toEqual(['kystsikringsplanen', 'kystsikringsplanen', 'kystsikringsplanen']);
    });

    it('names and links an item by its number as it is now, after the item was renumbered', async () => {
      const item = await t.db('agenda_items').where({ title: 'Fjordstien' }).first('id', 'number');
      const meeting = '/dagsorden/social-og-sundhedsudvalget-08-12-2026';
      expect((await search('fjordstien')).hits.map((h) => [h.heading, h.href])).toEqual([[`Punkt ${item.number}: Fjordstien`, `${meeting}/punkt-${item.number}`]]);
      await t.db('agenda_items').where({ id: item.id }).update({ number: item.number + 50 });
      try {
        expect((await search('fjordstien')).hits.map((h) => [h.heading, h.href])).toEqual([[`Punkt ${item.number + 50}: Fjordstien`, `${meeting}/punkt-${item.number + 50}`]]);
      } finally {
        await t.db('agenda_items').where({ id: item.id }).update({ number: item.number });
      }
    });

    it('matches Danish word forms: "udvalgets" finds "udvalg", "godkendt" finds "godkender"', async () => {
      const udvalg = await search('fjordstien udvalgets');
      expect(udvalg.hits.map((h) => h.heading)).toEqual([expect.stringMatching(/Fjordstien$/)]);
      expect(udvalg.hits[0]?.marks).toEqual(['udvalg']);
      const godkend = await search('kystsikringsplan godkendt');
      expect(godkend.hits.map((h) => h.heading)).toEqual([expect.stringMatching(/Kystsikringsplan for Ballerup$/)]);
      expect(godkend.hits[0]?.marks).toContain('godkender');
      const both = await search('udvalgets godkendt', { type: 'dagsorden' });
      expect(both.hits.map((h) => h.heading)).toEqual(expect.arrayContaining([expect.stringMatching(/Fjordstien$/), expect.stringMatching(/Kystsikringsplan for Ballerup$/)]));
    });
  });

  it('matches Danish word forms in the demo data too', async () => {
    const udvalgets = await search('udvalgets');
    expect(totalOf(udvalgets.status)).toBeGreaterThan(3);
    expect(udvalgets.hits.flatMap((h) => h.marks)).toEqual(expect.arrayContaining(['udvalg', 'udvalgets']));
    const godkendt = await search('godkendt', { udvalg: 'social-og-sundhedsudvalget', aar: '2021', type: 'referat' });
    expect(godkendt.hits.flatMap((h) => h.marks).some((m) => m !== 'godkendt' && m.startsWith('godkend'))).toBe(true);
  });

  it('still finds Sundhedspolitik when it is misspelled, and says what it searched for instead', async () => {
    const { hits, html } = await search('sundhedspoliitk', { udvalg: 'social-og-sundhedsudvalget' });
    expect(hits.map((h) => h.heading)).toEqual(expect.arrayContaining(['Punkt 14: Sundhedspolitik', 'Punkt 5: Sundhedspolitik']));
    expect(pageText(html)).toContain('Der var ingen resultater for »sundhedspoliitk«. Viser i stedet resultater for »sundhedspolitik«.');
    expect(statusOf(html)).toMatch(/^\d+ resultat(er)? for »sundhedspolitik«\.$/);
    // One misspelled word next to a correct one.
    const two = await search('omskæring sundhedspoliitk');
    expect(two.hits[0]?.href).toBe(`${SEED_MEETING}/punkt-14`);
  });

  it('says so in Danish when nothing is found', async () => {
    const { hits, status, html } = await search('xqzwvk');
    expect(hits).toHaveLength(0);
    expect(status).toBe('Ingen resultater for »xqzwvk«.');
    expect(pageText(html)).toContain('Prøv med andre eller færre ord');
  });

  it('filters by committee, year and agenda or minutes, and keeps the choices in the form', async () => {
    const all = await search('kommune');
    const council = await search('kommune', { udvalg: 'kommunalbestyrelsen' });
    expect(council.hits.length).toBeGreaterThan(0);
    expect(council.hits.length).toBeLessThan(all.hits.length);
    for (const h of council.hits) expect(h.meta).toMatch(/^Kommunalbestyrelsen, /);
    expect(council.html).toContain('<option value="kommunalbestyrelsen" selected>');

    const year = await search('kommune', { aar: '2018' });
    expect(year.hits.length).toBeGreaterThan(0);
    for (const h of year.hits) expect(h.meta).toMatch(/ 2018 · /);
    expect(year.html).toContain('<option value="2018" selected>');
    expect((await search('kommune', { aar: '1999' })).hits).toHaveLength(0);

    const minutes = await search('udsathed', { type: 'referat' });
    const agendas = await search('udsathed', { type: 'dagsorden' });
    expect(minutes.hits.length).toBeGreaterThan(0);
    expect(agendas.hits.length).toBeGreaterThan(0);
    expect(totalOf(minutes.status) + totalOf(agendas.status)).toBe(totalOf((await search('udsathed')).status));
    for (const h of minutes.hits) expect(h.meta).toMatch(/· Referat$/);
    for (const h of agendas.hits) expect(h.meta).toMatch(/· Dagsorden$/);
    expect(agendas.hits.map((h) => h.href)).toContain('/dagsorden/social-og-sundhedsudvalget-08-12-2026/punkt-2');

    const combined = await search('kommune', { udvalg: 'social-og-sundhedsudvalget', aar: '2021', type: 'referat' });
    expect(combined.hits.length).toBeGreaterThan(0);
    for (const h of combined.hits) expect(h.meta).toMatch(/^Social- og Sundhedsudvalget, .* 2021 · Referat$/);
  });

  it('shows 20 results a page with links to the other pages, keeping the filters', async () => {
    const first = await search('kommune');
    const total = totalOf(first.status);
    expect(total).toBeGreaterThan(20);
    expect(first.hits).toHaveLength(20);
    expect(first.status).toBe(`Viser 1–20 af ${total} resultater for »kommune«.`);
    expect(linksOf(first.html)).toContain('/soeg?q=kommune&side=2');
    expect(first.html).toContain('aria-current="page"');
    const second = await search('kommune', { side: '2' });
    expect(second.hits).toHaveLength(Math.min(20, total - 20));
    const hrefs = new Set(first.hits.map((h) => h.href));
    for (const h of second.hits) expect(hrefs.has(h.href)).toBe(false);
    expect(second.html).toMatch(/<a href="[^"]+" class="button button-arrow button-previous" rel="prev">/);
    expect(linksOf(second.html)).toContain('/soeg?q=kommune');
    const filtered = await search('kommune', { type: 'referat' });
    expect(filtered.hits).toHaveLength(20);
    expect(linksOf(filtered.html)).toContain('/soeg?q=kommune&type=referat&side=2');
    const beyond = await search('kommune', { side: '999' });
    expect(beyond.hits).toHaveLength(0);
    expect(beyond.status).toContain(`Der er ${total} resultater`);
  });

  it('refuses bad input with a Danish message and 422, never an error page', async () => {
    const long = await request(app).get(searchPath('a'.repeat(5000))).expect(422);
    expect(pageText(long.text)).toContain('Der er problemer');
    expect(pageText(long.text)).toContain('Skriv en kortere søgning – højst 200 tegn');
    expect(long.text).toMatch(/<title>Fejl: /);
    expect(long.text).toContain('href="#f-q"');
    const twice = await request(app).get('/soeg?q=a&q=b').expect(422);
    expect(pageText(twice.text)).toContain('Skriv dine søgeord i ét søgefelt');
    expect(pageText((await request(app).get(searchPath('skole', { aar: '20x1' })).expect(422)).text)).toContain('Vælg et år fra listen');
    expect(pageText((await request(app).get(searchPath('skole', { type: 'pdf' })).expect(422)).text)).toContain('Vælg dagsordener, referater eller begge');
    expect(pageText((await request(app).get(searchPath('skole', { udvalg: 'findes-ikke' })).expect(422)).text)).toContain('Vælg et udvalg fra listen');
    expect(pageText((await request(app).get(searchPath('skole', { udvalg: 'Ikke en slug' })).expect(422)).text)).toContain('Vælg et udvalg fra listen');
    const party = await t.db('committees').where({ kind: 'external_party' }).first('slug');
    await request(app).get(searchPath('skole', { udvalg: party.slug })).expect(422);
    for (const side of ['0', '-1', 'abc', '1e3', '99999999']) {
      const res = await request(app).get(searchPath('skole', { side })).expect(422);
      expect(pageText(res.text)).toContain('Vælg en side fra sidevisningen under resultaterne');
    }
    // What was typed is shown again (escaped).
    const typed = await request(app).get(searchPath('<b>skole</b>', { aar: 'x' })).expect(422);
    expect(typed.text).toContain('value="&lt;b&gt;skole&lt;/b&gt;"');
  });

  it('never answers 500, whatever is typed', async () => {
    const nasty = [
      '"',
      '""',
      "'",
      "O'Brien",
      '\\',
      '\\\\',
      "'; DROP TABLE agenda_items; --",
      "1' OR '1'='1",
      '&|!:*()',
      'sundhed & | ! : * ( )',
      '!!!(((',
      'sundhed:*',
      'sundhed:A',
      '<->',
      'a <-> b <2> c',
      '-',
      '-sundhed',
      'or',
      '"sundhed politik',
      'x'.repeat(5000),
      'ø'.repeat(200),
      'a'.repeat(3000),
      'null\u0000byte',
      '\u0001\u0002\u0003\u001b[31m',
      'tab\tnew\nline\rcr',
      '\u202eRTL override',
      '\ufeffBOM',
      '\ud800 lone surrogate',
      '\uE000\uE001 markers',
      '😀🙈 emoji',
      '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
      '中文 العربية עברית',
      '<script>alert(1)</script>',
      '%00%27',
      '${jndi:ldap://x}',
      '{{constructor.constructor("x")()}}',
      '   ',
    ];
    for (const q of nasty) {
      const res = await request(app).get(searchPath(q));
      // A NUL character is refused for every request, with a message (src/web/nul-characters.ts).
      const refused = q.includes('\u0000') ? [400] : [];
      if (![200, 422, ...refused].includes(res.status)) throw new Error(`${JSON.stringify(q.slice(0, 40))} answered ${res.status}`);
      expect(res.text).not.toContain('<script>alert(1)</script>');
    }
    // Raw, badly encoded query strings too.
    for (const raw of ['q=%', 'q=%E0%A4%A', 'q=%ED%A0%80', 'q[]=a', 'q[a]=b', 'q=a&udvalg[]=x', 'q=%00', 'side=2&q=', 'udvalg=&aar=&type=&q=skole']) {
      const res = await request(app).get(`/soeg?${raw}`);
      if (![200, 400, 422].includes(res.status)) throw new Error(`${raw} answered ${res.status}`);
    }
  });

  it('serves Pagefind’s page in the static site, as before', async () => {
    const res = await request(app).get('/soeg').set('x-moedebog-static', '1').expect(200);
    expect(res.text).toContain('/pagefind/pagefind-ui.js');
    expect(res.text).not.toContain('role="search"');
  });
});
