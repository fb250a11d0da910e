import fs from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { BrowserPool } from '../../pdf/browser';
import { cacheKey, createPdfCache } from '../../pdf/cache';
import { htmlToPdf, type AssetMount, type PageSetup } from '../../pdf/render';
import { viewEngine, VIEWS_DIR } from '../../view/engine';
import type { AnnualReportView } from './annual-report';
import { ASSET_MOUNTS, PRINT_CSS } from '../../web/static-assets';

/** Bump when the rendering changes in a way the HTML does not show, so cached PDFs are made again. */
const RENDER_VERSION = 'annual-report-1';

const ASSETS: readonly AssetMount[] = ASSET_MOUNTS;

export interface ReportPdf {
  bytes: Buffer;
  etag: string;
  fileName: string;
  fromCache: boolean;
}

/**
 * The annual report as a tagged PDF with bookmarks, from the same view model and body
 * partial as the page (views/pdf/annual-report.hbs), rendered by the process's one
 * Chromium (the meeting PDFs' pool) and cached under DATA_DIR/files/pdf-cache by the
 * hash of its HTML.
 */
export function createReportPdfs(deps: { browser: BrowserPool; filesDir: string; baseUrl: string }) {
  const engine = viewEngine();
  const cache = createPdfCache(path.join(deps.filesDir, 'pdf-cache'));
  const template = (name: string) => path.join(VIEWS_DIR, 'pdf', `${name}.hbs`);

  return {
    async get(report: AnnualReportView): Promise<ReportPdf> {
      const css = await fs.readFile(PRINT_CSS, 'utf8');
      const html = await engine.render(template('annual-report'), { ...report, css, layout: false });
      const setup: PageSetup = {
        documentUrl: `${deps.baseUrl}${report.href}`,
        assets: ASSETS,
        headerTemplate: await engine.render(template('header'), { committeeName: report.committee.name, documentKind: 'Årsberetning', date: String(report.year), layout: false }),
        footerTemplate: await engine.render(template('footer'), { bodyName: report.committee.bodyName, layout: false }),
      };
      const name = `aarsberetning-${report.committee.id}-${report.year}`;
      const key = cacheKey(RENDER_VERSION, setup.documentUrl, html, setup.headerTemplate, setup.footerTemplate);
      const fileName = `aarsberetning-${report.committee.slug}-${report.year}.pdf`;
      const cached = await cache.get(name, key);
      if (cached) return { bytes: cached, etag: key, fileName, fromCache: true };
      const pdf = await PDFDocument.load(await htmlToPdf(deps.browser, html, setup));
      pdf.setTitle(report.title, { showInWindowTitleBar: true });
      pdf.setAuthor(report.committee.bodyName);
      pdf.setLanguage('da-DK');
      pdf.setSubject(`Årsberetning ${report.year} for ${report.committee.name}`);
      pdf.setCreator('Mødebog');
      const bytes = Buffer.from(await pdf.save());
      await cache.put(name, key, bytes);
      return { bytes, etag: key, fileName, fromCache: false };
    },
  };
}
