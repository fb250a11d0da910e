import request from 'supertest';
import { testApp } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { csrfFrom, loginAs } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

function sessionCookie(res: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return cookies.find((c) => c.startsWith('moedebog.sid='));
}

describe('login, sessions and logout', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await cloneDemoDatabase();
  });
  afterAll(() => t.drop());

  it('sets no cookie for citizens reading public pages', async () => {
    const app = testApp(t);
    for (const path of ['/', '/udvalg', '/dagsorden/social-og-sundhedsudvalget-06-04-2021']) {
      const res = await request(app).get(path).expect(200);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('logs in with the form, rotates the session id, and sets an HttpOnly SameSite cookie', async () => {
    const app = testApp(t);
    const agent = request.agent(app);
    const page = await agent.get('/login').expect(200);
    const before = sessionCookie(page);
    expect(before).toMatch(/HttpOnly/);
    expect(before).toMatch(/SameSite=Lax/);
    const res = await agent.post('/login').type('form').send({ _csrf: csrfFrom(page.text), email: 'sekretaer@demo.test', password: 'demo' }).expect(303);
    expect(res.headers.location).toBe('/admin');
    const after = sessionCookie(res);
    expect(after).toBeDefined();
    expect(after?.split(';')[0]).not.toBe(before?.split(';')[0]);
    await agent.get('/admin').expect(200);
  });

  it('answers a login without or with a wrong CSRF token with 403', async () => {
    const app = testApp(t);
    const agent = request.agent(app);
    await agent.get('/login').expect(200);
    await agent.post('/login').type('form').send({ email: 'sekretaer@demo.test', password: 'demo' }).expect(403);
    await agent.post('/login').type('form').send({ _csrf: 'x', email: 'sekretaer@demo.test', password: 'demo' }).expect(403);
  });

  it('rejects wrong passwords with a Danish message and throttles the account after five', async () => {
    const app = testApp(t);
    const agent = request.agent(app);
    const page = await agent.get('/login');
    const token = csrfFrom(page.text);
    for (let i = 0; i < 5; i++) {
      const res = await agent.post('/login').type('form').send({ _csrf: token, email: 'jack.noer@demo.test', password: 'forkert' });
      expect(res.status).toBe(401);
      expect(pageText(res.text)).toContain('E-mail eller adgangskode er forkert');
    }
    const locked = await agent.post('/login').type('form').send({ _csrf: token, email: 'jack.noer@demo.test', password: 'demo' });
    expect(locked.status).toBe(429);
    expect(pageText(locked.text)).toMatch(/For mange forkerte forsøg\. Prøv igen om \d+ minutter/);
    // Other accounts are not locked by it.
    await agent.post('/login').type('form').send({ _csrf: token, email: 'ali.abbasi@demo.test', password: 'demo' }).expect(303);
  });

  it('validates the form with 422 and keeps what was typed', async () => {
    const app = testApp(t);
    const agent = request.agent(app);
    const token = csrfFrom((await agent.get('/login')).text);
    const res = await agent.post('/login').type('form').send({ _csrf: token, email: 'ikke-en-mail', password: '' }).expect(422);
    expect(pageText(res.text)).toContain('Der er problemer');
    expect(res.text).toContain('value="ikke-en-mail"');
    const odd = await agent.post('/login').type('form').send(`_csrf=${token}&email[a]=1&password=x`);
    expect(odd.status).toBe(422);
  });

  it('only redirects to local paths after login', async () => {
    const app = testApp(t);
    const agent = request.agent(app);
    const token = csrfFrom((await agent.get('/login')).text);
    const res = await agent.post('/login').type('form').send({ _csrf: token, email: 'admin@demo.test', password: 'demo', next: '//evil.example/' }).expect(303);
    expect(res.headers.location).toBe('/admin');
  });

  it('destroys the session at logout', async () => {
    const app = testApp(t);
    const browser = await loginAs(app, 'sekretaer@demo.test');
    await browser.post('/logout').expect(303);
    const res = await browser.get('/admin').expect(303);
    expect(res.headers.location).toBe('/login?next=%2Fadmin');
  });
});
