import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { launchChromium, serve } from '../helpers/browser';
import { pdfText } from '../helpers/pdf';
import { files } from '../helpers/files';
import { SHARED_FILES, SHARED_INDEX, SHARED_LIST } from '../../src/modules/publishing/static-site';
import { testApp } from '../helpers/app';
import { runScript } from '../helpers/run-script';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

/** The closed item of the demo's upcoming meeting: its title, price and attachment must not reach the static site in any form. */
const SECRETS = ['Lindevej', '14,5 mio', 'Købsaftale', 'købesum'];

/** What a plain static file server does with a URL path: the file, or the folder's index.html. */
function resolves(site: string, urlPath: string): boolean {
  const p = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '');
  const file = path.join(site, p);
  return (fs.existsSync(file) && fs.statSync(file).isFile()) || fs.existsSync(path.join(file, 'index.html'));
}

describe('npm run publish: the static site', () => {
  let t: TestDb;
  let work: string;
  let out: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'moedebog-publish-'));
    out = path.join(work, 'site');
    env = { DATABASE_URL: t.url, DATA_DIR: path.join(work, 'data'), BASE_URL: 'https://moeder.ballerup.dk' };
    const first = await runScript('publish.ts', ['--out', out], env);
    if (first.code !== 0) throw new Error(first.output);
  }, 300_000);
  afterAll(async () => {
    fs.rmSync(work, { recursive: true, force: true });
    await t.drop();
  });

  it('holds every published meeting, its items, PDFs, feeds, calendars, sitemap and assets', async () => {
    const site = fs.realpathSync(out);
    const meetings = (await t.db('meetings').whereNot('status', 'planned').pluck('slug')) as string[];
    expect(meetings.length).toBeGreaterThanOrEqual(7);
    for (const slug of meetings) {
      expect(fs.existsSync(path.join(site, 'dagsorden', slug, 'index.html'))).toBe(true);
      expect(fs.existsSync(path.join(site, 'dagsorden', slug, 'punkt-1', 'index.html'))).toBe(true);
      expect(fs.existsSync(path.join(site, 'dagsorden', slug, 'dagsorden.pdf'))).toBe(true);
    }
    expect(fs.existsSync(path.join(site, 'dagsorden', 'social-og-sundhedsudvalget-06-04-2021', 'referat.pdf'))).toBe(true);
    for (const f of ['index.html', 'udvalg/index.html', 'feeds/rss.xml', 'feeds/atom.xml', 'kalender.ics', 'udvalg/social-og-sundhedsudvalget/kalender.ics', 'sitemap.xml', '404.html', 'soeg/index.html', 'assets/dkfds/css/dkfds.min.css', 'assets/css/moedebog.css', 'pagefind/pagefind-ui.js']) {
      expect({ f, exists: fs.existsSync(path.join(site, f)) }).toEqual({ f, exists: true });
    }
    const sitemap = fs.readFileSync(path.join(site, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://moeder.ballerup.dk/dagsorden/social-og-sundhedsudvalget-06-04-2021</loc>');
    const page = fs.readFileSync(path.join(site, 'dagsorden', 'social-og-sundhedsudvalget-06-04-2021', 'index.html'), 'utf8');
    expect(page).toContain('1.177.788');
    expect(page).toContain('Referatet er godkendt');
    expect(page).not.toContain('href="/login"');
  });

  it('has no broken links: every root-relative link and source resolves to a file, as a static server serves it', () => {
    const site = fs.realpathSync(out);
    const broken: string[] = [];
    for (const f of files(site).filter((f) => f.endsWith('.html'))) {
      const html = fs.readFileSync(path.join(site, f), 'utf8');
      for (const m of html.matchAll(/(?:href|src)="(\/[^"]*)"/g)) {
        const link = (m[1] ?? '').replace(/&amp;/g, '&');
        if (!resolves(site, link)) broken.push(`${f} → ${link}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('never contains the closed item: not in pages, feeds, calendars, JSON, the search index or PDF text', async () => {
    const site = fs.realpathSync(out);
    const leaks: string[] = [];
    const all = files(site);
    const check = (f: string, text: string) => {
      for (const secret of SECRETS) if (text.includes(secret)) leaks.push(`${f}: ${secret}`);
    };
    for (const f of all.filter((f) => !f.endsWith('.pdf'))) {
      const data = fs.readFileSync(path.join(site, f));
      check(f, f.startsWith('pagefind/') && /\.pf_(fragment|index|meta)$/.test(f) ? zlib.gunzipSync(data).toString('utf8') : data.toString('utf8'));
    }
    // PDF text, four at a time (each is read by pdfjs in its own process), of every meeting that has a
    // closed item: the PDFs are rendered from the same public view model as the pages checked above.
    expect(all.filter((f) => f.endsWith('.pdf')).length).toBeGreaterThan(10);
    const withClosed = (await t.db('meetings as m').join('agenda_items as i', 'i.meeting_id', 'm.id').where('i.is_closed', true).distinct().pluck('m.slug')) as string[];
    expect(withClosed).toContain('social-og-sundhedsudvalget-08-12-2026');
    const pdfs = all.filter((f) => f.endsWith('.pdf') && withClosed.some((slug) => f.startsWith(`dagsorden/${slug}/`)));
    expect(pdfs.length).toBeGreaterThanOrEqual(withClosed.length);
    for (let i = 0; i < pdfs.length; i += 4) {
      await Promise.all(pdfs.slice(i, i + 4).map(async (f) => check(f, await pdfText(fs.readFileSync(path.join(site, f))))));
    }
    expect(leaks).toEqual([]);
    // The search index really holds the pages' text (so the check above means something).
    const fragments = files(site).filter((f) => f.endsWith('.pf_fragment'));
    expect(fragments.length).toBeGreaterThan(10);
    const fragmentText = fragments.map((f) => zlib.gunzipSync(fs.readFileSync(path.join(site, f))).toString('utf8')).join('\n');
    expect(fragmentText).toContain('Sundhedspolitik');
  }, 240_000);

  it('works from a plain static file server in a real browser: pages, styles and the offline search', async () => {
    const browser = await launchChromium();
    if (!browser) return;
    const files = await serve(express().use(express.static(fs.realpathSync(out), { extensions: ['html'] })));
    try {
      const first = await browser.newPage();
      await first.goto(`${files.origin}/dagsorden/social-og-sundhedsudvalget-06-04-2021/`);
      expect(await first.title()).toContain('Social- og Sundhedsudvalget');
      expect(await first.evaluate('getComputedStyle(document.querySelector(".skipnav")).position')).toBe('absolute');
      // Pagefind's UI never retries: one failed fetch of its script, index or WebAssembly leaves it searching
      // for good, as a reload would mend for a reader. So a search that shows nothing within 20 s is tried again
      // on a fresh page, at most twice, and what the browser reported is printed (and is the failure message
      // if all three fail): the test still fails when the search is broken, and says why.
      const failedAttempts: string[] = [];
      let page = first;
      let found = false;
      for (let attempt = 1; attempt <= 3; attempt++) {
        if (attempt > 1) {
          await page.close();
          page = await browser.newPage();
        }
        const log: string[] = [];
        page.on('console', (m) => log.push(`console.${m.type()}: ${m.text()}`));
        page.on('pageerror', (e) => log.push(`page error: ${String(e)}`));
        page.on('requestfailed', (r) => log.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? '?'})`));
        page.on('response', (r) => void (r.status() >= 400 && log.push(`HTTP ${r.status()}: ${r.url()}`)));
        await page.goto(`${files.origin}/soeg/`);
        await page.waitForSelector('.pagefind-ui__search-input');
        // Set the query as one input event (typing "æ" key by key is at the mercy of the keyboard layout).
        await page.evaluate(`(() => {
          const input = document.querySelector('.pagefind-ui__search-input');
          input.value = 'omskæring';
          input.dispatchEvent(new Event('input', { bubbles: true }));
        })()`);
        // A result, or the UI's answer that there is none (an answer, not a hiccup: no new attempt).
        const outcome = await page
          .waitForFunction(`document.querySelector('.pagefind-ui__result-link') ? 'found' : /Ingen resultater/.test(document.querySelector('.pagefind-ui__message')?.textContent ?? '') ? 'none' : false`, { timeout: 20_000 })
          .then((handle) => handle.jsonValue() as Promise<string>, () => 'stuck');
        found = outcome === 'found';
        if (found) break;
        const shown = await page.$eval('.pagefind-ui', (e) => (e.textContent ?? '').slice(0, 200)).catch(() => '?');
        failedAttempts.push(`attempt ${attempt}: ${outcome === 'none' ? 'no results' : 'no answer in 20 s'}; the UI showed "${shown.trim()}"; the browser said:\n${log.join('\n') || '(nothing)'}`);
        if (outcome === 'none') break;
      }
      if (failedAttempts.length > 0) console.warn(`The static search failed ${failedAttempts.length} of at most 3 attempts:\n${failedAttempts.join('\n')}`);
      expect(found ? 'found' : failedAttempts.join('\n')).toBe('found');
      const links = await page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      // The hit is the meeting's page, with the item itself as a sub-result: a link to its heading there.
      expect(links).toContain('/dagsorden/social-og-sundhedsudvalget-06-04-2021/#punkt-14-heading');
    } finally {
      await browser.close();
      await files.close();
    }
  }, 120_000);

  it('rewrites nothing when nothing changed, and only what changed otherwise', async () => {
    const before = fs.readlinkSync(out);
    const beforeDir = fs.realpathSync(out);
    const index = path.join(fs.realpathSync(out), 'index.html');
    const mtime = fs.statSync(index).mtimeMs;
    const again = await runScript('publish.ts', ['--out', out], env);
    expect(again.code).toBe(0);
    expect(again.output).toContain('Ingen ændringer');
    expect(fs.readlinkSync(out)).toBe(before);
    expect(fs.statSync(index).mtimeMs).toBe(mtime);

    // One committee renamed: a new version, most files hard links to the previous one.
    await t.db('committees').where({ slug: 'udsatteraadet' }).update({ name: 'Udsatterådet i Albertslund' });
    const changed = await runScript('publish.ts', ['--out', out], env);
    expect(changed.code).toBe(0);
    expect(fs.readlinkSync(out)).not.toBe(before);
    const written = Number(/heraf (\d+) skrevet/.exec(changed.output)?.[1]);
    const total = Number(/(\d+) filer, heraf/.exec(changed.output)?.[1]);
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(total / 4);
    // An unchanged file is the very same file as in the previous version (a hard link, or its meeting's shared folder).
    const unchangedPdf = path.join('dagsorden', 'social-og-sundhedsudvalget-06-04-2021', 'referat.pdf');
    expect(fs.statSync(path.join(fs.realpathSync(out), unchangedPdf)).ino).toBe(fs.statSync(path.join(beforeDir, unchangedPdf)).ino);
  }, 240_000);

  it('renders only the changed meeting (and meetings sharing its cases) when one meeting changes', async () => {
    const item = (await t.db('agenda_items as i')
      .join('meetings as m', 'm.id', 'i.meeting_id')
      .where({ 'm.status': 'agenda_published', 'i.is_closed': false, 'i.kind': 'regular' })
      .first('i.id', 'i.number', 'm.slug')) as { id: number; number: number; slug: string };
    const untouched = (await t.db('meetings as m')
      .where({ status: 'minutes_published' })
      .whereNot('slug', item.slug)
      .whereNotExists(t.db('agenda_items as a').join('agenda_items as b', 'b.case_id', 'a.case_id').join('meetings as o', 'o.id', 'b.meeting_id').whereRaw('a.meeting_id = m.id').where('o.slug', item.slug))
      .orderBy('starts_at')
      .first('slug')) as { slug: string };
    const before = fs.realpathSync(out);
    await t.db('agenda_items').where({ id: item.id }).update({ title: 'Titel ændret efter udgivelsen' });
    const run = await runScript('publish.ts', ['--out', out], env);
    expect(run.code).toBe(0);
    const taken = Number(/(\d+) uændrede sider og filer overtaget/.exec(run.output)?.[1]);
    const site = fs.realpathSync(out);
    // Every page of a meeting that shares no case with the changed one was taken over, not rendered.
    const related = new Set(
      (await t.db.raw<{ rows: Array<{ slug: string }> }>('SELECT DISTINCT o.slug FROM meetings m JOIN agenda_items a ON a.meeting_id = m.id JOIN agenda_items b ON b.case_id = a.case_id JOIN meetings o ON o.id = b.meeting_id WHERE m.slug = ?', [item.slug])).rows.map((r) => r.slug),
    );
    related.add(item.slug);
    const index = JSON.parse(fs.readFileSync(path.join(site, '.moedebog-pages.json'), 'utf8')) as { shared: Record<string, { pages: string[]; files: number }> };
    const unrelated = Object.entries(index.shared).filter(([dir]) => dir.startsWith('dagsorden/') && !related.has(dir.replace(/^dagsorden\//, '')));
    expect(unrelated.flatMap(([, folder]) => folder.pages).length).toBeGreaterThan(50);
    expect(taken).toBeGreaterThanOrEqual(unrelated.reduce((sum, [, folder]) => sum + folder.files, 0));
    // Each unrelated meeting's folder is the one the previous version linked: the new version holds one symlink for it,
    // the previous version's own symlink hard-linked (no new inode).
    for (const [dir] of unrelated) {
      expect(fs.lstatSync(path.join(site, dir)).isSymbolicLink()).toBe(true);
      expect(fs.realpathSync(path.join(site, dir))).toBe(fs.realpathSync(path.join(before, dir)));
      expect(fs.lstatSync(path.join(site, dir)).ino).toBe(fs.lstatSync(path.join(before, dir)).ino);
    }
    expect(fs.realpathSync(path.join(site, 'dagsorden', item.slug))).not.toBe(fs.realpathSync(path.join(before, 'dagsorden', item.slug)));
    expect(site).not.toBe(before);
    expect(fs.readFileSync(path.join(site, 'dagsorden', item.slug, `punkt-${item.number}`, 'index.html'), 'utf8')).toContain('Titel ændret efter udgivelsen');
    // In the changed meeting's new folder, only the changed item's page and the meeting's page (which lists every
    // item) were made again: the pages of the items that share no case with it were taken over, made from the same stamp.
    const entriesOf = (version: string) => {
      const pages = JSON.parse(fs.readFileSync(path.join(version, '.moedebog-pages.json'), 'utf8')) as { shared: Record<string, { store: string }> };
      const store = pages.shared[`dagsorden/${item.slug}`]?.store ?? 'ingen';
      return (JSON.parse(fs.readFileSync(path.join(`${out}.shared`, store, SHARED_INDEX), 'utf8')) as { entries: Record<string, { stamp: string | null; hash: string }> }).entries;
    };
    const siblings = (await t.db.raw<{ rows: Array<{ number: number }> }>(
      `SELECT s.number FROM agenda_items s JOIN agenda_items i ON i.id = ? AND s.meeting_id = i.meeting_id AND s.id <> i.id
        WHERE NOT EXISTS (SELECT 1 FROM (SELECT case_id FROM agenda_items WHERE id = s.id UNION SELECT case_id FROM sub_points WHERE item_id = s.id) a
                            JOIN (SELECT case_id FROM agenda_items WHERE id = i.id UNION SELECT case_id FROM sub_points WHERE item_id = i.id) b ON a.case_id = b.case_id)`,
      [item.id],
    )).rows.map((r) => r.number);
    const pageOf = (n: number) => `/dagsorden/${item.slug}/punkt-${n}`;
    const previousEntries = entriesOf(before);
    const changedEntries = entriesOf(site);
    expect(siblings.length).toBeGreaterThan(1);
    for (const n of siblings) {
      expect(changedEntries[pageOf(n)]?.stamp).toMatch(/^[0-9a-f]{64}$/);
      expect(changedEntries[pageOf(n)]).toEqual(previousEntries[pageOf(n)]);
    }
    expect(changedEntries[pageOf(item.number)]?.stamp).not.toBe(previousEntries[pageOf(item.number)]?.stamp);
    expect(changedEntries[`/dagsorden/${item.slug}`]?.hash).not.toBe(previousEntries[`/dagsorden/${item.slug}`]?.hash);
    // An unrelated meeting's page was not rendered again: the very same file as in the previous version.
    const page = path.join('dagsorden', untouched.slug, 'index.html');
    expect(fs.statSync(path.join(site, page)).ino).toBe(fs.statSync(path.join(before, page)).ino);
    // No page came or went: the sitemap was taken over, the very same file.
    expect(fs.statSync(path.join(site, 'sitemap.xml')).ino).toBe(fs.statSync(path.join(before, 'sitemap.xml')).ino);
    // The calendar of all meetings, joined from the committees' calendars (most taken over), is what the live site answers.
    const live = await request(testApp(t)).get('/kalender.ics').set({ 'x-forwarded-host': 'moeder.ballerup.dk', 'x-forwarded-proto': 'https' }).expect(200);
    const calendar = fs.readFileSync(path.join(site, 'kalender.ics'), 'utf8');
    expect(calendar.replace(/\r\n /g, '')).toContain('Titel ændret efter udgivelsen');
    expect(calendar).toBe(live.text);

    // The meeting cancelled: its committee's page, feed and the front page's list follow; other committees' pages are taken over.
    const meeting = (await t.db('meetings as m').join('committees as c', 'c.id', 'm.committee_id').where('m.slug', item.slug).first('m.id', 'c.slug as committee')) as { id: number; committee: string };
    await t.db('meetings').where({ id: meeting.id }).update({ cancelled: true });
    const cancelled = await runScript('publish.ts', ['--out', out], env);
    expect(cancelled.code).toBe(0);
    const after = fs.realpathSync(out);
    const committeePage = fs.readFileSync(path.join(after, 'udvalg', meeting.committee, 'index.html'), 'utf8');
    const row = committeePage.slice(committeePage.indexOf(`/dagsorden/${item.slug}`) - 600, committeePage.indexOf(`/dagsorden/${item.slug}`) + 600);
    expect(row).toContain('Aflyst');
    // A change to the meeting itself: every item's page is made again.
    const cancelledEntries = entriesOf(after);
    for (const n of [item.number, ...siblings]) expect(cancelledEntries[pageOf(n)]?.stamp).not.toBe(changedEntries[pageOf(n)]?.stamp);
    const committees = fs.readdirSync(path.join(after, 'udvalg'), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== meeting.committee);
    const takenOver = committees.filter((e) => fs.statSync(path.join(after, 'udvalg', e.name, 'index.html')).ino === fs.statSync(path.join(site, 'udvalg', e.name, 'index.html')).ino);
    expect(takenOver.length).toBeGreaterThan(0);

    // A new item: its page comes, and the sitemap lists it.
    const number = ((await t.db('agenda_items').where({ meeting_id: meeting.id }).max('number as n').first()) as { n: number }).n + 1;
    await t.db('agenda_items').insert({ meeting_id: meeting.id, number, position: number, title: 'Et nyt punkt efter udgivelsen' });
    const added = await runScript('publish.ts', ['--out', out], env);
    expect(added.code).toBe(0);
    const withItem = fs.realpathSync(out);
    expect(fs.existsSync(path.join(withItem, 'dagsorden', item.slug, `punkt-${number}`, 'index.html'))).toBe(true);
    // Written anew from every folder's pages, most of them taken over with their folders: all that it listed, and the new page.
    const listed = (dir: string) => [...fs.readFileSync(path.join(dir, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(listed(after)).not.toContain(`https://moeder.ballerup.dk/dagsorden/${item.slug}/punkt-${number}`);
    expect(listed(withItem).sort()).toEqual([...listed(after), `https://moeder.ballerup.dk/dagsorden/${item.slug}/punkt-${number}`].sort());
    expect(listed(after).length).toBeGreaterThan(200);
  }, 240_000);

  it('leaves the previous site whole when a publish dies midway', async () => {
    const before = fs.readlinkSync(out);
    const manifest = fs.readFileSync(path.join(fs.realpathSync(out), '.moedebog-manifest.json'), 'utf8');
    await t.db('committees').where({ slug: 'udsatteraadet' }).update({ name: 'Udsatterådet' });
    const crashed = await runScript('publish.ts', ['--out', out, '--full'], { ...env, MOEDEBOG_TEST_CRASH_AFTER_FILES: '25' });
    expect(crashed.code).toBe(137);
    expect(fs.readlinkSync(out)).toBe(before);
    const site = fs.realpathSync(out);
    expect(fs.readFileSync(path.join(site, '.moedebog-manifest.json'), 'utf8')).toBe(manifest);
    for (const f of Object.keys(JSON.parse(manifest) as Record<string, string>)) expect(fs.existsSync(path.join(site, f))).toBe(true);

    // The next publish completes, and keeps exactly the shared folders its kept versions link to: none of the crashed one's.
    const next = await runScript('publish.ts', ['--out', out], env);
    expect(next.code).toBe(0);
    const kept = fs.readdirSync(`${out}.versions`);
    expect(kept.length).toBeLessThanOrEqual(3);
    const linked = new Set(kept.flatMap((v) => JSON.parse(fs.readFileSync(path.join(`${out}.versions`, v, SHARED_LIST), 'utf8')) as string[]));
    expect(linked.size).toBeGreaterThan(10);
    const onDisk = files(`${out}.shared`)
      .filter((f) => path.basename(f) === SHARED_INDEX && !f.split('/').includes(SHARED_FILES))
      .map((f) => path.dirname(f));
    expect(onDisk.sort()).toEqual([...linked].sort());
  }, 240_000);

  it('fails, and leaves the previous site whole, when a file it takes over cannot be linked', async () => {
    // Files taken over are hard links made without reading them: a link that fails fails the publish, before
    // anything is swapped in.
    const before = fs.readlinkSync(out);
    const site = fs.realpathSync(out);
    const versions = fs.readdirSync(`${out}.versions`).sort();
    // A committee page that the next publish takes over unchanged, gone from the served version.
    const taken = path.join(site, 'udvalg', 'social-og-sundhedsudvalget', 'index.html');
    const aside = path.join(work, 'taken-aside.html');
    fs.renameSync(taken, aside);
    try {
      await t.db('committees').where({ slug: 'udsatteraadet' }).update({ name: 'Udsatterådet (linkprøve)' });
      const failed = await runScript('publish.ts', ['--out', out, '--uden-pdf'], env);
      expect(failed.code).not.toBe(0);
      expect(failed.output).toContain('ENOENT');
      expect(fs.readlinkSync(out)).toBe(before);
      expect(fs.readdirSync(`${out}.versions`).sort()).toEqual(versions);
    } finally {
      fs.renameSync(aside, taken);
    }
    const next = await runScript('publish.ts', ['--out', out, '--uden-pdf'], env);
    expect(next.code).toBe(0);
    expect(fs.readFileSync(path.join(fs.realpathSync(out), 'udvalg', 'udsatteraadet', 'index.html'), 'utf8')).toContain('Udsatterådet (linkprøve)');
  }, 240_000);

  it('renders every page anew when the public address changes: no page keeps the old one', async () => {
    // Without the PDFs: printing them again is most of a full publish's time, and this test reads the text files.
    const moved = await runScript('publish.ts', ['--out', out, '--uden-pdf'], { ...env, BASE_URL: 'https://dagsordener.ballerup.dk' });
    expect(moved.code).toBe(0);
    const site = fs.realpathSync(out);
    // Feeds and the OParl API write absolute addresses; their data did not change, the address did.
    for (const file of ['feeds/rss.xml', 'feeds/atom.xml', 'oparl/v1.1/system.json', 'oparl/v1.1/body.json']) {
      const text = fs.readFileSync(path.join(site, file), 'utf8');
      expect(text).toContain('https://dagsordener.ballerup.dk/');
      expect(text).not.toContain('https://moeder.ballerup.dk');
    }
    const item = JSON.parse(fs.readFileSync(path.join(site, 'oparl', 'v1.1', 'body', '1', 'agendaItem.json'), 'utf8')) as { data: Array<{ id: string }> };
    expect(item.data[0]?.id).toMatch(/^https:\/\/dagsordener\.ballerup\.dk\/oparl\//);

    // A page index in a format of an earlier Mødebog (its pages listed as whole paths) is not read: every page is rendered again.
    const indexFile = path.join(site, '.moedebog-pages.json');
    const { format, ...earlier } = JSON.parse(fs.readFileSync(indexFile, 'utf8')) as { format: number; shared: Record<string, { pages: string[] }> };
    expect(format).toBe(2);
    for (const [dir, record] of Object.entries(earlier.shared)) record.pages = record.pages.map((page) => (page === '' ? `/${dir}` : `/${dir}/${page}`));
    fs.writeFileSync(indexFile, JSON.stringify(earlier));
    const upgraded = await runScript('publish.ts', ['--out', out, '--uden-pdf'], { ...env, BASE_URL: 'https://dagsordener.ballerup.dk' });
    expect(upgraded.code).toBe(0);
    expect(upgraded.output).toContain(' 0 uændrede sider og filer overtaget');
    const sitemap = fs.readFileSync(path.join(fs.realpathSync(out), 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://dagsordener.ballerup.dk/dagsorden/social-og-sundhedsudvalget-06-04-2021</loc>');
    expect(sitemap).not.toMatch(/\/dagsorden\/[^<]*\/dagsorden\//);
  }, 240_000);
});
