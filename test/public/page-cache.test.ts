import type { Server } from 'node:http';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../src/app';
import { createMailer } from '../../src/modules/mail/mailer';
import { createPageCache, type PageCache } from '../../src/web/page-cache';
import { createSessionMiddleware } from '../../src/web/session';
import { fixedNow } from '../helpers/clock';
import { loginAs } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

/**
 * The live page cache (src/web/page-cache.ts): public pages come from memory, and a
 * change committed by anyone (here: straight into the database, as another process
 * would) reaches the next reader through NOTIFY, also after the listener lost its
 * connection.
 */
let t: TestDb;
/** A meeting whose agenda is public and not locked by approved minutes, so it can change */
let MEETING = '';
let cache: PageCache;
let app: Express;
/** One listening server: the cache keys pages by host and port, as a real server has one */
let server: Server;

async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`waited in vain for ${what}`);
}

async function queriesDuring(work: () => Promise<unknown>): Promise<number> {
  let n = 0;
  const count = () => n++;
  t.db.on('query', count);
  try {
    await work();
  } finally {
    t.db.off('query', count);
  }
  return n;
}

beforeAll(async () => {
  t = await cloneDemoDatabase();
  cache = createPageCache({ mode: { kind: 'live', connectionString: t.url }, now: fixedNow });
  const sessions = createSessionMiddleware({ connectionString: t.url, secret: 'test-secret-test-secret-test-secret-0123', secure: false });
  t.onDrop(async () => {
    await cache.close();
    await sessions.close();
  });
  app = createApp({
    pageCache: cache,
    files: { dir: '/nonexistent', maxBytes: 1 },
    mailer: createMailer({ smtpUrl: undefined, from: 'Mødebog <noreply@test.invalid>', baseUrl: 'http://moedebog.test' }),
    config: { env: 'test', siteName: 'Mødebog', accessibilityStatementUrl: 'https://www.was.digst.dk/ballerup-dk' },
    db: t.db,
    session: sessions.handler,
    now: fixedNow,
    log: () => undefined,
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  t.onDrop(() => new Promise((r) => server.close(() => r())));
  await until(() => cache.listening, 'the change listener');
  const open = (await t.db('meetings').where({ status: 'agenda_published' }).orderBy('starts_at').first('slug')) as { slug: string };
  MEETING = `/dagsorden/${open.slug}`;
});

afterAll(async () => {
  await t.drop();
});

const itemIds = async (number: number) => (await t.db('agenda_items as i').join('meetings as m', 'm.id', 'i.meeting_id').where({ 'm.slug': MEETING.split('/')[2], 'i.number': number, 'i.is_closed': false }).pluck('i.id')) as number[];

test('a public page is answered from memory, with the same bytes and ETag, until the data changes', async () => {
  const first = await request(server).get(MEETING).expect(200);
  let second: request.Response | undefined;
  expect(await queriesDuring(async () => (second = await request(server).get(MEETING).expect(200)))).toBe(0);
  expect(second?.text).toBe(first.text);
  expect(second?.headers.etag).toBe(first.headers.etag);
  expect(second?.headers['content-type']).toBe(first.headers['content-type']);
  // Revalidation still works from memory.
  await request(server).get(MEETING).set('If-None-Match', String(first.headers.etag)).expect(304);
  // Each answer gets its own CSP nonce header, even from memory.
  expect(second?.headers['content-security-policy']).not.toBe(first.headers['content-security-policy']);

  // Another process changes an item: the next reader sees it without anyone clearing anything by hand.
  const ids = await itemIds(1);
  expect(ids).toHaveLength(1);
  await t.db('agenda_items').whereIn('id', ids).update({ title: 'Ny titel skrevet af en anden proces' });
  await until(async () => (await request(server).get(MEETING)).text.includes('Ny titel skrevet af en anden proces'), 'the changed title on the meeting page');
  await until(async () => (await request(server).get(`${MEETING}/punkt-1`)).text.includes('Ny titel skrevet af en anden proces'), 'the changed title on the item page');
});

test('signed-in users get their own page, and it does not reach anonymous readers', async () => {
  await request(server).get('/udvalg').expect(200);
  const secretary = await loginAs(app, 'sekretaer@demo.test');
  const own = await secretary.get('/udvalg').expect(200);
  expect(own.text).toContain('Log ud');
  expect(own.headers['cache-control']).toContain('no-store');
  const anonymousPage = await request(server).get('/udvalg').expect(200);
  expect(anonymousPage.text).not.toContain('Log ud');
  expect(anonymousPage.text).not.toContain(secretary.csrf);
});

test('after the listener loses its connection, changes made meanwhile are seen, and later ones too', async () => {
  await request(server).get(MEETING).expect(200);
  await t.db.raw("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'");
  const ids = await itemIds(2);
  expect(ids).toHaveLength(1);
  await t.db('agenda_items').whereIn('id', ids).update({ title: 'Ændret mens ingen lyttede' });
  await until(async () => (await request(server).get(MEETING)).text.includes('Ændret mens ingen lyttede'), 'the change made while disconnected');
  await until(() => cache.listening, 'the listener to reconnect');
  await t.db('agenda_items').whereIn('id', ids).update({ title: 'Ændret efter genopkobling' });
  await until(async () => (await request(server).get(MEETING)).text.includes('Ændret efter genopkobling'), 'the change after reconnecting');
});

test('a refused request (no CSRF token) does not empty the cache: nobody can force pages to be rendered again at will', async () => {
  await request(server).get(MEETING).expect(200);
  await request(server).post('/login').type('form').send({ email: 'x@x.dk', password: 'x' }).expect(403);
  expect(await queriesDuring(() => request(server).get(MEETING).expect(200))).toBe(0);
});

test('readers who ask for a page while it is being made wait for it: one render after a change, not one each', async () => {
  await request(server).get(MEETING).expect(200);
  cache.invalidate();
  const before = { ...cache.counts };
  const answers = await Promise.all(Array.from({ length: 12 }, () => request(server).get(MEETING)));
  expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 12 }, () => 200));
  expect(new Set(answers.map((a) => a.text)).size).toBe(1);
  expect(new Set(answers.map((a) => a.headers.etag)).size).toBe(1);
  // Every other reader waited for that one render (or came just after it and was answered from memory).
  expect(cache.counts.rendered - before.rendered).toBe(1);
  // Each answer still has its own CSP nonce header.
  expect(new Set(answers.map((a) => a.headers['content-security-policy'])).size).toBe(12);
});
