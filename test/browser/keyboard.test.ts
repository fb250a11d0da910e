import type { Browser, Page } from 'puppeteer';
import { releaseForApproval } from '../../src/modules/approval/service';
import { createMailer } from '../../src/modules/mail/mailer';
import { advanceStatus } from '../../src/modules/meetings/admin-service';
import { testApp } from '../helpers/app';
import { launchChromium, serve } from '../helpers/browser';
import { fixedNow } from '../helpers/clock';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

/** Presses Tab until the element matching `selector` has focus (as a keyboard user reaches it), then returns. */
async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`Boolean(document.activeElement && document.activeElement.matches(${JSON.stringify(selector)}))`)) return;
  }
  // Say where the keyboard was, so that a failure tells why.
  const where = await page.evaluate(`[location.pathname, document.querySelector('h1')?.textContent?.trim() ?? '', document.activeElement?.outerHTML.slice(0, 120) ?? '']`).catch(() => ['?', '?', '?']);
  throw new Error(`${selector} cannot be reached with the Tab key on ${JSON.stringify(where)}`);
}

async function keyboardLogin(page: Page, origin: string, email: string): Promise<void> {
  // Every page the browser loads on the way, with its status and where a redirect sent it: a failure then says which step went wrong.
  const documents: string[] = [];
  page.on('response', (response) => {
    const request = response.request();
    if (request.resourceType() === 'document') documents.push(`${request.method()} ${new URL(response.url()).pathname}${new URL(response.url()).search} → ${response.status()}${response.headers().location ? ` ${response.headers().location}` : ''}`);
  });
  await page.goto(`${origin}/login`);
  await tabTo(page, '#f-email');
  await page.keyboard.type(email);
  await tabTo(page, '#f-password');
  await page.keyboard.type('demo');
  const typed = await page.evaluate(`document.querySelector('#f-email')?.value ?? ''`);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  // Logged in: the login page is left (a failed login shows it again, with its message).
  const after = (await page.evaluate(`[location.pathname, document.querySelector('.alert, .form-error-message')?.textContent?.trim() ?? '', document.title, document.querySelector('main')?.textContent?.replace(/\\s+/g, ' ').trim().slice(0, 300) ?? '']`)) as string[];
  if (after[0] === '/login' || typed !== email) throw new Error(`The keyboard login did not succeed: ${JSON.stringify({ page: after[0], message: after[1], title: after[2], main: after[3], typed, documents }, null, 2)}`);
}

describe('keyboard-only use in real Chromium', () => {
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

  it('lets a secretary add an item to a meeting with the keyboard alone', async () => {
    if (!browser) return;
    const meeting = await t.db('meetings').where({ slug: 'social-og-sundhedsudvalget-08-12-2026' }).first('id');
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await keyboardLogin(page, site.origin, 'sekretaer@demo.test');
    await page.goto(`${site.origin}/admin/moeder/${meeting.id}/punkter/nyt`);
    await tabTo(page, '#f-title');
    await page.keyboard.type('Orientering om tastaturbetjening');
    await tabTo(page, '#f-caseTitle');
    await page.keyboard.type('Tilgængelighed');
    await tabTo(page, 'button[type="submit"]');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await t.db('agenda_items').where({ meeting_id: meeting.id, title: 'Orientering om tastaturbetjening' }).first('id')).toBeDefined();
    await context.close();
  }, 60_000);

  it('lets a member approve the minutes with the keyboard alone', async () => {
    if (!browser) return;
    const meeting = await t.db('meetings').where({ slug: 'social-og-sundhedsudvalget-08-12-2026' }).first('id');
    const secretary = await t.db('users').where({ email: 'sekretaer@demo.test' }).first('id');
    await advanceStatus(t.db, { meetingId: meeting.id, to: 'held', actor: { userId: secretary.id } });
    await advanceStatus(t.db, { meetingId: meeting.id, to: 'minutes_draft', actor: { userId: secretary.id } });
    await releaseForApproval(t.db, { meetingId: meeting.id, userId: secretary.id, now: fixedNow(), mailer: createMailer({ smtpUrl: undefined, from: 'x <x@x.invalid>', baseUrl: site.origin }) });

    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await keyboardLogin(page, site.origin, 'lolan.ottesen@demo.test');
    await page.goto(`${site.origin}/mine-moeder/${meeting.id}`);
    await tabTo(page, 'form[action$="/godkend"] button');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    const person = await t.db('users').where({ email: 'lolan.ottesen@demo.test' }).first('person_id');
    expect(await t.db('minutes_approvals').where({ meeting_id: meeting.id, person_id: person.person_id }).first('id')).toBeDefined();
    await context.close();
  }, 60_000);
});
