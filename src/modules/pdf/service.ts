import fs from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Db } from '../../db/knex';
import { roleLabels, texts } from '../../i18n/texts';
import type { Jobs } from '../../jobs/queue';
import type { BrowserPool } from '../../pdf/browser';
import { cacheKey, createPdfCache } from '../../pdf/cache';
import { appendPdfs, type AppendedPdf } from '../../pdf/merge';
import { decodeText, PdfFileError, PdfString, readPdfFile } from '../../pdf/pdf-file';
import { renderWithToc, type AssetMount, type PageSetup } from '../../pdf/render';
import { viewEngine, VIEWS_DIR } from '../../view/engine';
import { minutesContext } from '../approval/public-routes';
import type { ApprovalRecordView } from '../approval/record';
import { openStoredFile } from '../attachments/file-store';
import { publicAttachmentFile } from '../attachments/service';
import type { MeetingView } from '../meetings/presenter';
import { loadMeetingView } from '../meetings/service';
import { meetingById, meetingBySlug, pdfAttachmentsOfMeeting, type PdfAttachmentRow, type PdfMeetingRow } from './repository';
import { ASSET_MOUNTS, PRINT_CSS } from '../../web/static-assets';

/** The job that renders and caches a meeting's PDFs; data { meetingId }. */
export const RENDER_MEETING_PDFS = 'pdf.render-meeting';

export const PDF_VARIANTS = ['dagsorden', 'referat', 'samlet'] as const;
export type PdfVariant = (typeof PDF_VARIANTS)[number];

/** Bump when the rendering changes in a way the HTML does not show, so cached PDFs are made again. */
const RENDER_VERSION = 'pdf-2';

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
  /** How many page maps to keep (default 500; 0 measures every document's layout anew, as the batch benchmark does) */
  pageMaps?: number;
}

/** A document ready to be served: where it is cached and how to make it when it is not. */
interface Prepared {
  name: string;
  key: string;
  make: () => Promise<Uint8Array>;
}

/** Templates compiled once per process (express-handlebars otherwise reads and compiles every partial on each render): they change with a deploy. */
const COMPILED = { cache: true } as const;

const TOC_HEADING = 'Indholdsfortegnelse';
/** Where views/pdf/meeting.hbs shows the page number of each item in the table of contents */
const TOC_NUMBERS = '.toc .toc-page';
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

/** How many page maps (where each heading of a rendered document landed) are kept, so a document rendered again prints in one pass without measuring */
const PAGE_MAPS = 500;

/** The page maps of recently rendered documents by cache key, the oldest forgotten first. */
function createPageMaps(size: number) {
  const maps = new Map<string, readonly number[]>();
  return {
    get: (key: string) => maps.get(key),
    remember(key: string, numbers: readonly number[]) {
      if (size <= 0) return;
      maps.delete(key);
      maps.set(key, numbers);
      for (const oldest of maps.keys()) {
        if (maps.size <= size) break;
        maps.delete(oldest);
      }
    },
  };
}

const combinedTitle = (title: string) => `Samlet dokument – ${title}`;

/** A PDF (as this module renders them) retitled as a samlet dokument by an incremental update; undefined when the file is not one the light reader reads. */
function retitle(bytes: Uint8Array, fallback: string): Uint8Array | undefined {
  try {
    const file = readPdfFile(bytes);
    const title = file.info?.get('Title');
    return file.update({ info: { Title: combinedTitle(title instanceof PdfString ? decodeText(title) : fallback) } });
  } catch (error) {
    if (error instanceof PdfFileError) return undefined;
    throw error;
  }
}

const FILE_PREFIX: Record<PdfVariant, string> = { dagsorden: 'dagsorden', referat: 'referat', samlet: 'samlet-dokument' };

export function createMeetingPdfs(deps: MeetingPdfDeps): MeetingPdfs {
  const { db } = deps;
  const engine = viewEngine();
  const cache = createPdfCache(path.join(deps.filesDir, 'pdf-cache'));
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(message, error));
  const inFlight = new Map<string, Promise<Buffer>>();
  const template = (name: string) => path.join(VIEWS_DIR, 'pdf', `${name}.hbs`);
  const pageMaps = createPageMaps(deps.pageMaps ?? PAGE_MAPS);
  // The fonts every PDF loads, read from disk once.
  const assetCache = new Map<string, Buffer>();

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

  /** The dagsorden of a public meeting: for a meeting whose minutes are out, the agenda without what was decided. */
  const agendaDocument = (meetingId: number, view: MeetingView): PrintDocument => ({ meetingId, view: view.minutesPublic ? agendaOnly(view) : view, minutes: false, approval: null });

  /** The referat of a meeting whose minutes are published (undefined otherwise). */
  const minutesDocument = async (row: PdfMeetingRow, view: MeetingView): Promise<PrintDocument | undefined> => {
    if (!view.minutesPublic) return undefined;
    const { approval } = await minutesContext(db, row);
    return { meetingId: row.id, view, minutes: true, approval };
  };

  /** The meeting's public view as the referat (when published) or the dagsorden; undefined when that document is not public. */
  const load = async (slug: string, variant: PdfVariant): Promise<PrintDocument | undefined> => {
    const view = await loadMeetingView(db, slug, 'public');
    const row = view ? await meetingBySlug(db, slug) : undefined;
    if (!view || !row) return undefined;
    const asMinutes = variant === 'referat' || (variant === 'samlet' && view.minutesPublic);
    return asMinutes ? minutesDocument(row, view) : agendaDocument(row.id, view);
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
    // The numbers are filled in by the renderer: the HTML leaves them blank.
    const html = await engine.render(
      template('meeting'),
      {
        title,
        css: await fs.readFile(PRINT_CSS, 'utf8'),
        tocHeading: TOC_HEADING,
        participantsHeading,
        documentKind,
        minutes: doc.minutes,
        meeting: view,
        approval: doc.approval,
        toc: view.items.map((item) => ({ anchor: item.anchor, heading: item.heading, page: '' })),
        layout: false,
      },
      COMPILED,
    );
    const setup: PageSetup = {
      documentUrl: `${deps.baseUrl}${view.href}`,
      assets: ASSETS,
      assetCache,
      headerTemplate: await engine.render(template('header'), { committeeName: view.committeeName, documentKind, date: view.date, layout: false }, COMPILED),
      footerTemplate: await engine.render(template('footer'), { bodyName: view.bodyName, layout: false }, COMPILED),
    };
    const key = cacheKey(RENDER_VERSION, variant, setup.documentUrl, html, setup.headerTemplate, setup.footerTemplate);
    return {
      name: `${doc.meetingId}-${variant}`,
      key,
      make: async () => {
        const metadata = { title, author: view.bodyName, language: 'da-DK', subject: `${documentKind} for ${view.committeeName} ${view.dateLong}` };
        const rendered = await renderWithToc(
          deps.browser,
          {
            html,
            headings,
            depth: 1,
            numbers: { selector: TOC_NUMBERS, headingIndex: view.items.map((_, i) => firstItem + i) },
            metadata,
            pageNumbers: pageMaps.get(key),
          },
          setup,
        );
        pageMaps.remember(key, rendered.pageNumbers);
        return rendered.bytes;
      },
    };
  };

  /** The samlet dokument: the referat (else the dagsorden), prepared as `front`, with the public PDF attachments appended. */
  const prepareCombined = async (front: Prepared, meetingId: number, slug: string): Promise<Prepared> => {
    const attachments: PdfAttachmentRow[] = [];
    for (const row of await pdfAttachmentsOfMeeting(db, meetingId)) {
      // The same rule as the public download: only what a citizen could fetch is appended.
      const allowed = await publicAttachmentFile(db, row.id);
      if (allowed?.storageKey === row.storageKey) attachments.push(row);
    }
    return {
      name: `${meetingId}-samlet`,
      key: cacheKey(RENDER_VERSION, 'samlet', front.key, ...attachments.map((a) => `${a.id}:${a.title}:${a.storageKey}`)),
      make: async () => {
        const frontBytes = (await fetchOrMake(front)).bytes;
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
        // Nothing to append: the front document under the samlet dokument's title, without loading and writing it all again.
        if (parts.length === 0) {
          const retitled = retitle(frontBytes, slug);
          if (retitled) return retitled;
        }
        const combined = await PDFDocument.load(frontBytes, { updateMetadata: false });
        const { skipped } = await appendPdfs(combined, parts);
        if (skipped.length > 0) log(`Samlet dokument for ${slug}: kunne ikke læse ${skipped.join(', ')}`);
        combined.setTitle(combinedTitle(combined.getTitle() ?? slug), { showInWindowTitleBar: true });
        return combined.save();
      },
    };
  };

  const get = async (slug: string, variant: PdfVariant): Promise<MeetingPdf | undefined> => {
    const doc = await load(slug, variant);
    if (!doc) return undefined;
    const document = await prepareDocument(doc);
    const prepared = variant === 'samlet' ? await prepareCombined(document, doc.meetingId, slug) : document;
    const { bytes, fromCache } = await fetchOrMake(prepared);
    return { bytes, etag: prepared.key, fileName: `${FILE_PREFIX[variant]}-${slug}.pdf`, fromCache };
  };

  return {
    get,
    browser: deps.browser,
    async renderMeeting(meetingId) {
      const row = await meetingById(db, meetingId);
      const view = row ? await loadMeetingView(db, row.slug, 'public') : undefined;
      if (!row || !view) return [];
      // One load of the meeting for all its documents; each is made unless cached.
      const made: PdfVariant[] = ['dagsorden'];
      let front = await prepareDocument(agendaDocument(row.id, view));
      await fetchOrMake(front);
      const minutes = await minutesDocument(row, view);
      if (minutes) {
        front = await prepareDocument(minutes);
        await fetchOrMake(front);
        made.push('referat');
      }
      await fetchOrMake(await prepareCombined(front, row.id, row.slug));
      made.push('samlet');
      return made;
    },
    async schedule(meetingId) {
      if (!deps.jobs) return;
      // Never fails the publication that asks: a PDF the queue did not make is rendered when first requested.
      await deps.jobs.enqueue(RENDER_MEETING_PDFS, { meetingId }).catch((error: unknown) => log(`PDF'erne for møde ${meetingId} kunne ikke sættes i kø`, error));
    },
  };
}
