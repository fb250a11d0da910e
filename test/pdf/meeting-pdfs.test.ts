import { PDFDict, PDFDocument, PDFName, PDFBool, StandardFonts } from 'pdf-lib';
import request from 'supertest';
import type { Express } from 'express';
import { storeFile } from '../../src/modules/attachments/file-store';
import { testApp, testFilesDir } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { readPdf, type PdfInfo } from '../helpers/pdf';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

const SEED = '/dagsorden/social-og-sundhedsudvalget-06-04-2021';
/** The demo's upcoming SUS meeting's closed item: "Køb af ejendommen Lindevej 12" for 14,5 mio. kr. */
const SECRETS = ['Lindevej', '14,5', 'Købsaftale', 'købesum'];

/** GET a PDF as bytes (supertest leaves binary bodies unread by default). */
function getPdf(app: Express, path: string, headers: Record<string, string> = {}) {
  return request(app)
    .get(path)
    .set(headers)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

const text = (info: PdfInfo) => info.text.join('\n').replace(/\s+/g, ' ');

/** A small real PDF, as a secretary would upload it. */
async function attachmentPdf(pages: number, line: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage().drawText(`${line}, side ${i}`, { x: 50, y: 700, size: 14, font });
  return Buffer.from(await doc.save());
}

/** Puts a PDF file on an attachment of a meeting's item, the way an upload leaves it. */
async function attach(t: TestDb, itemId: number, title: string, bytes: Buffer, options: { isPublic: boolean; bypassLock?: boolean }): Promise<void> {
  const key = await storeFile(testFilesDir(t), bytes);
  await t.db.transaction(async (trx) => {
    // Approved minutes are locked by a trigger; an import writes their attachments with the lock lifted, as here.
    if (options.bypassLock) await trx.raw('SET LOCAL session_replication_role = replica');
    await trx('attachments').insert({
      item_id: itemId,
      position: 99,
      title,
      is_public: options.isPublic,
      file_name: `${title}.pdf`,
      content_type: 'application/pdf',
      size_bytes: bytes.length,
      storage_key: key,
    });
  });
}

describe('meeting PDFs', () => {
  let t: TestDb;
  let app: Express;
  let upcoming: { id: number; slug: string };
  let referat: { status: number; body: Buffer; headers: Record<string, string>; info: PdfInfo };

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    const sus = await t.db('committees').where({ slug: 'social-og-sundhedsudvalget' }).first('id');
    upcoming = await t.db('meetings').where({ committee_id: sus.id, status: 'agenda_published' }).first('id', 'slug');
    const res = await getPdf(app, `${SEED}/referat.pdf`);
    referat = { status: res.status, body: res.body as Buffer, headers: res.headers as Record<string, string>, info: await readPdf(res.body as Buffer) };
  });
  // Closes the test app's Chromium too (test/helpers/app.ts).
  afterAll(() => t.drop());

  it('serves the referat as an inline PDF with a file name and an ETag', () => {
    expect(referat.status).toBe(200);
    expect(referat.headers['content-type']).toBe('application/pdf');
    expect(referat.headers['content-disposition']).toBe('inline; filename="referat-social-og-sundhedsudvalget-06-04-2021.pdf"; filename*=UTF-8\'\'referat-social-og-sundhedsudvalget-06-04-2021.pdf');
    expect(referat.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(referat.headers['x-pdf-cache']).toBe('miss');
    expect(referat.body.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('has exactly one bookmark per punkt, titled as the punkt, pointing at the page where it starts', async () => {
    const meeting = await t.db('meetings').where({ slug: SEED.split('/')[2] }).first('id');
    const items = (await t.db('agenda_items').where({ meeting_id: meeting.id }).orderBy('number').select('number', 'title')) as Array<{ number: number; title: string }>;
    expect(items).toHaveLength(17);
    const punkter = referat.info.outline.filter((b) => b.title.startsWith('Punkt '));
    expect(punkter.map((b) => b.title)).toEqual(items.map((i) => `Punkt ${i.number} ${i.title}`));
    expect(punkter[0]?.title).toBe('Punkt 1 Meddelelser');
    // Flat: no bookmark for every sub-heading; besides the punkter only the contents and the approval.
    expect(referat.info.outline.every((b) => b.items.length === 0)).toBe(true);
    expect(referat.info.outline.filter((b) => !b.title.startsWith('Punkt ')).map((b) => b.title)).toEqual(['Indholdsfortegnelse', 'Referatet er godkendt']);
    for (const b of punkter) {
      const page = referat.info.text[(b.page ?? 0) - 1] ?? '';
      const number = b.title.split(' ')[1];
      expect({ bookmark: b.title, onItsPage: page.replace(/\s+/g, ' ').includes(`Punkt ${number} `) }).toEqual({ bookmark: b.title, onItsPage: true });
    }
  });

  it('holds the referat as text, Danish letters intact: budget figures, votes, the approval record', () => {
    const all = text(referat.info);
    for (const phrase of [
      'Sundhedspolitik',
      '1.177.788',
      'For stemte',
      'Kåre Harder Olesen',
      'Referatet er godkendt',
      'Udmøntning af Ballerup Kommunes Pårørendepolitik',
      'Økonomiske konsekvenser og finansiering',
      'næstformand',
      'Kontrolsum (SHA-256)',
    ]) {
      expect({ phrase, found: all.includes(phrase) }).toEqual({ phrase, found: true });
    }
    // The approval record closes the document.
    expect(referat.info.text.at(-1)).toContain('Referatet er godkendt');
  });

  it('sets the text in IBM Plex Sans, the design system\'s typeface, in each weight it uses', () => {
    // Chromium embeds a subset of each font it used, named "ABCDEF+<PostScript name>".
    const embedded = new Set([...referat.body.toString('latin1').matchAll(/\/FontName\s*\/[A-Z]{6}\+([A-Za-z-]+)/g)].map((m) => m[1]));
    for (const font of ['IBMPlexSans', 'IBMPlexSans-SemiBold', 'IBMPlexSans-Bold']) expect({ font, embedded: embedded.has(font) }).toEqual({ font, embedded: true });
  });

  it('opens with a front page and a table of contents giving each punkt its page', () => {
    const front = text({ ...referat.info, text: [referat.info.text[0] ?? ''] });
    for (const fact of ['Ballerup Kommune', 'Referat', 'Social- og Sundhedsudvalget', 'tirsdag den 6. april 2021', 'Kl. 14.00', 'Mødelokale 1, Ballerup Rådhus', 'Deltagere', 'Lolan Ottesen (A), formand']) {
      expect({ fact, found: front.includes(fact) }).toEqual({ fact, found: true });
    }
    const toc = (referat.info.text[1] ?? '').replace(/\s+/g, ' ');
    expect(toc).toContain('Indholdsfortegnelse');
    for (const b of referat.info.outline.filter((x) => x.title.startsWith('Punkt '))) {
      expect(b.page).toBeGreaterThan(2);
      expect({ entry: b.title, listed: toc.includes(`${b.title} ${b.page}`) }).toEqual({ entry: b.title, listed: true });
    }
  });

  it('numbers every page "Side x af y" with the committee and date in the header', () => {
    const n = referat.info.pages;
    expect(n).toBeGreaterThan(10);
    expect(text({ ...referat.info, text: [referat.info.text[0] ?? ''] })).toContain(`Side 1 af ${n}`);
    expect(text({ ...referat.info, text: [referat.info.text[n - 1] ?? ''] })).toContain(`Side ${n} af ${n}`);
    expect(referat.info.text[4]).toContain('Referat 6. april 2021');
  });

  it('is a tagged PDF: marked, with a structure tree, a language and a title shown in the window', async () => {
    expect(referat.info.markInfo?.Marked).toBe(true);
    const doc = await PDFDocument.load(referat.body);
    const markInfo = doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict);
    expect(markInfo.lookup(PDFName.of('Marked'), PDFBool).asBoolean()).toBe(true);
    const tree = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    expect(tree.get(PDFName.of('ParentTree'))).toBeDefined();
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toContain('da');
    expect(doc.getTitle()).toBe('Referat: Social- og Sundhedsudvalget, 6. april 2021');
  });

  it('serves a second request from the cache, and answers 304 to its ETag', async () => {
    const started = Date.now();
    const again = await getPdf(app, `${SEED}/referat.pdf`);
    expect(again.status).toBe(200);
    expect(again.headers['x-pdf-cache']).toBe('hit');
    expect(again.headers.etag).toBe(referat.headers.etag);
    expect(Buffer.compare(again.body as Buffer, referat.body)).toBe(0);
    expect(Date.now() - started).toBeLessThan(1500);
    const unchanged = await getPdf(app, `${SEED}/referat.pdf`, { 'If-None-Match': referat.headers.etag ?? '' });
    expect(unchanged.status).toBe(304);
  });

  it('shows a closed item only as "Lukket punkt" in the agenda PDF, and has no referat yet', async () => {
    const res = await getPdf(app, `/dagsorden/${upcoming.slug}/dagsorden.pdf`);
    expect(res.status).toBe(200);
    const info = await readPdf(res.body as Buffer);
    const all = text(info);
    expect(all).toContain('Punkt 3 Lukket punkt');
    expect(all).toContain('Medlemmer');
    for (const secret of SECRETS) expect({ secret, leaked: all.includes(secret) }).toEqual({ secret, leaked: false });
    expect(info.outline.map((b) => b.title)).toContain('Punkt 3 Lukket punkt');
    expect(info.outline.map((b) => b.title)).not.toContain('Referatet er godkendt');
    expect(res.headers['content-disposition']).toContain(`filename="dagsorden-${upcoming.slug}.pdf"`);
    expect((await getPdf(app, `/dagsorden/${upcoming.slug}/referat.pdf`)).status).toBe(404);
  });

  it('answers 404 for meetings and documents that are not public', async () => {
    const sus = await t.db('committees').where({ slug: 'social-og-sundhedsudvalget' }).first('id');
    const planned = 'social-og-sundhedsudvalget-05-01-2027';
    await t.db('meetings').insert({ committee_id: sus.id, slug: planned, starts_at: new Date('2027-01-05T15:00:00Z'), status: 'planned' });
    for (const variant of ['dagsorden', 'referat', 'samlet']) {
      expect((await getPdf(app, `/dagsorden/${planned}/${variant}.pdf`)).status).toBe(404);
      expect((await getPdf(app, `/dagsorden/findes-ikke-01-01-2020/${variant}.pdf`)).status).toBe(404);
      expect((await getPdf(app, `/dagsorden/Ugyldig_Slug/${variant}.pdf`)).status).toBe(404);
    }
  });

  it('appends the public PDF attachments to the samlet dokument, tags and bookmarks kept', async () => {
    const meeting = await t.db('meetings').where({ slug: SEED.split('/')[2] }).first('id');
    const item = await t.db('agenda_items').where({ meeting_id: meeting.id, number: 14 }).first('id');
    // An untagged scan-like file, a tagged one (another meeting's agenda, as Chromium made it) and one that is not public.
    const tagged = (await getPdf(app, `/dagsorden/${upcoming.slug}/dagsorden.pdf`)).body as Buffer;
    const taggedInfo = await readPdf(tagged);
    await attach(t, item.id, 'Sundhedspolitik – høringssvar', await attachmentPdf(3, 'Høringssvar fra Ældrerådet'), { isPublic: true, bypassLock: true });
    await attach(t, item.id, 'Dagsorden til næste møde', tagged, { isPublic: true, bypassLock: true });
    await attach(t, item.id, 'Internt notat', await attachmentPdf(2, 'Internt notat om budget'), { isPublic: false, bypassLock: true });

    // The referat now lists the new attachments, so it is made again; the samlet dokument is it plus the public files.
    const front = await readPdf((await getPdf(app, `${SEED}/referat.pdf`)).body as Buffer);
    expect(text(front)).toContain('Dagsorden til næste møde');
    const res = await getPdf(app, `${SEED}/samlet.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('filename="samlet-dokument-social-og-sundhedsudvalget-06-04-2021.pdf"');
    const info = await readPdf(res.body as Buffer);
    expect(info.pages).toBe(front.pages + 3 + taggedInfo.pages);
    const all = text(info);
    expect(all).toContain('Høringssvar fra Ældrerådet, side 3');
    expect(all).not.toContain('Internt notat om budget');

    const bookmarks = info.outline.map((b) => [b.title, b.page]);
    expect(bookmarks).toContainEqual(['Bilag: Sundhedspolitik – høringssvar', front.pages + 1]);
    expect(bookmarks).toContainEqual(['Bilag: Dagsorden til næste møde', front.pages + 4]);
    expect(info.outline.filter((b) => b.title.startsWith('Punkt '))).toHaveLength(17);
    // The appended agenda keeps its own bookmarks, below its own, pointing into its pages.
    const nested = info.outline.find((b) => b.title === 'Bilag: Dagsorden til næste møde')?.items ?? [];
    expect(nested.map((b) => b.title)).toEqual(taggedInfo.outline.map((b) => b.title));
    expect(nested.map((b) => b.page)).toEqual(taggedInfo.outline.map((b) => (b.page ?? 0) + front.pages + 3));

    // Tagging: the referat in front and the tagged attachment stay tagged; the untagged file stays untagged.
    expect(info.markInfo?.Marked).toBe(true);
    expect(info.structure[0]).toContain('H1');
    expect(info.structure[front.pages]).toEqual([]);
    const appended = info.structure[front.pages + 3] ?? [];
    expect(appended.slice(0, 2)).toEqual(['Document', 'Sect']);
    expect(appended).toContain('H1');
    expect((await getPdf(app, `${SEED}/samlet.pdf`)).headers['x-pdf-cache']).toBe('hit');
  });

  it('never appends a closed item\'s attachment, even one marked public', async () => {
    const closed = await t.db('agenda_items').where({ meeting_id: upcoming.id, is_closed: true }).first('id');
    await attach(t, closed.id, 'Købsaftale, Lindevej 12 (underskrevet)', await attachmentPdf(1, 'Købsaftale Lindevej 12, købesum 14,5 mio. kr.'), { isPublic: true });
    const agenda = await readPdf((await getPdf(app, `/dagsorden/${upcoming.slug}/dagsorden.pdf`)).body as Buffer);
    const res = await getPdf(app, `/dagsorden/${upcoming.slug}/samlet.pdf`);
    expect(res.status).toBe(200);
    const info = await readPdf(res.body as Buffer);
    expect(info.pages).toBe(agenda.pages);
    for (const secret of SECRETS) expect({ secret, leaked: text(info).includes(secret) }).toEqual({ secret, leaked: false });
    // Nothing appended: the dagsorden as it is, under the samlet dokument's title, its bookmarks kept.
    expect(info.outline).toEqual(agenda.outline);
    const agendaTitle = (await PDFDocument.load((await getPdf(app, `/dagsorden/${upcoming.slug}/dagsorden.pdf`)).body as Buffer)).getTitle();
    expect(agendaTitle).toMatch(/^Dagsorden: Social- og Sundhedsudvalget, /);
    expect((await PDFDocument.load(res.body as Buffer)).getTitle()).toBe(`Samlet dokument – ${agendaTitle}`);
  });

  it('links the PDFs from the public meeting page: the referat only once it is published', async () => {
    const seed = pageText((await request(app).get(SEED).expect(200)).text);
    expect(seed).toContain('Hent som PDF');
    const seedHtml = (await request(app).get(SEED)).text;
    for (const variant of ['dagsorden', 'referat', 'samlet']) expect(seedHtml).toContain(`href="${SEED}/${variant}.pdf"`);
    const agendaHtml = (await request(app).get(`/dagsorden/${upcoming.slug}`).expect(200)).text;
    expect(agendaHtml).toContain(`href="/dagsorden/${upcoming.slug}/dagsorden.pdf"`);
    expect(agendaHtml).toContain(`href="/dagsorden/${upcoming.slug}/samlet.pdf"`);
    expect(agendaHtml).not.toContain('referat.pdf');
  });
});
