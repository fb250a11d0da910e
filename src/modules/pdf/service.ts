import fs from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Db } from '../../db/knex';
import { roleLabels, texts } from '../../i18n/texts';
import type { Jobs } from '../../jobs/queue';
import type { BrowserPool } from '../../pdf/browser';
import { cacheKey, createPdfCache } from '../../pdf/cache';
import { appendPdfs, type AppendedPdf } from '../../pdf/merge';
import { renderWithToc, type AssetMount, type PageSetup } from '../../pdf/render';
import { createViewEngine, VIEWS_DIR } from '../../view/engine';
import { minutesContext } from '../approval/public-routes';
import type { ApprovalRecordView } from '../approval/record';
import { openStoredFile } from '../attachments/file-store';
import { publicAttachmentFile } from '../attachments/service';
import type { MeetingView } from '../meetings/presenter';
import { loadMeetingView } from '../meetings/service';
import { meetingById, meetingBySlug, pdfAttachmentsOfMeeting, type PdfAttachmentRow } from './repository';
import { ASSET_MOUNTS, PRINT_CSS } from '../../web/static-assets';

/** The job that renders and caches a meeting's PDFs; data { meetingId }. */
export const RENDER_MEETING_PDFS = 'pdf.render-meeting';

export const PDF_VARIANTS = ['dagsorden', 'referat', 'samlet'] as const;
export type PdfVariant = (typeof PDF_VARIANTS)[number];

/** Bump when the rendering changes in a way the HTML does not show, so cached PDFs are made again. */
const RENDER_VERSION = 'pdf-1';

const ASSETS: readonly AssetMount[] = ASSET_MOUNTS;

export interface MeetingPdf {
  bytes: Buffer;
  /** The cache key: changes exactly when the document does */
  etag: string;
  fileName: string;
  fromCache: boolean;
}

export interface MeetingPdfs {
  /** A public PDF of a meeting, from the cache or rendered now; undefined when the meeting or that document is not public. */
  get(slug: string, variant: PdfVariant): Promise<MeetingPdf | undefined>;
  /** Renders (unless cached) every public PDF of the meeting; returns the variants it has. The queue's job runs this. */
  renderMeeting(meetingId: number): Promise<PdfVariant[]>;
  /**
   * Asks the job queue to render the meeting's PDFs, after its agenda or minutes are published; never throws.
   * Without a queue (tests, scripts) they are rendered when first asked for.
   */
  schedule(meetingId: number): Promise<void>;
  /** The process's one Chromium, for other documents rendered from templates (the annual report, src/modules/boards) */
  browser?: BrowserPool;
}

export interface MeetingPdfDeps {
  db: Db;
  /** DATA_DIR/files: attachments are read from here, the cache lives in its pdf-cache folder */
  filesDir: string;
  browser: BrowserPool;
  /** The site's address: links in the PDFs point there */
  baseUrl: string;
  jobs?: Jobs;
  log?: (message: string, error?: unknown) => void;
}

/** A document ready to be served: where it is cached and how to make it when it is not. */
interface Prepared {
  name: string;
  key: string;
  make: () => Promise<Uint8Array>;
}

const TOC_HEADING = 'Indholdsfortegnelse';
const APPROVAL_HEADING = 'Referatet er godkendt';

interface PrintDocument {
  meetingId: number;
  view: MeetingView;
  minutes: boolean;
  approval: ApprovalRecordView | null;
}

/** The agenda of a meeting whose minutes are out: the same items without what was decided and who attended. */
function agendaOnly(view: MeetingView): MeetingView {
  return {
    ...view,
    participants: [...view.participants.map((p) => ({ ...p, note: null })), ...view.absent.map((a) => ({ name: a.name, party: a.party, role: roleLabels.member, note: null }))],
    absent: [],
    items: view.items.map((item) => ({ ...item, showDecision: false, decision: null, decisionHistory: [], absences: [] })),
  };
}

const FILE_PREFIX: Record<PdfVariant, string> = { dagsorden: 'dagsorden', referat: 'referat', samlet: 'samlet-dokument' };

export function createMeetingPdfs(deps: MeetingPdfDeps): MeetingPdfs {
  const { db } = deps;
  const engine = createViewEngine();
  const cache = createPdfCache(path.join(deps.filesDir, 'pdf-cache'));
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(message, error));
  const inFlight = new Map<string, Promise<Buffer>>();
  const template = (name: string) => path.join(VIEWS_DIR, 'pdf', `${name}.hbs`);

  /** Renders once per document and key, however many ask at the same time. */
  const once = (name: string, key: string, make: () => Promise<Uint8Array>): Promise<Buffer> => {
    const id = `${name}.${key}`;
    const running = inFlight.get(id);
    if (running) return running;
    const work = (async () => {
      const bytes = Buffer.from(await make());
      await cache.put(name, key, bytes);
      return bytes;
    })().finally(() => inFlight.delete(id));
    inFlight.set(id, work);
    return work;
  };

  /** The meeting's public view as the referat (when published) or the dagsorden; undefined when that document is not public. */
  const load = async (slug: string, variant: PdfVariant): Promise<PrintDocument | undefined> => {
    const view = await loadMeetingView(db, slug, 'public');
    const row = view ? await meetingBySlug(db, slug) : undefined;
    if (!view || !row) return undefined;
    const asMinutes = variant === 'referat' || (variant === 'samlet' && view.minutesPublic);
    if (asMinutes) {
      if (!view.minutesPublic) return undefined;
      const { approval } = await minutesContext(db, row);
      return { meetingId: row.id, view, minutes: true, approval };
    }
    return { meetingId: row.id, view: view.minutesPublic ? agendaOnly(view) : view, minutes: false, approval: null };
  };

  /** Serves a prepared document from the cache, or makes and caches it. */
  const fetchOrMake = async (p: Prepared): Promise<{ bytes: Buffer; fromCache: boolean }> => {
    const cached = await cache.get(p.name, p.key);
    if (cached) return { bytes: cached, fromCache: true };
    return { bytes: await once(p.name, p.key, p.make), fromCache: false };
  };

  /** The dagsorden or referat: its cache key is the hash of the print HTML (and of everything else that shapes the PDF). */
  const prepareDocument = async (doc: PrintDocument): Promise<Prepared> => {
    const { view } = doc;
    const variant = doc.minutes ? 'referat' : 'dagsorden';
    const documentKind = doc.minutes ? texts.minutes : texts.agenda;
    const title = `${documentKind}: ${view.committeeName}, ${view.date}`;
    const css = await fs.readFile(PRINT_CSS, 'utf8');
    // The level-2 headings below the document title, as views/pdf/meeting.hbs writes them; the participants are no bookmark.
    const participantsHeading = doc.minutes ? 'Deltagere' : 'Medlemmer';
    const participants = view.participants.length > 0 ? [{ text: participantsHeading, bookmark: false }] : [];
    const headings = [
      ...participants,
      { text: TOC_HEADING, bookmark: true },
      ...view.items.map((i) => ({ text: i.heading, bookmark: true })),
      ...(doc.approval ? [{ text: APPROVAL_HEADING, bookmark: true }] : []),
    ];
    const firstItem = participants.length + 1;
    const html = (numbers: readonly number[] | undefined) =>
      engine.render(template('meeting'), {
        title,
        css,
        tocHeading: TOC_HEADING,
        participantsHeading,
        documentKind,
        minutes: doc.minutes,
        meeting: view,
        approval: doc.approval,
        toc: view.items.map((item, i) => ({ anchor: item.anchor, heading: item.heading, page: numbers?.[firstItem + i] ?? '' })),
        layout: false,
      });
    const setup: PageSetup = {
      documentUrl: `${deps.baseUrl}${view.href}`,
      assets: ASSETS,
      headerTemplate: await engine.render(template('header'), { committeeName: view.committeeName, documentKind, date: view.date, layout: false }),
      footerTemplate: await engine.render(template('footer'), { bodyName: view.bodyName, layout: false }),
    };
    const first = await html(undefined);
    return {
      name: `${doc.meetingId}-${variant}`,
      key: cacheKey(RENDER_VERSION, variant, setup.documentUrl, first, setup.headerTemplate, setup.footerTemplate),
      make: async () => {
        const metadata = { title, author: view.bodyName, language: 'da-DK', subject: `${documentKind} for ${view.committeeName} ${view.dateLong}` };
        const rendered = await renderWithToc(deps.browser, { html: (numbers) => (numbers ? html(numbers) : Promise.resolve(first)), headings, depth: 1, metadata }, setup);
        return rendered.pdf.save();
      },
    };
  };

  /** The samlet dokument: the referat (else the dagsorden) with the public PDF attachments appended. */
  const prepareCombined = async (doc: PrintDocument, slug: string): Promise<Prepared> => {
    const front = await prepareDocument(doc);
    const attachments: PdfAttachmentRow[] = [];
    for (const row of await pdfAttachmentsOfMeeting(db, doc.meetingId)) {
      // The same rule as the public download: only what a citizen could fetch is appended.
      const allowed = await publicAttachmentFile(db, row.id);
      if (allowed?.storageKey === row.storageKey) attachments.push(row);
    }
    return {
      name: `${doc.meetingId}-samlet`,
      key: cacheKey(RENDER_VERSION, 'samlet', front.key, ...attachments.map((a) => `${a.id}:${a.title}:${a.storageKey}`)),
      make: async () => {
        const combined = await PDFDocument.load((await fetchOrMake(front)).bytes, { updateMetadata: false });
        const parts: AppendedPdf[] = [];
        for (const a of attachments) {
          const file = await openStoredFile(deps.filesDir, a.storageKey);
          if (!file) continue;
          try {
            parts.push({ title: a.title, bytes: await file.handle.readFile() });
          } finally {
            await file.handle.close();
          }
        }
        const { skipped } = await appendPdfs(combined, parts);
        if (skipped.length > 0) log(`Samlet dokument for ${slug}: kunne ikke læse ${skipped.join(', ')}`);
        combined.setTitle(`Samlet dokument – ${combined.getTitle() ?? slug}`, { showInWindowTitleBar: true });
        return combined.save();
      },
    };
  };

  const get = async (slug: string, variant: PdfVariant): Promise<MeetingPdf | undefined> => {
    const doc = await load(slug, variant);
    if (!doc) return undefined;
    const prepared = variant === 'samlet' ? await prepareCombined(doc, slug) : await prepareDocument(doc);
    const { bytes, fromCache } = await fetchOrMake(prepared);
    return { bytes, etag: prepared.key, fileName: `${FILE_PREFIX[variant]}-${slug}.pdf`, fromCache };
  };

  return {
    get,
    browser: deps.browser,
    async renderMeeting(meetingId) {
      const row = await meetingById(db, meetingId);
      if (!row) return [];
      const made: PdfVariant[] = [];
      for (const variant of PDF_VARIANTS) if (await get(row.slug, variant)) made.push(variant);
      return made;
    },
    async schedule(meetingId) {
      if (!deps.jobs) return;
      // Never fails the publication that asks: a PDF the queue did not make is rendered when first requested.
      await deps.jobs.enqueue(RENDER_MEETING_PDFS, { meetingId }).catch((error: unknown) => log(`PDF'erne for møde ${meetingId} kunne ikke sættes i kø`, error));
    },
  };
}
