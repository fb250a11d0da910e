import fs from 'node:fs/promises';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef } from 'pdf-lib';
import type { Db } from '../../db/knex';
import type { BrowserPool } from '../../pdf/browser';
import { cacheKey, createPdfCache } from '../../pdf/cache';
import { htmlToPdf, type PageSetup } from '../../pdf/render';
import { viewEngine, VIEWS_DIR } from '../../view/engine';
import { ASSET_MOUNTS, PRINT_CSS } from '../../web/static-assets';
import { sanitizeRichText } from '../sanitize/html';
import { isPublicConsultation, presentConsultation, type ConsultationPage } from './presenter';
import { findConsultationBySlug, partiesOf, pointsOf, type ConsultationRow } from './repository';

/** Bump when the rendering changes in a way the HTML does not show, so cached PDFs are made again. */
const RENDER_VERSION = 'hoeringsnotat-1';

/** What the summary page and the PDF are rendered from: always the public view, so nothing from a closed item gets in. */
export interface SummaryDocument {
  consultation: ConsultationPage;
  introHtml: string | null;
}

export async function loadSummaryDocument(db: Db, c: ConsultationRow, now: Date): Promise<SummaryDocument> {
  const [parties, points] = await Promise.all([partiesOf(db, c.id), pointsOf(db, c.id)]);
  return {
    consultation: presentConsultation(c, parties, points, 'public', now),
    introHtml: c.summaryIntro ? sanitizeRichText(c.summaryIntro) : null,
  };
}

/** The headings of views/pdf/hoeringsnotat.hbs in document order, as the bookmarks should read. */
function headingTitles(title: string, doc: SummaryDocument): string[] {
  const c = doc.consultation;
  return [
    title,
    'Høringsparter',
    ...c.groups.map((g) => g.label),
    'Høringssvar og pointer',
    'Høringssvar i deres helhed',
    ...c.responses.map((r) => `${r.number}. ${r.reference}${r.late ? ' (modtaget efter fristen)' : ''}`),
  ];
}

/**
 * Chromium's bookmark titles run a wrapped heading's lines together ("Kommunesstrategi"):
 * the bookmarks get the headings' own texts, depth first, when they are as many as the headings.
 */
function retitleOutline(pdf: PDFDocument, titles: readonly string[]): void {
  const refs: PDFRef[] = [];
  const visit = (first: unknown) => {
    for (let ref = first instanceof PDFRef ? first : undefined; ref; ) {
      refs.push(ref);
      const item = pdf.context.lookup(ref, PDFDict);
      visit(item.get(PDFName.of('First')));
      const next = item.get(PDFName.of('Next'));
      ref = next instanceof PDFRef ? next : undefined;
    }
  };
  const root = pdf.catalog.get(PDFName.of('Outlines'));
  if (root instanceof PDFRef) visit(pdf.context.lookup(root, PDFDict).get(PDFName.of('First')));
  if (refs.length !== titles.length) return;
  refs.forEach((ref, i) => pdf.context.lookup(ref, PDFDict).set(PDFName.of('Title'), PDFHexString.fromText(titles[i] as string)));
}

export interface SummaryPdf {
  bytes: Buffer;
  /** The cache key: the hash of the print HTML and of everything else that shapes the PDF */
  key: string;
  fileName: string;
  fromCache: boolean;
}

export interface SummaryPdfs {
  /** The PDF of a published summary citizens may read; undefined when the consultation or its summary is not public. */
  publicPdf(slug: string): Promise<SummaryPdf | undefined>;
  /** The PDF of a consultation's published summary (the public view of it), for attaching to an item. */
  render(c: ConsultationRow): Promise<SummaryPdf>;
  /** The key the PDF would have now, without rendering it: tells whether an attached copy is out of date. */
  currentKey(c: ConsultationRow): Promise<string>;
}

/**
 * The høringsnotat as a tagged PDF with bookmarks, from the same partial as the page
 * (views/partials/consultation-summary.hbs in views/pdf/hoeringsnotat.hbs, print CSS),
 * rendered by the process's one Chromium and cached under DATA_DIR/files/pdf-cache by
 * the hash of its HTML.
 */
export function createSummaryPdfs(deps: { db: Db; browser: BrowserPool; filesDir: string; baseUrl: string; now: () => Date }): SummaryPdfs {
  const engine = viewEngine();
  const cache = createPdfCache(path.join(deps.filesDir, 'pdf-cache'));
  const template = (name: string) => path.join(VIEWS_DIR, 'pdf', `${name}.hbs`);
  const inFlight = new Map<string, Promise<Buffer>>();

  const prepare = async (c: ConsultationRow) => {
    const doc = await loadSummaryDocument(deps.db, c, deps.now());
    const title = `Høringsnotat: ${c.title}`;
    const css = await fs.readFile(PRINT_CSS, 'utf8');
    const html = await engine.render(template('hoeringsnotat'), { ...doc, title, bodyName: c.bodyName, css, layout: false });
    const setup: PageSetup = {
      documentUrl: `${deps.baseUrl}${doc.consultation.summaryHref}`,
      assets: ASSET_MOUNTS,
      headerTemplate: await engine.render(template('header'), { committeeName: c.committeeName, documentKind: 'Høringsnotat', date: doc.consultation.summaryPublishedAt ?? '', layout: false }),
      footerTemplate: await engine.render(template('footer'), { bodyName: c.bodyName, layout: false }),
    };
    const key = cacheKey(RENDER_VERSION, setup.documentUrl, html, setup.headerTemplate, setup.footerTemplate);
    return { doc, title, html, setup, key, name: `hoeringsnotat-${c.id}` };
  };

  const render = async (c: ConsultationRow): Promise<SummaryPdf> => {
    const p = await prepare(c);
    const fileName = `hoeringsnotat-${c.slug}.pdf`;
    const cached = await cache.get(p.name, p.key);
    if (cached) return { bytes: cached, key: p.key, fileName, fromCache: true };
    const id = `${p.name}.${p.key}`;
    // Renders once per document and key, however many ask at the same time.
    let work = inFlight.get(id);
    if (!work) {
      work = (async () => {
        const pdf = await PDFDocument.load(await htmlToPdf(deps.browser, p.html, p.setup));
        retitleOutline(pdf, headingTitles(p.title, p.doc));
        pdf.setTitle(p.title, { showInWindowTitleBar: true });
        pdf.setAuthor(c.bodyName);
        pdf.setLanguage('da-DK');
        pdf.setSubject(`Opsamling af høringssvar med administrationens kommentarer, høringsperiode ${p.doc.consultation.period}`);
        pdf.setCreator('Mødebog');
        const bytes = Buffer.from(await pdf.save());
        await cache.put(p.name, p.key, bytes);
        return bytes;
      })().finally(() => inFlight.delete(id));
      inFlight.set(id, work);
    }
    return { bytes: await work, key: p.key, fileName, fromCache: false };
  };

  return {
    render,
    async currentKey(c) {
      return (await prepare(c)).key;
    },
    async publicPdf(slug) {
      const c = await findConsultationBySlug(deps.db, slug);
      // The same rule as the summary page: a public consultation whose summary is published.
      if (!c || !isPublicConsultation(c) || !c.summaryPublishedAt) return undefined;
      return render(c);
    },
  };
}
