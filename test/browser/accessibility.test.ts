import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Browser, Page } from 'puppeteer';
import { testApp } from '../helpers/app';
import { launchChromium, serve } from '../helpers/browser';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

/**
 * Every page a citizen, a secretary, an admin and a member can reach, checked by
 * axe-core in real Chromium against WCAG 2.1 A and AA: zero violations. Pages are
 * found by following links from each role's start page; of pages that differ only
 * by their ids, one of each is checked (same template).
 */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PER_TEMPLATE = 1;

function template(path: string): string {
  return path.replace(/\d+/g, ':n').replace(/\/dagsorden\/[^/]+/, '/dagsorden/:slug').replace(/\/udvalg\/[a-z-]+/, '/udvalg/:slug').replace(/\/(hoeringer|sager)\/[^/]+/, '/$1/:x');
}

async function login(page: Page, origin: string, email: string): Promise<void> {
  await page.goto(`${origin}/login`);
  await page.type('#f-email', email);
  await page.type('#f-password', 'demo');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

async function violations(page: Page): Promise<string[]> {
  const result = await new AxePuppeteer(page).withTags(WCAG).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

describe('accessibility (axe-core, WCAG 2.1 AA) in real Chromium', () => {
  let t: TestDb;
  let browser: Browser | null;
  let site: { origin: string; close: () => Promise<void> };

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    site = await serve(testApp(t));
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await site.close();
    await t.drop();
  });

  async function crawl(role: { email?: string; start: string[]; within: RegExp }): Promise<Record<string, string[]>> {
    if (!browser) return {};
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    if (role.email) await login(page, site.origin, role.email);
    const seen = new Set<string>();
    const perTemplate = new Map<string, number>();
    const queue = [...role.start];
    const found: Record<string, string[]> = {};
    while (queue.length > 0) {
      const path = queue.shift() as string;
      const key = template(path);
      if (seen.has(path) || (perTemplate.get(key) ?? 0) >= PER_TEMPLATE) continue;
      seen.add(path);
      perTemplate.set(key, (perTemplate.get(key) ?? 0) + 1);
      const response = await page.goto(`${site.origin}${path}`);
      if (!response || !(response.headers()['content-type'] ?? '').startsWith('text/html')) continue;
      const problems = await violations(page);
      if (problems.length > 0) found[path] = problems;
      const links = await page.$$eval('a[href^="/"]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      for (const link of links) {
        const clean = link.split('#')[0] ?? '';
        if (role.within.test(clean) && !/\.(pdf|xml|ics|json)$/.test(clean) && !seen.has(clean)) queue.push(clean);
      }
    }
    await context.close();
    expect(seen.size).toBeGreaterThanOrEqual(role.start.length + 1);
    return found;
  }

  it('has no violations on the pages citizens read', async () => {
    if (!browser) return;
    const found = await crawl({ start: ['/', '/login', '/findes-ikke', '/dagsorden/social-og-sundhedsudvalget-06-04-2021'], within: /^\/(?!admin|mine-moeder|logout)/ });
    expect(found).toEqual({});
  }, 240_000);

  it('has no violations on the secretariat\'s pages', async () => {
    if (!browser) return;
    const found = await crawl({ email: 'sekretaer@demo.test', start: ['/admin'], within: /^\/(admin|mine-moeder)/ });
    expect(found).toEqual({});
  }, 240_000);

  it('has no violations on the admin\'s and the members\' pages', async () => {
    if (!browser) return;
    const admin = await crawl({ email: 'admin@demo.test', start: ['/admin/brugere', '/admin/log', '/admin/post'], within: /^\/admin\/(brugere|log|post)/ });
    const member = await crawl({ email: 'lolan.ottesen@demo.test', start: ['/mine-moeder'], within: /^\/mine-moeder/ });
    expect({ ...admin, ...member }).toEqual({});
  }, 240_000);

  it('shows form errors accessibly (the error summary and inline messages pass axe)', async () => {
    if (!browser) return;
    const page = await browser.newPage();
    await page.goto(`${site.origin}/login`);
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    expect(await page.title()).toMatch(/^Fejl: /);
    expect(await violations(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
