import http from 'node:http';
import request from 'supertest';
import { testApp } from '../helpers/app';
import { serve } from '../helpers/browser';
import { csrfFrom } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

/** A POST whose answer is reported as soon as its headers arrive, as a browser follows a redirect. */
function postForm(origin: string, path: string, cookie: string, fields: Record<string, string>): Promise<http.IncomingMessage> {
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const req = http.request(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), cookie } }, resolve);
    req.on('error', reject);
    req.end(body);
  });
}

const cookieOf = (setCookie: string[] | string | undefined) => [setCookie ?? []].flat().map((c) => c.split(';')[0]).join('; ');

describe('a redirect after the session changed', () => {
  let t: TestDb;
  let site: { origin: string; close: () => Promise<void> };

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    site = await serve(testApp(t));
  }, 60_000);
  afterAll(async () => {
    await site.close();
    await t.drop();
  });

  it('is sent only once the session is stored: the page it leads to finds the login, however slow the store', async () => {
    const form = await request(site.origin).get('/login').expect(200);
    const cookie = cookieOf(form.headers['set-cookie']);
    // The session store is slow from here on: storing a session takes a second.
    await t.db.raw(`
      CREATE FUNCTION test_slow_session_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(1); RETURN NEW; END $$;
      CREATE TRIGGER test_slow_session_write BEFORE INSERT ON session FOR EACH ROW EXECUTE FUNCTION test_slow_session_write();`);
    try {
      // As a browser does: the redirect is followed as soon as its headers are in.
      const answer = await postForm(site.origin, '/login', cookie, { _csrf: csrfFrom(form.text), email: 'lolan.ottesen@demo.test', password: 'demo' });
      answer.resume();
      expect(answer.statusCode).toBe(303);
      const home = await request(site.origin).get(answer.headers.location ?? '').set('cookie', cookieOf(answer.headers['set-cookie'])).redirects(0);
      expect({ page: answer.headers.location, status: home.status, sentTo: home.headers.location }).toEqual({ page: '/mine-moeder', status: 200, sentTo: undefined });
    } finally {
      await t.db.raw('DROP TRIGGER test_slow_session_write ON session; DROP FUNCTION test_slow_session_write();');
    }
  }, 30_000);
});
