import fs from 'node:fs/promises';
import path from 'node:path';
import type { HTTPRequest } from 'puppeteer';
import { PDFDocument } from 'pdf-lib';
import type { BrowserPool } from './browser';
import { headingBookmarks, writeOutline, type NewBookmark } from './outline';

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
    const body = await fs.readFile(file).catch(() => undefined);
    if (body) {
      await request.respond({ status: 200, contentType: type, body });
      return;
    }
  }
  // Nothing leaves the machine: a PDF never depends on (or reveals itself to) another server.
  await request.abort('blockedbyclient');
}

/** One pass: the HTML as a tagged PDF with bookmarks built from its headings, A4, header and footer on every page. */
export async function htmlToPdf(pool: BrowserPool, html: string, setup: PageSetup): Promise<Uint8Array> {
  return pool.withPage(async (page) => {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      answer(request, html, setup).catch(() => request.abort('failed').catch(() => undefined));
    });
    await page.emulateMediaType('print');
    const response = await page.goto(setup.documentUrl, { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`The print page did not load (${response?.status() ?? 'no response'})`);
    return page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: setup.headerTemplate,
      footerTemplate: setup.footerTemplate,
      margin: { top: '22mm', bottom: '20mm', left: '20mm', right: '20mm' },
      tagged: true,
      outline: true,
      waitForFonts: true,
    });
  });
}

export interface TocHeading {
  text: string;
  /** Whether it becomes one of the document's bookmarks */
  bookmark: boolean;
}

export interface TocDocument {
  /**
   * The HTML, its table of contents filled with the page numbers (one-based) of
   * the headings in the same order, or left blank when pageNumbers is undefined.
   * Blank and filled numbers must take the same room, so the layout does not move.
   */
  html(pageNumbers: readonly number[] | undefined): Promise<string>;
  /**
   * Every heading of one level, in order, and how deep that level sits in the
   * heading tree (0 the outermost; 1 below a single document title …). Only those
   * marked become bookmarks: Chromium makes one of every heading of every level.
   */
  headings: readonly TocHeading[];
  depth: number;
  metadata: { title: string; author: string; language: string; subject?: string };
}

export interface RenderedDocument {
  pdf: PDFDocument;
  /** One-based page number of each heading */
  pageNumbers: number[];
}

const MAX_PASSES = 3;

/**
 * Renders a document whose table of contents gives page numbers. Chromium cannot
 * number them itself: the first pass shows where each heading lands (through the
 * bookmarks it writes), the next pass prints those numbers, and one more runs in
 * the unlikely case that the numbers moved anything.
 */
export async function renderWithToc(pool: BrowserPool, doc: TocDocument, setup: PageSetup): Promise<RenderedDocument> {
  let numbers: number[] | undefined;
  for (let pass = 1; ; pass++) {
    const pdf = await PDFDocument.load(await htmlToPdf(pool, await doc.html(numbers), setup));
    const found = headingBookmarks(pdf, doc.depth, doc.headings.map((h) => h.text));
    const landed = found.map((b) => (b.pageIndex ?? 0) + 1);
    const settled = doc.headings.length === 0 || (numbers !== undefined && landed.every((n, i) => n === numbers?.[i]));
    if (settled || pass >= MAX_PASSES) {
      // Our titles, not Chromium's (which run a heading's lines together).
      const marks: NewBookmark[] = found.flatMap((b, i) => {
        const heading = doc.headings[i];
        return heading?.bookmark && b.dest ? [{ title: heading.text, dest: b.dest }] : [];
      });
      writeOutline(pdf, marks);
      pdf.setTitle(doc.metadata.title, { showInWindowTitleBar: true });
      pdf.setAuthor(doc.metadata.author);
      pdf.setLanguage(doc.metadata.language);
      if (doc.metadata.subject) pdf.setSubject(doc.metadata.subject);
      pdf.setCreator('Mødebog');
      return { pdf, pageNumbers: landed };
    }
    numbers = landed;
  }
}
