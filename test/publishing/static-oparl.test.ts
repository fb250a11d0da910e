import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import express, { type Express, type RequestHandler } from 'express';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import { createMailer } from '../../src/modules/mail/mailer';
import { isAgendaPublic, MEETING_STATUSES } from '../../src/modules/meetings/meeting-status';
import { createMeetingPdfs } from '../../src/modules/pdf/service';
import { createBrowserPool, type BrowserPool } from '../../src/pdf/browser';
import { testApp } from '../helpers/app';
import { serve } from '../helpers/browser';
import { files } from '../helpers/files';
import { runScript } from '../helpers/run-script';
import { loginAs } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { oparlUrls, shelfOf } from '../../src/modules/oparl/urls';
import { stringsIn, type Json } from '../oparl/client';
import { loadSchemas, schemaForType, validate } from '../oparl/schema-validator';

const schemas = loadSchemas();
const noSession: RequestHandler = (_req, _res, next) => next();

/** id, type, created, modified and deleted: true, nothing else (OParl 1.1, 2.8). */
function isTombstone(object: Json | undefined): boolean {
  return Boolean(object) && Object.keys(object as Json).sort().join(',') === 'created,deleted,id,modified,type' && object?.deleted === true;
}

/**
 * The OParl API in the static site: published through the app (as `npm run publish`
 * does, without the PDFs), served by a plain static file server, and walked as a
 * client would from the system to every public agenda item. Every file is the JSON
 * the live API answers for the same URL, with ids on the static site's base URL.
 */
describe('the OParl API in the static site', () => {
  let t: TestDb;
  let work: string;
  let out: string;
  let site: { origin: string; close: () => Promise<void> };
  let live: Express;
  let liveServer: { origin: string; close: () => Promise<void> };
  let browser: BrowserPool;
  let config: Config;
  let env: Record<string, string>;
  let withdrawn: { attachmentUrl: string; motionUrl: string; voteEventUrl: string; voteUrls: string[]; referatUrl: string };

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'moedebog-oparl-static-'));
    out = path.join(work, 'site');
    // A plain static file server: files by their path, nothing else (no rewrites, no CORS, the type from the extension).
    // It starts before the publish so the site's base URL can be its address.
    site = await serve(express().use(express.static(out, { index: ['index.html'] })));
    env = { BASE_URL: site.origin, DATABASE_URL: t.url, DATA_DIR: path.join(work, 'data') };
    config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
    browser = createBrowserPool({ size: 1, executablePath: config.chromiumPath });
    // The live API on the same database and configuration (the PDF service present, as the publisher's is; no PDF is rendered).
    const filesDir = path.join(config.dataDir, 'files');
    live = createApp({
      config,
      db: t.db,
      session: noSession,
      files: { dir: filesDir, maxBytes: config.uploadMaxBytes },
      mailer: createMailer({ smtpUrl: undefined, from: config.mailFrom, baseUrl: config.baseUrl }),
      pdf: createMeetingPdfs({ db: t.db, filesDir, browser, baseUrl: config.baseUrl, log: () => undefined }),
      log: () => undefined,
    });

    // Soft-deleted objects: an attachment withdrawn from the public, and the seed meeting's minutes reopened
    // (its motion, vote event, votes and referat become tombstones). Their URLs, while they are public:
    const api = `${site.origin}/oparl/v1.1`;
    const attachment = await t
      .db('attachments as a')
      .join('agenda_items as i', 'i.id', 'a.item_id')
      .join('meetings as m', 'm.id', 'i.meeting_id')
      .where({ 'a.is_public': true, 'i.is_closed': false, 'm.status': 'agenda_published' })
      .orderByRaw('a.storage_key IS NULL, a.id')
      .first('a.id');
    const seed = await t.db('meetings').where({ slug: 'social-og-sundhedsudvalget-06-04-2021' }).first('id');
    const item = await t.db('agenda_items').where({ meeting_id: seed.id, number: 14 }).first('id');
    const liveJson = async (url: string) => JSON.parse((await request(live).get(new URL(url).pathname).expect(200)).text) as Json;
    const motionUrl = ((await liveJson(`${api}/agendaItem/${shelfOf(item.id)}/${item.id}.json`))['moedebog:motion'] as string[])[0] as string;
    const voteEventUrl = ((await liveJson(motionUrl)).voteEvent as string[])[0] as string;
    const voteUrls = ((await liveJson(voteEventUrl)).votes as Json[]).map((v) => String(v.id));
    withdrawn = { attachmentUrl: `${api}/file/${shelfOf(attachment.id)}/${attachment.id}.json`, motionUrl, voteEventUrl, voteUrls, referatUrl: `${api}/file/${shelfOf(seed.id)}/referat-${seed.id}.json` };
    expect(voteUrls.length).toBeGreaterThan(0);
    await t.db('attachments').where({ id: attachment.id }).update({ is_public: false, updated_at: t.db.fn.now() });
    // More than a page (100) of memberships in body 1, so a list of the static site has pages: short substitute seats in 2022.
    const sus = await t.db('committees').where({ slug: 'social-og-sundhedsudvalget' }).first('id', 'body_id');
    const seats = Number((await t.db('memberships as ms').join('committees as c', 'c.id', 'ms.committee_id').where('c.body_id', sus.body_id).whereNot('c.kind', 'external_party').count('* as n').first())?.n);
    const people = (await t.db('people').where({ body_id: sus.body_id }).orderBy('id').limit(5).pluck('id')) as number[];
    const extra = Array.from({ length: Math.max(0, 130 - seats) }, (_, i) => ({
      committee_id: sus.id,
      person_id: people[i % people.length],
      role: 'substitute',
      voting_right: false,
      valid_from: `2022-0${1 + (i % 9)}-01`,
      valid_to: `2022-0${1 + (i % 9)}-15`,
    }));
    if (extra.length > 0) await t.db('memberships').insert(extra);
    const admin = await loginAs(testApp(t), 'admin@demo.test');
    await admin.post(`/admin/moeder/${seed.id}/genaabn`, { reason: 'Et navn var stavet forkert' }).expect(303);

    liveServer = await serve(live);
    // As `npm run publish -- --uden-pdf` (in its own process: the search indexer is an ES module).
    const published = await runScript('publish.ts', ['--out', out, '--uden-pdf'], env);
    if (published.code !== 0) throw new Error(published.output);
  }, 180_000);
  afterAll(async () => {
    await site?.close();
    await liveServer?.close();
    await browser?.close();
    fs.rmSync(work, { recursive: true, force: true });
    await t.drop();
  });

  /** An API URL from the static server (it must be on the site's base URL): the parsed file, its text and type. */
  async function fromStatic(url: string): Promise<{ file: Json; text: string; type: string | null }> {
    if (!url.startsWith(`${site.origin}/oparl/v1.1/`)) throw new Error(`not a URL of the static API: ${url}`);
    const res = await fetch(url);
    if (res.status !== 200) throw new Error(`GET ${url} from the static server: ${res.status}`);
    const text = await res.text();
    return { file: JSON.parse(text) as Json, text, type: res.headers.get('content-type') };
  }

  /** The live API's answer for the same path. */
  async function fromLive(url: string): Promise<string> {
    return (await fetch(`${liveServer.origin}${new URL(url).pathname}`)).text();
  }

  /** A file of the static API and the live API's answer for it. */
  async function both(url: string): Promise<{ file: Json; text: string; liveText: string }> {
    const [found, liveText] = await Promise.all([fromStatic(url), fromLive(url)]);
    return { ...found, liveText };
  }

  it('is walked from the system, through every page of every list, to every object and every public agenda item, each file the live JSON', async () => {
    const api = `${site.origin}/oparl/v1.1`;
    const seen = new Map<string, Json>();
    const texts = new Map<string, string>();
    const types = new Set<string | null>();
    // Breadth first over every URL of the API that any file names: lists' pages, objects, embedded objects' ids.
    const queue = [`${api}/system.json`];
    while (queue.length > 0) {
      const batch = queue.splice(0, 8).filter((u) => !seen.has(u));
      const fetched = await Promise.all(batch.map(async (u) => [u, await fromStatic(u)] as const));
      for (const [url, { file, text, type }] of fetched) {
        if (seen.has(url)) continue;
        seen.set(url, file);
        texts.set(url, text);
        types.add(type);
        for (const s of stringsIn(file)) if (s.startsWith(`${api}/`) && !seen.has(s) && !queue.includes(s)) queue.push(s);
      }
    }
    expect([...types]).toEqual(['application/json; charset=utf-8']);

    // The same JSON as the live API: every list page byte for byte; every object as the live lists hold it
    // (the API serves a listed object under its id exactly as listed: test/oparl/api.test.ts), and the
    // objects no list holds (the system, motions, vote events, votes) byte for byte from the live API.
    const lists = [...seen].filter(([, file]) => 'data' in file && 'pagination' in file).map(([url]) => url);
    const listed = new Map<string, Json>();
    for (const url of lists) for (const entry of seen.get(url)?.data as Json[]) listed.set(String(entry.id), entry);
    const unlisted = [...seen.keys()].filter((url) => !lists.includes(url) && !listed.has(url));
    const differs: string[] = [];
    const byLive = [...lists, ...unlisted];
    for (let i = 0; i < byLive.length; i += 6) {
      await Promise.all(
        byLive.slice(i, i + 6).map(async (url) => {
          if ((await fromLive(url)) !== texts.get(url)) differs.push(url);
        }),
      );
    }
    for (const [url, file] of seen) if (listed.has(url) && !isDeepStrictEqual(file, listed.get(url))) differs.push(url);
    expect(differs).toEqual([]);
    expect(lists.length).toBeGreaterThan(20);
    expect(unlisted.length).toBeLessThan(lists.length);

    // Every public agenda item was reached through its meeting, and is valid.
    const publicItems = (await t
      .db('agenda_items as i')
      .join('meetings as m', 'm.id', 'i.meeting_id')
      .join('committees as c', 'c.id', 'm.committee_id')
      .whereNot('c.kind', 'external_party')
      .whereIn('m.status', MEETING_STATUSES.filter(isAgendaPublic))
      .orderBy('i.id')
      .pluck('i.id')) as number[];
    expect(publicItems.length).toBeGreaterThan(50);
    for (const id of publicItems) {
      const item = seen.get(`${api}/agendaItem/${shelfOf(id)}/${id}.json`);
      expect({ id, found: Boolean(item) }).toEqual({ id, found: true });
      const meeting = seen.get(String(item?.meeting));
      expect((meeting?.agendaItem as Json[]).map((i) => i.id)).toContain(item?.id);
    }
    // Every object served is valid against the OParl 1.1 schemas (or a tombstone); lists have their pages.
    const invalid: string[] = [];
    for (const [url, object] of seen) {
      if ('data' in object) {
        for (const listed of object.data as Json[]) if (!isTombstone(listed)) invalid.push(...validate(listed, schemaForType(listed.type, schemas) ?? {}, schemas, url));
        continue;
      }
      const schema = schemaForType(object.type, schemas);
      if (schema && !isTombstone(object)) invalid.push(...validate(object, schema, schemas, url));
    }
    expect(invalid).toEqual([]);

    // The walk found every OParl file the publisher wrote, and nothing else is there.
    const root = fs.realpathSync(out);
    const written = files(path.join(root, 'oparl')).map((f) => `${api}/${f.split(path.sep).join('/').replace(/^v1\.1\//, '')}`);
    expect(written.every((f) => f.endsWith('.json'))).toBe(true);
    // (The withdrawn motion, vote event and votes are tombstones no list or object links to any more: clients knew their URLs.)
    const tombstones = [withdrawn.motionUrl, withdrawn.voteEventUrl, ...withdrawn.voteUrls];
    expect(written.sort()).toEqual([...seen.keys(), ...tombstones].sort());
  }, 120_000);

  it('holds soft-deleted objects as tombstones under their ids and in the lists', async () => {
    const api = `${site.origin}/oparl/v1.1`;
    for (const url of [withdrawn.attachmentUrl, withdrawn.referatUrl, withdrawn.motionUrl, withdrawn.voteEventUrl, ...withdrawn.voteUrls]) {
      const { file, text, liveText } = await both(url);
      expect({ url, tombstone: isTombstone(file) }).toEqual({ url, tombstone: true });
      expect(text).toBe(liveText);
    }
    const fileList = (await both(`${api}/body/1/file.json`)).file;
    const listed: Json[] = [...(fileList.data as Json[])];
    for (let next = (fileList.links as Json).next; typeof next === 'string'; ) {
      const page = (await both(next)).file;
      listed.push(...(page.data as Json[]));
      next = (page.links as Json).next;
    }
    for (const url of [withdrawn.attachmentUrl, withdrawn.referatUrl]) expect(isTombstone(listed.find((f) => f.id === url))).toBe(true);
  });

  it('paginates by path: the static list pages are the live API\'s pages of the default size', async () => {
    const api = `${site.origin}/oparl/v1.1`;
    const pageUrl = (n: number) => (n === 1 ? `${api}/body/1/membership.json` : `${api}/body/1/membership/page-${n}.json`);
    const first = (await both(pageUrl(1))).file;
    const pagination = first.pagination as Json;
    expect(pagination.elementsPerPage).toBe(100);
    expect(pagination.totalPages).toBeGreaterThan(1);
    const links = first.links as Json;
    expect(links).toMatchObject({ first: pageUrl(1), self: pageUrl(1), next: pageUrl(2) });
    const totalPages = Number(pagination.totalPages);
    expect(links.last).toBe(pageUrl(totalPages));
    const last = (await both(pageUrl(totalPages))).file;
    expect(last.links).toMatchObject({ self: pageUrl(totalPages), prev: pageUrl(totalPages - 1) });
    expect((last.links as Json).next).toBeUndefined();
    // Filtered views are the live API's alone; the static site has the plain pages.
    const filtered = await request(live).get('/oparl/v1.1/body/1/membership.json?modified_since=2999-01-01T00%3A00%3A00Z').expect(200);
    expect((filtered.body as Json).pagination).toMatchObject({ totalElements: 0 });
  });

  it('shows a closed item as its number and a neutral name only', async () => {
    const closed = await t.db('agenda_items').where({ title: 'Køb af ejendommen Lindevej 12' }).first('id', 'is_closed');
    expect(closed.is_closed).toBe(true);
    const { file } = await both(oparlUrls(site.origin).agendaItem(closed.id));
    expect(Object.keys(file).sort()).toEqual(['created', 'deleted', 'id', 'meeting', 'modified', 'name', 'number', 'order', 'public', 'type']);
    expect(file).toMatchObject({ name: 'Lukket punkt', public: false });
    const root = path.join(fs.realpathSync(out), 'oparl');
    const leaks = files(root).filter((f) => /Lindevej|Købsaftale|købesum/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(leaks).toEqual([]);
    expect(fs.existsSync(path.join(fs.realpathSync(out), oparlUrls('').consultation(closed.id)))).toBe(false);
  });

  it('after one meeting changes, a publish that takes over the rest still holds the live JSON in every file', async () => {
    const item = (await t.db('agenda_items as i')
      .join('meetings as m', 'm.id', 'i.meeting_id')
      .where({ 'm.status': 'agenda_published', 'i.is_closed': false, 'i.kind': 'regular' })
      .orderBy('i.id')
      .first('i.id', 'i.meeting_id')) as { id: number; meeting_id: number };
    const before = fs.realpathSync(out);
    await t.db('agenda_items').where({ id: item.id }).update({ title: 'Titel ændret før næste udgivelse', updated_at: t.db.fn.now() });
    const again = await runScript('publish.ts', ['--out', out, '--uden-pdf'], env);
    if (again.code !== 0) throw new Error(again.output);
    const root = fs.realpathSync(out);
    expect(root).not.toBe(before);
    expect(Number(/(\d+) uændrede sider og filer overtaget/.exec(again.output)?.[1])).toBeGreaterThan(100);
    const api = `${site.origin}/oparl/v1.1`;
    const all = files(path.join(root, 'oparl')).map((f) => `${api}/${f.split(path.sep).join('/').replace(/^v1\.1\//, '')}`);
    // Every file, the changed ones and those taken over, is what the live API answers now (the withdrawn
    // motion, vote event and votes are tombstones there too).
    const differs: string[] = [];
    for (let i = 0; i < all.length; i += 6) {
      await Promise.all(
        all.slice(i, i + 6).map(async (url) => {
          const [found, liveText] = await Promise.all([fromStatic(url), fromLive(url)]);
          if (found.text !== liveText) differs.push(url);
        }),
      );
    }
    expect(differs).toEqual([]);
    expect((await fromStatic(`${api}/agendaItem/${shelfOf(item.id)}/${item.id}.json`)).file.name).toBe('Titel ændret før næste udgivelse');
    // An object of another meeting was not made again: the same file as in the previous version.
    const other = (await t.db('agenda_items as i')
      .join('meetings as m', 'm.id', 'i.meeting_id')
      .where({ 'm.status': 'minutes_published', 'i.is_closed': false })
      .whereNot('m.id', item.meeting_id)
      .whereNotExists(t.db('agenda_items as a').join('agenda_items as b', 'b.case_id', 'a.case_id').whereRaw('a.meeting_id = m.id').where('b.meeting_id', item.meeting_id))
      .orderBy('i.id')
      .first('i.id')) as { id: number };
    const file = oparlUrls('').agendaItem(other.id).slice(1);
    expect(fs.statSync(path.join(root, file)).ino).toBe(fs.statSync(path.join(before, file)).ino);
  }, 180_000);
});
