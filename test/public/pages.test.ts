import request from 'supertest';
import { testApp } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

describe('public pages', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await cloneDemoDatabase();
  });
  afterAll(() => t.drop());

  it('front page lists the upcoming meeting and the latest minutes, with root-relative links', async () => {
    const res = await request(testApp(t)).get('/').expect(200);
    const body = pageText(res.text);
    expect(body).toContain('Kommende møder');
    expect(body).toContain('Seneste referater');
    // TEST_TODAY is Tuesday 24 November 2026; the demo's upcoming meeting is the Tuesday two weeks on.
    expect(body).toContain('Social- og Sundhedsudvalget, 8. december 2026 kl. 16.00');
    // The latest minutes, newest first, each linking to its meeting.
    const latest = res.text.slice(res.text.indexOf('Seneste referater'));
    const links = [...latest.matchAll(/href="(\/dagsorden\/[^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThanOrEqual(5);
    const published = await t.db('meetings').where({ status: 'minutes_published' }).orderBy('starts_at', 'desc').limit(links.length).pluck('slug');
    expect(links).toEqual(published.map((slug: string) => `/dagsorden/${slug}`));
    expect(res.text).not.toMatch(/href="https?:\/\/localhost/);
    expect(res.text).toContain('Tilgængelighedserklæring');
    expect(res.text).toContain('href="https://www.was.digst.dk/ballerup-dk"');
  });

  it('/udvalg groups committees by body when there is more than one', async () => {
    const res = await request(testApp(t)).get('/udvalg').expect(200);
    const body = pageText(res.text);
    expect(body.indexOf('Ballerup Kommune')).toBeLessThan(body.indexOf('Albertslund Kommune'));
    expect(res.text).toContain('href="/udvalg/social-og-sundhedsudvalget"');
    expect(res.text).toContain('href="/udvalg/social-og-sundhedsudvalget-albertslund"');
    expect(res.text).toContain('href="/udvalg/oekonomiudvalget"');
    expect(body).toContain('Udsatterådet');
  });

  it('a committee page lists its meetings by year', async () => {
    const res = await request(testApp(t)).get('/udvalg/social-og-sundhedsudvalget').expect(200);
    const body = pageText(res.text);
    expect(body).toMatch(/2026 .*2021 .*2020/);
    expect(res.text).toContain('href="/dagsorden/social-og-sundhedsudvalget-02-03-2021"');
  });

  it('answers unknown addresses with a Danish 404 page', async () => {
    const app = testApp(t);
    for (const path of ['/findes-ikke', '/udvalg/findes-ikke', '/dagsorden/social-og-sundhedsudvalget-01-01-1999', '/dagsorden/SELECT*', '/dagsorden/social-og-sundhedsudvalget-06-04-2021/punkt-0']) {
      const res = await request(app).get(path);
      expect(res.status).toBe(404);
      expect(res.text).toContain('<html lang="da">');
      expect(pageText(res.text)).toContain('Siden findes ikke');
    }
  });

  it('answers a malformed address with 400 and a Danish message, not a server error', async () => {
    const res = await request(testApp(t)).get('/dagsorden/%E0%A4%A').expect(400);
    expect(pageText(res.text)).toContain('Forespørgslen kunne ikke forstås.');
  });

  it('sends a strict content security policy and no framework banner', async () => {
    const res = await request(testApp(t)).get('/').expect(200);
    const csp = res.headers['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self' 'nonce-");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('lets browsers and CDNs cache public pages briefly and revalidate them with an ETag', async () => {
    const app = testApp(t);
    const first = await request(app).get('/dagsorden/social-og-sundhedsudvalget-06-04-2021').expect(200);
    expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(first.headers.etag).toMatch(/^"/);
    await request(app).get('/dagsorden/social-og-sundhedsudvalget-06-04-2021').set('If-None-Match', first.headers.etag ?? '').expect(304);
    const login = await request(app).get('/login').expect(200);
    expect(login.headers['cache-control']).toBe('private, no-store');
  });

  it('serves the DKFDS stylesheet it links to', async () => {
    await request(testApp(t)).get('/assets/dkfds/css/dkfds.min.css').expect(200).expect('content-type', /css/);
    await request(testApp(t)).get('/assets/css/moedebog.css').expect(200);
  });
});
