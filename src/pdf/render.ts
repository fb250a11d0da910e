import fs from 'node:fs/promises';
import path from 'node:path';
import type { HTTPRequest, Page, PDFOptions } from 'puppeteer';
import { PDFDocument } from 'pdf-lib';
import type { BrowserPool } from './browser';
import { matchHeadings, normalizeTitle, readOutline, writeOutline, type NewBookmark } from './outline';
import { PdfFileError, readPdfFile, textString, type PdfValue } from './pdf-file';

/** Where a URL path under /assets/ is read from: the same mounts as the web app (src/app.ts). */
export interface AssetMount {
  prefix: string;
  dir: string;
}

export interface PageSetup {
  /** The address the document pretends to have: relative links in it resolve against it, assets load from its origin */
  documentUrl: string;
  /** Files served to the page under the document's origin; every other request is refused */
  assets: readonly AssetMount[];
  headerTemplate: string;
  footerTemplate: string;
  /** Asset files kept after their first reading, by path (they do not change while the process runs); the caller owns it */
  assetCache?: Map<string, Buffer>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The file a request for an asset names, or undefined when it is not one of ours (or tries to leave its folder). */
function assetFile(url: URL, assets: readonly AssetMount[]): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  const mount = assets.find((a) => pathname.startsWith(a.prefix));
  if (!mount) return undefined;
  const file = path.resolve(mount.dir, `.${pathname.slice(mount.prefix.length - 1)}`);
  return file.startsWith(path.resolve(mount.dir) + path.sep) ? file : undefined;
}

async function answer(request: HTTPRequest, html: string, setup: PageSetup): Promise<void> {
  const url = new URL(request.url());
  const documentUrl = new URL(setup.documentUrl);
  if (url.href === documentUrl.href) {
    await request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    return;
  }
  const file = url.origin === documentUrl.origin ? assetFile(url, setup.assets) : undefined;
  const type = file ? CONTENT_TYPES[path.extname(file)] : undefined;
  if (file && type) {
    const body = setup.assetCache?.get(file) ?? (await fs.readFile(file).catch(() => undefined));
    if (body) {
      setup.assetCache?.set(file, body);
      await request.respond({ status: 200, contentType: type, body });
      return;
    }
  }
  // Nothing leaves the machine: a PDF never depends on (or reveals itself to) another server.
  await request.abort('blockedbyclient');
}

/** Page margins of every PDF, in millimetres. */
const MARGIN_MM = { top: 22, right: 20, bottom: 20, left: 20 } as const;

function pdfOptions(setup: PageSetup): PDFOptions {
  return {
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: setup.headerTemplate,
    footerTemplate: setup.footerTemplate,
    margin: { top: `${MARGIN_MM.top}mm`, bottom: `${MARGIN_MM.bottom}mm`, left: `${MARGIN_MM.left}mm`, right: `${MARGIN_MM.right}mm` },
    tagged: true,
    outline: true,
    waitForFonts: true,
  };
}

/**
 * The page area Chromium lays an A4 page out in, in CSS px, with our margins: 646 × 966.
 * Measured (Chromium 147), not derived from the spec: it takes A4 as 795 × 1123 px and
 * each margin in whole points, and rounds the area up. A wrong figure here costs a
 * second pass, never a wrong page number (every render is checked against the PDF).
 */
export function printArea(margin: { top: number; right: number; bottom: number; left: number } = MARGIN_MM): { width: number; height: number } {
  const px = (mm: number) => (Math.floor((mm / 25.4) * 72) * 4) / 3;
  return { width: Math.ceil(795 - px(margin.left) - px(margin.right)), height: Math.ceil(1123 - px(margin.top) - px(margin.bottom)) };
}

/** Blink lays out content wider than the page at up to 1.5 times the page's size and shrinks it to fit (2 / 1.333…). */
const MAX_SHRINK = 1.5;

/** Loads the HTML at the document's address in print media, assets answered from our folders, every other request refused. */
async function loadPrintPage(page: Page, html: string, setup: PageSetup, options: { measure?: boolean } = {}): Promise<void> {
  // A page to be measured is laid out at the printed width from the start, not at the default 800 px first.
  if (options.measure) {
    const area = printArea();
    await page.setViewport({ width: Math.ceil(area.width), height: Math.ceil(area.height) });
  }
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    answer(request, html, setup).catch(() => request.abort('failed').catch(() => undefined));
  });
  await page.emulateMediaType('print');
  const response = await page.goto(setup.documentUrl, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`The print page did not load (${response?.status() ?? 'no response'})`);
}

/** One pass: the HTML as a tagged PDF with bookmarks built from its headings, A4, header and footer on every page. */
export async function htmlToPdf(pool: BrowserPool, html: string, setup: PageSetup): Promise<Uint8Array> {
  return pool.withPage(async (page) => {
    await loadPrintPage(page, html, setup);
    return page.pdf(pdfOptions(setup));
  });
}

export interface TocHeading {
  text: string;
  /** Whether it becomes one of the document's bookmarks */
  bookmark: boolean;
}

export interface TocDocument {
  /** The HTML, its table of contents' page numbers left blank; filled in they must take the same room, so the layout does not move. */
  html: string;
  /**
   * Every heading of one level, in order, and how deep that level sits in the
   * heading tree (0 the outermost; 1 below a single document title …). Only those
   * marked become bookmarks: Chromium makes one of every heading of every level.
   */
  headings: readonly TocHeading[];
  depth: number;
  /** The elements showing the table of contents' page numbers (a CSS selector, in document order), and for each the index in `headings` of the heading it numbers */
  numbers: { selector: string; headingIndex: readonly number[] };
  metadata: { title: string; author: string; language: string; subject?: string };
  /** The page of each heading as an earlier render of the same HTML found it (a page map): printed without measuring, and checked like any guess */
  pageNumbers?: readonly number[];
}

export interface RenderedDocument {
  bytes: Uint8Array;
  /** One-based page number of each heading */
  pageNumbers: number[];
  /** How many times Chromium printed it: 1 unless the numbers guessed before printing were wrong */
  passes: number;
}

const MAX_PASSES = 3;

/**
 * Lays the loaded page out the way printing will and returns, for every heading
 * of every level in document order, its level, text and one-based page. Printing
 * is imitated by a multi-column layout on the root: columns of the page area's
 * size, forced page breaks turned into column breaks; Chromium fragments both
 * with the same engine. Content wider than a page is handled as Blink handles it:
 * the pages are laid out wider (up to `maxShrink` times) and shrunk to fit. Page
 * and styles are left as they were.
 */
const MEASURE_SCRIPT = `(async ({ width, height, maxShrink }) => {
  const root = document.documentElement;
  const style = document.createElement('style');
  const lay = (w, h) => {
    style.textContent = 'html { width: ' + w + 'px !important;' +
      (h ? ' height: ' + h + 'px !important; column-width: ' + w + 'px !important; column-gap: 0 !important; column-fill: auto !important;' : '') + ' }';
  };
  const forced = ['page', 'left', 'right', 'recto', 'verso'];
  const changed = [];
  try {
    lay(width);
    document.head.append(style);
    // Laying out asks for the fonts the text uses; once they are in, the next reading lays out again.
    void root.offsetHeight;
    await document.fonts.ready;
    // How far the content reaches at the page's width: the document's overflow, as Blink judges it when printing.
    const reach = root.scrollWidth;
    const scale = Math.min(Math.max(1, reach / width), maxShrink);
    for (const el of document.querySelectorAll('body, body *')) {
      const cs = getComputedStyle(el);
      const before = forced.includes(cs.breakBefore);
      const after = forced.includes(cs.breakAfter);
      if (!before && !after) continue;
      changed.push([el, el.getAttribute('style')]);
      if (before) el.style.breakBefore = 'column';
      if (after) el.style.breakAfter = 'column';
    }
    const w = width * scale;
    lay(w, height * scale);
    const left = root.getBoundingClientRect().left;
    const headings = [];
    for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      const box = h.getClientRects()[0];
      if (!box) continue;
      headings.push({ level: Number(h.tagName.slice(1)), text: h.textContent || '', page: Math.floor((box.left - left + 0.5) / w) + 1 });
    }
    return { scale, headings };
  } finally {
    style.remove();
    for (const [el, value] of changed) {
      // Read first: Chromium writes inline style changes to the attribute lazily and would bring back a style="".
      el.getAttribute('style');
      if (value === null) el.removeAttribute('style');
      else el.setAttribute('style', value);
    }
  }
})`;

const FILL_SCRIPT = `(({ selector, values }) => {
  const slots = document.querySelectorAll(selector);
  if (slots.length !== values.length) return false;
  slots.forEach((slot, i) => { slot.textContent = values[i]; });
  return true;
})`;

interface MeasuredHeading {
  title: string;
  page: number;
  children: MeasuredHeading[];
}

/** The page of each expected heading as the in-page layout predicts it, or undefined when the headings are not the expected ones. */
async function predictPages(page: Page, doc: TocDocument): Promise<number[] | undefined> {
  const args = { ...printArea(), maxShrink: MAX_SHRINK };
  const measured = (await page.evaluate(`${MEASURE_SCRIPT}(${JSON.stringify(args)})`)) as { headings: Array<{ level: number; text: string; page: number }> };
  // Nest them as Chromium nests bookmarks: below the nearest preceding heading of a lower level.
  const roots: MeasuredHeading[] = [];
  const stack: Array<{ level: number; node: MeasuredHeading }> = [];
  for (const h of measured.headings) {
    const node = { title: normalizeTitle(h.text), page: h.page, children: [] };
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= h.level) stack.pop();
    (stack[stack.length - 1]?.node.children ?? roots).push(node);
    stack.push({ level: h.level, node });
  }
  try {
    return matchHeadings(roots, doc.depth, doc.headings.map((h) => h.text)).map((h) => h.page);
  } catch {
    return undefined;
  }
}

async function fillNumbers(page: Page, doc: TocDocument, numbers: readonly number[] | undefined): Promise<void> {
  const values = doc.numbers.headingIndex.map((i) => (numbers ? String(numbers[i] ?? '') : ''));
  const filled = (await page.evaluate(`${FILL_SCRIPT}(${JSON.stringify({ selector: doc.numbers.selector, values })})`)) as boolean;
  if (!filled) throw new Error(`The table of contents does not have ${values.length} page numbers (${doc.numbers.selector})`);
}

/** A printed PDF: where its headings landed, and how to finish it with our bookmarks and metadata. */
interface Printed {
  /** The bookmarks of the expected headings (throws when they are not the expected ones) */
  headings(): Array<{ pageIndex: number | undefined }>;
  finish(): Promise<Uint8Array>;
}

/**
 * Reads the PDF Chromium printed with the light reader (src/pdf/pdf-file.ts) and
 * finishes it by an incremental update; a file it cannot read goes through pdf-lib.
 */
async function inspect(bytes: Uint8Array, doc: TocDocument): Promise<Printed> {
  const texts = doc.headings.map((h) => h.text);
  const { title, author, language, subject } = doc.metadata;
  // Our titles, not Chromium's (which run a heading's lines together).
  const chosen = <T extends { dest: unknown }>(found: T[]) =>
    found.flatMap((b, i) => {
      const heading = doc.headings[i];
      return heading?.bookmark && b.dest ? [{ title: normalizeTitle(heading.text), dest: b.dest as NonNullable<T['dest']> }] : [];
    });
  try {
    const file = readPdfFile(bytes);
    return {
      headings: () => matchHeadings(file.outline, doc.depth, texts),
      async finish() {
        const found = matchHeadings(file.outline, doc.depth, texts);
        return file.update({
          bookmarks: chosen(found).map((b) => ({ title: b.title, dest: b.dest as PdfValue[] })),
          catalog: {
            PageMode: '/UseOutlines',
            Lang: /^[A-Za-z0-9-]+$/.test(language) ? `(${language})` : textString(language),
            ViewerPreferences: '<</DisplayDocTitle true>>',
          },
          info: { Title: title, Author: author, ...(subject ? { Subject: subject } : {}), Creator: 'Mødebog' },
        });
      },
    };
  } catch (error) {
    if (!(error instanceof PdfFileError)) throw error;
  }
  const pdf = await PDFDocument.load(bytes);
  const outline = readOutline(pdf);
  return {
    headings: () => matchHeadings(outline, doc.depth, texts),
    async finish() {
      const marks: NewBookmark[] = chosen(matchHeadings(outline, doc.depth, texts));
      writeOutline(pdf, marks);
      pdf.setTitle(title, { showInWindowTitleBar: true });
      pdf.setAuthor(author);
      pdf.setLanguage(language);
      if (subject) pdf.setSubject(subject);
      pdf.setCreator('Mødebog');
      return pdf.save();
    },
  };
}

/**
 * Renders a document whose table of contents gives page numbers, in one pass when
 * it can. Chromium cannot number them itself, so the page is laid out the way
 * printing will lay it out (MEASURE_SCRIPT) — or an earlier render's page map is
 * used — and the numbers are filled in before printing. The bookmarks of the
 * printed PDF show where the headings really landed; when a number was wrong, the
 * right ones are filled in and the same page printed again.
 */
export async function renderWithToc(pool: BrowserPool, doc: TocDocument, setup: PageSetup): Promise<RenderedDocument> {
  return pool.withPage(async (page) => {
    const measure = doc.headings.length > 0 && !doc.pageNumbers;
    await loadPrintPage(page, doc.html, setup, { measure });
    const options = pdfOptions(setup);
    let numbers: readonly number[] | undefined = measure ? await predictPages(page, doc) : doc.pageNumbers;
    for (let pass = 1; ; pass++) {
      if (doc.headings.length > 0) await fillNumbers(page, doc, numbers);
      const printed = await inspect(await page.pdf(options), doc);
      const landed = printed.headings().map((b) => (b.pageIndex ?? 0) + 1);
      const settled = doc.headings.length === 0 || (numbers !== undefined && landed.every((n, i) => n === numbers?.[i]));
      if (settled || pass >= MAX_PASSES) return { bytes: await printed.finish(), pageNumbers: landed, passes: pass };
      numbers = landed;
    }
  });
}
