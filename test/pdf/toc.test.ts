import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PDFOptions, Page } from 'puppeteer';
import { createMeetingPdfs } from '../../src/modules/pdf/service';
import { createBrowserPool, type BrowserPool } from '../../src/pdf/browser';
import { renderWithToc, type PageSetup, type TocDocument } from '../../src/pdf/render';
import { readPdf } from '../helpers/pdf';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

/** A pool that keeps, for every page it lends, what was printed: the page's HTML at each page.pdf(). */
function watchedPool(inner: BrowserPool): BrowserPool & { sessions: Array<{ html: string[] }> } {
  const sessions: Array<{ html: string[] }> = [];
  return {
    sessions,
    withPage: (work) =>
      inner.withPage(async (page) => {
        const session = { html: [] as string[] };
        sessions.push(session);
        return work(
          new Proxy(page, {
            get(target, prop, receiver) {
              if (prop === 'pdf') {
                return async (options?: PDFOptions) => {
                  session.html.push(await target.content());
                  return target.pdf(options);
                };
              }
              const value = Reflect.get(target, prop, receiver) as unknown;
              return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
            },
          }) as Page,
        );
      }),
    close: () => inner.close(),
    isRunning: () => inner.isRunning(),
  };
}

const tocEntries = (toc: string) => [...toc.replace(/\s+/g, ' ').trim().matchAll(/(Kapitel \d+ [A-Za-zæøåÆØÅ ]+?) (\d+)(?= Kapitel| Tillæg|$)/g)].map((m) => [m[1], Number(m[2])]);

describe('page numbers of a table of contents, in one pass', () => {
  let inner: BrowserPool;
  let pool: ReturnType<typeof watchedPool>;

  beforeAll(() => {
    inner = createBrowserPool({ size: 1 });
    pool = watchedPool(inner);
  });
  afterAll(() => inner.close());

  /** Chapters of very different lengths; the contents come before them. */
  const chapters = [
    { title: 'Kapitel 1 Indledning', paragraphs: 3 },
    { title: 'Kapitel 2 Økonomi', paragraphs: 40 },
    { title: 'Kapitel 3 Ældreområdet', paragraphs: 9 },
    { title: 'Kapitel 4 Skoler og dagtilbud', paragraphs: 75 },
    { title: 'Kapitel 5 Afslutning', paragraphs: 1 },
  ];
  const paragraph = 'Udvalget drøftede sagen og besluttede at sende den videre til Økonomiudvalget med en anbefaling om, at bevillingen gives som ansøgt. ';
  const doc = (pageNumbers?: number[]): TocDocument => ({
    html: `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Prøve</title><style>
      .front { break-after: page; } .toc { break-after: page; } .toc li { display: flex; } .toc .title { flex: 1; } .toc .page { flex: 0 0 12mm; text-align: right; }
      </style></head><body>
      <header class="front"><h1>Årsberetning</h1></header>
      <nav class="toc"><h2>Indhold</h2><ol>${chapters.map((c) => `<li><span class="title">${c.title}</span><span class="page"></span></li>`).join('')}</ol></nav>
      ${chapters.map((c) => `<section><h2>${c.title}</h2>${`<p>${paragraph.repeat(4)}</p>`.repeat(c.paragraphs)}</section>`).join('')}
      <h2>Tillæg</h2><p>Slut.</p></body></html>`,
    headings: [{ text: 'Indhold', bookmark: true }, ...chapters.map((c) => ({ text: c.title, bookmark: true })), { text: 'Tillæg', bookmark: false }],
    depth: 1,
    numbers: { selector: '.toc .page', headingIndex: chapters.map((_, i) => i + 1) },
    metadata: { title: 'Årsberetning', author: 'Ballerup Kommune', language: 'da-DK' },
    ...(pageNumbers ? { pageNumbers } : {}),
  });
  const setup: PageSetup = { documentUrl: 'http://moedebog.test/aarsberetning', assets: [], headerTemplate: '<span></span>', footerTemplate: '<span></span>' };

  it('measures where the headings land before printing, prints once, and the contents give the printed pages', async () => {
    const before = pool.sessions.length;
    const rendered = await renderWithToc(pool, doc(), setup);
    expect(rendered.passes).toBe(1);
    expect(pool.sessions.slice(before).map((s) => s.html.length)).toEqual([1]);
    const info = await readPdf(rendered.bytes);
    const landed = info.outline.map((b) => [b.title, b.page]);
    // Our bookmarks, not Chromium's: the marked headings only, flat.
    expect(landed.map(([title]) => title)).toEqual(['Indhold', ...chapters.map((c) => c.title)]);
    expect(landed.map(([, page]) => page)).toEqual(rendered.pageNumbers.slice(0, 6));
    // The long chapters push the later ones several pages on.
    expect(landed.at(-1)?.[1]).toBeGreaterThan((landed[1]?.[1] as number) + 3);
    expect(tocEntries(info.text[1] ?? '')).toEqual(landed.slice(1));
    expect(info.pages).toBeGreaterThan(8);
  });

  it('leaves no trace of the measuring in the page it prints: only the numbers are new', async () => {
    const before = pool.sessions.length;
    await renderWithToc(pool, doc(), setup);
    const [printed] = pool.sessions[before]?.html ?? [];
    expect(printed).toBeDefined();
    expect(printed).not.toContain('column');
    expect(printed).not.toContain('style=');
    const blank = (printed ?? '').replace(/(<span class="page">)\d+(<\/span>)/g, '$1$2');
    expect((printed ?? '').length).toBeGreaterThan(blank.length);
    expect(blank.match(/<span class="page"><\/span>/g)).toHaveLength(chapters.length);
  });

  it('corrects a wrong guess (a stale page map) with a second print of the same page', async () => {
    const right = (await renderWithToc(pool, doc(), setup)).pageNumbers;
    const before = pool.sessions.length;
    const wrong = right.map((n, i) => (i === 3 ? n + 1 : n));
    const rendered = await renderWithToc(pool, doc(wrong), setup);
    expect(rendered.passes).toBe(2);
    expect(pool.sessions.slice(before).map((s) => s.html.length)).toEqual([2]);
    expect(rendered.pageNumbers).toEqual(right);
    const info = await readPdf(rendered.bytes);
    expect(tocEntries(info.text[1] ?? '')).toEqual(chapters.map((c, i) => [c.title, right[i + 1]]));
  });

  it('prints a known page map without measuring, once', async () => {
    const right = (await renderWithToc(pool, doc(), setup)).pageNumbers;
    const rendered = await renderWithToc(pool, doc(right), setup);
    expect(rendered.passes).toBe(1);
    expect(rendered.pageNumbers).toEqual(right);
  });

  describe('the meeting PDFs of the demo data', () => {
    let t: TestDb;
    let filesDir: string;
    beforeAll(async () => {
      t = await cloneDemoDatabase();
      filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'moedebog-toc-'));
    });
    afterAll(async () => {
      fs.rmSync(filesDir, { recursive: true, force: true });
      await t.drop();
    });

    it('prints the 17-item referat and its dagsorden once each, its wide budget tables fitting the page', async () => {
      // No page maps: every document is measured.
      const pdfs = createMeetingPdfs({ db: t.db, filesDir, browser: pool, baseUrl: 'http://moedebog.test', log: () => undefined, pageMaps: 0 });
      const meeting = await t.db('meetings').where({ slug: 'social-og-sundhedsudvalget-06-04-2021' }).first('id');
      const before = pool.sessions.length;
      expect(await pdfs.renderMeeting(meeting.id)).toEqual(['dagsorden', 'referat', 'samlet']);
      expect(pool.sessions.slice(before).map((s) => s.html.length)).toEqual([1, 1]);
      const referat = await pdfs.get('social-og-sundhedsudvalget-06-04-2021', 'referat');
      expect(referat?.fromCache).toBe(true);
      const info = await readPdf(referat?.bytes ?? Buffer.alloc(0));
      const toc = (info.text[1] ?? '').replace(/\s+/g, ' ');
      const punkter = info.outline.filter((b) => b.title.startsWith('Punkt '));
      expect(punkter).toHaveLength(17);
      for (const b of punkter) expect({ entry: b.title, listed: toc.includes(`${b.title} ${b.page}`) }).toEqual({ entry: b.title, listed: true });
    });
  });
});
