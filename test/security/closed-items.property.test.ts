import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import fc from 'fast-check';
import request from 'supertest';
import type { Knex } from 'knex';
import { recordApprovedMinutes } from '../../src/modules/approval/service';
import { insertItemGraph, type NewItemGraph } from '../../src/modules/items/item-graph';
import { testApp } from '../helpers/app';
import { files } from '../helpers/files';
import { pdfText } from '../helpers/pdf';
import { runScript } from '../helpers/run-script';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

/**
 * Property: whatever a closed item holds, none of it reaches any public output.
 * fast-check generates meetings (MOEDEBOG_PROPERTY_RUNS, 200 by default; 1,000 in
 * `npm run test:deep`) with open and closed items full of random text (HTML, script,
 * unicode); every piece of a closed item carries a marker token. Then every public
 * output is searched for any marker: live pages, item permalinks, feeds, calendars,
 * the canonical minutes JSON, search, OParl, the static site (pages, feeds, search
 * index) and the PDF text of a sample of meetings.
 */
const RUNS = Number(process.env.MOEDEBOG_PROPERTY_RUNS ?? 200);
const SEED = Number(process.env.MOEDEBOG_PROPERTY_SEED ?? 20261126);
const MARKER = /LUKX[0-9a-z]{8}/;

const freeText = fc
  .oneof(
    fc.string({ maxLength: 60 }),
    fc.fullUnicodeString({ maxLength: 30 }),
    fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', "'; DROP TABLE meetings; --", 'æøå ÆØÅ', '&amp; &lt;', '\u202Eevil'),
  )
  .map((s) => s.replace(/LUKX/gi, '').replace(/\0/g, ''));

const itemArb = fc.record({ closed: fc.boolean(), title: freeText, body: freeText, decision: freeText, point: freeText, attachment: freeText, withSubPoint: fc.boolean() });
const meetingArb = fc.record({
  published: fc.boolean(),
  day: fc.integer({ min: 0, max: 2500 }),
  items: fc.array(itemArb, { minLength: 1, maxLength: 3 }).map((items) => (items.some((i) => i.closed) ? items : [{ ...items[0]!, closed: true }, ...items.slice(1)])),
});

let tokenCounter = 0;
const token = () => `LUKX${(tokenCounter++).toString(36).padStart(8, '0')}`;

type GeneratedItem = { closed: boolean; title: string; body: string; decision: string; point: string; attachment: string; withSubPoint: boolean };

function graph(item: GeneratedItem, number: number, caseId: number, published: boolean): NewItemGraph {
  const mark = (text: string) => (item.closed ? `${token()} ${text} ${token()}` : text);
  return {
    number,
    position: number,
    kind: item.withSubPoint ? 'announcements' : 'regular',
    isClosed: item.closed,
    caseId,
    postponedFromItemId: null,
    title: mark(item.title) || 'Punkt',
    summary: `<p>${mark(item.body).replace(/</g, '&lt;')}</p>`,
    background: item.closed ? `<p>${token()}</p>` : null,
    casePresentation: `<p>${mark(item.body).replace(/</g, '&lt;')}</p>`,
    financialText: null,
    decidedByCommitteeId: null,
    recommendationBy: mark('Administrationen'),
    decision: published ? `<p>${mark(item.decision).replace(/</g, '&lt;')}</p>` : null,
    attachmentsNote: null,
    tables: item.closed ? [{ title: token(), stubHeader: token(), unit: '1.000 kr.', columns: [{ label: token() }], rows: [{ label: token(), values: [1] }] }] : [],
    points: [{ number: 1, text: `<p>${mark(item.point).replace(/</g, '&lt;')}</p>`, decision: null }],
    amendments: [],
    dissents: [],
    absences: [],
    subPoints: item.withSubPoint ? [{ number: 1, title: mark('Meddelelse'), body: `<p>${mark(item.body).replace(/</g, '&lt;')}</p>`, caseId: null, attachments: [{ title: mark(item.attachment) || 'Bilag', recommended: false, isPublic: true }] }] : [],
    attachments: [{ title: mark(item.attachment) || 'Bilag', recommended: true, isPublic: true }],
  };
}

describe(`closed items never reach the public (${RUNS} generated meetings)`, () => {
  let t: TestDb;
  const slugs: string[] = [];
  const publishedSlugs: string[] = [];

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    const committees = (await t.db('committees').whereNot('kind', 'external_party').orderBy('id').select('id', 'slug', 'body_id')) as Array<{ id: number; slug: string; body_id: number }>;
    const meetings = fc.sample(meetingArb, { numRuns: RUNS, seed: SEED });
    await t.db.transaction(async (trx: Knex.Transaction) => {
      for (const [m, spec] of meetings.entries()) {
        const committee = committees[m % committees.length] as (typeof committees)[number];
        const startsAt = new Date(Date.UTC(2019, 0, 1, 13) + spec.day * 24 * 3600 * 1000);
        const slug = `${committee.slug}-gen-${m}`;
        const [row] = await trx('meetings').insert({ committee_id: committee.id, slug, starts_at: startsAt, status: spec.published ? 'minutes_draft' : 'agenda_published', location: 'Rådhuset' }).returning('id');
        const meetingId = (row as { id: number }).id;
        const [c] = await trx('cases').insert({ body_id: committee.body_id, case_number: `GEN-${m}`, title: `Generet sag ${m}` }).returning('id');
        for (const [i, item] of spec.items.entries()) await insertItemGraph(trx, meetingId, graph(item, i + 1, (c as { id: number }).id, spec.published));
        if (spec.published) await recordApprovedMinutes(trx, { meetingId, approvedAt: new Date(startsAt.getTime() + 7 * 24 * 3600 * 1000) });
        slugs.push(slug);
        if (spec.published) publishedSlugs.push(slug);
      }
    });
  }, 300_000);
  afterAll(() => t.drop());

  const leak = (where: string, body: string) => {
    const m = MARKER.exec(body);
    return m ? `${where}: ${m[0]}` : null;
  };

  it('the generator really put closed content in the database', async () => {
    const closed = await t.db('agenda_items').where({ is_closed: true }).where('title', 'like', 'LUKX%').count<{ count: number }[]>('* as count');
    expect(Number(closed[0]?.count)).toBeGreaterThanOrEqual(RUNS);
  });

  it('is in no live page, permalink, feed, calendar, canonical JSON, search result or OParl object', async () => {
    const app = testApp(t);
    const leaks: string[] = [];
    const get = async (p: string) => {
      const res = await request(app).get(p).buffer(true);
      expect({ p, ok: res.status < 500 }).toEqual({ p, ok: true });
      return typeof res.text === 'string' ? res.text : '';
    };
    const paths = ['/', '/udvalg', '/feeds/rss.xml', '/feeds/atom.xml', '/kalender.ics', '/hoeringer'];
    for (const c of await t.db('committees').whereNot('kind', 'external_party').pluck('slug')) paths.push(`/udvalg/${c}`, `/udvalg/${c}/rss.xml`, `/udvalg/${c}/kalender.ics`);
    for (const slug of slugs) {
      paths.push(`/dagsorden/${slug}`, `/dagsorden/${slug}/punkt-1`);
    }
    for (const slug of publishedSlugs) paths.push(`/dagsorden/${slug}/referat/version/1/referat.json`);
    // Eight requests at a time.
    for (let i = 0; i < paths.length; i += 8) {
      await Promise.all(
        paths.slice(i, i + 8).map(async (p) => {
          const found = leak(p, await get(p));
          if (found) leaks.push(found);
        }),
      );
    }
    // Search for the markers themselves and for the closed items' words. The page repeats the query in
    // its form, so the results list (and its snippets) is what must hold no marker.
    for (const q of ['LUKX', 'LUKX00000001', 'LUKX0000000a', 'Administrationen', 'Bilag', 'Meddelelse']) {
      const page = await get(`/soeg?q=${encodeURIComponent(q)}`);
      const list = /<ol class="nobullet-list search-results">[\s\S]*?<\/ol>/.exec(page)?.[0] ?? '';
      const found = leak(`/soeg?q=${q}`, list);
      if (found) leaks.push(found);
    }
    // OParl: every page of the agenda item and meeting lists of every body.
    const bodies = JSON.parse(await get('/oparl/v1.1/body.json')) as { data: Array<{ meeting: string; agendaItem?: string; paper?: string; file?: string }> };
    for (const body of bodies.data) {
      for (const list of [body.meeting, body.agendaItem, body.paper, body.file].filter((u): u is string => Boolean(u))) {
        let next: string | undefined = new URL(list).pathname + new URL(list).search;
        while (next) {
          const page = await get(next);
          const found = leak(next, page);
          if (found) leaks.push(found);
          const link = (JSON.parse(page) as { links?: { next?: string } }).links?.next;
          next = link ? new URL(link).pathname + new URL(link).search : undefined;
        }
      }
    }
    expect(leaks).toEqual([]);
  }, 300_000);

  it('is in no PDF (a sample of agendas and minutes)', async () => {
    const app = testApp(t);
    const leaks: string[] = [];
    for (const slug of [...slugs.slice(0, 3), ...publishedSlugs.slice(0, 2)]) {
      for (const file of publishedSlugs.includes(slug) ? ['dagsorden.pdf', 'referat.pdf'] : ['dagsorden.pdf']) {
        const res = await request(app).get(`/dagsorden/${slug}/${file}`).buffer(true).parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
        expect(res.status).toBe(200);
        const found = leak(`${slug}/${file}`, await pdfText(res.body as Buffer));
        if (found) leaks.push(found);
      }
    }
    expect(leaks).toEqual([]);
  }, 180_000);

  it('is nowhere in the static site: pages, feeds, calendars, JSON, search index', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'moedebog-property-'));
    try {
      const out = path.join(work, 'site');
      const run = await runScript('publish.ts', ['--out', out, '--uden-pdf'], { DATABASE_URL: t.url, DATA_DIR: path.join(work, 'data'), BASE_URL: 'https://moeder.example.dk' });
      expect({ code: run.code, output: run.code === 0 ? '' : run.output }).toEqual({ code: 0, output: '' });
      const site = fs.realpathSync(out);
      const leaks: string[] = [];
      let pages = 0;
      // Every file a visitor can reach, through the meetings' shared folders (symlinks) too.
      for (const file of files(site).map((f) => path.join(site, f))) {
        const data = fs.readFileSync(file);
        const text = /\.pf_(fragment|index|meta)$/.test(file) ? zlib.gunzipSync(data).toString('utf8') : data.toString('utf8');
        if (file.endsWith('.html')) pages++;
        const found = leak(path.relative(site, file), text);
        if (found) leaks.push(found);
      }
      expect(pages).toBeGreaterThan(RUNS);
      expect(leaks).toEqual([]);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 600_000);
});
