import type { Express } from 'express';
import request from 'supertest';
import { readZipEntry } from '../../src/lib/zip';
import { docxText, wordXmlText } from '../../src/modules/search/docx-text';
import { extractText } from '../../src/modules/search/attachment-text';
import { testApp } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { loginAs, type Browser } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { docxWithBody, paragraph, pdfWithText, zipArchive } from './files';
import { hitsOf, searchPath } from './search-page';

const UPCOMING = 'social-og-sundhedsudvalget-08-12-2026';

describe('reading text out of attachments', () => {
  it('reads the visible text of a Word document, never deleted text of tracked changes', () => {
    const docx = docxWithBody(
      paragraph('Første afsnit om &lt;grønne&gt; tage &amp; regnvand') +
        '<w:p><w:r><w:t>Ord</w:t></w:r><w:r><w:tab/><w:t>efter tab</w:t></w:r><w:del><w:r><w:delText>Slettet hemmelighed</w:delText></w:r></w:del></w:p>' +
        '<w:p><w:r><w:instrText> HYPERLINK "x" </w:instrText><w:t>&#230;bler &#xF8;</w:t></w:r></w:p>',
    );
    const text = docxText(docx) ?? '';
    expect(text).toBe('Første afsnit om <grønne> tage & regnvand\nOrd efter tab\næbler ø\n');
    expect(wordXmlText('<w:p><w:r><w:t/></w:r></w:p>')).toBe('\n');
  });

  it('reads stored and deflated entries, and refuses broken or encrypted archives', () => {
    const zip = zipArchive([
      { name: 'a.txt', data: Buffer.from('stored'), store: true },
      { name: 'b.txt', data: Buffer.from('deflated '.repeat(100)) },
    ]);
    expect(readZipEntry(zip, 'a.txt')?.toString()).toBe('stored');
    expect(readZipEntry(zip, 'b.txt')?.toString()).toBe('deflated '.repeat(100));
    expect(readZipEntry(zip, 'c.txt')).toBeUndefined();
    expect(readZipEntry(zip.subarray(0, zip.length - 5), 'a.txt')).toBeUndefined();
    expect(readZipEntry(Buffer.from('PK\x03\x04 not a zip at all, but long enough to be read', 'latin1'), 'a.txt')).toBeUndefined();
    const encrypted = Buffer.from(zip);
    const central = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted.writeUInt16LE(1, central + 8);
    expect(readZipEntry(encrypted, 'a.txt')).toBeUndefined();
    // A deflate bomb stops at the limit instead of filling memory.
    const bomb = zipArchive([{ name: 'word/document.xml', data: Buffer.alloc(40 * 1024 * 1024, 0x41) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(readZipEntry(bomb, 'word/document.xml')).toBeUndefined();
  });

  it('reads PDFs in a child process and skips other files', async () => {
    const pdf = await pdfWithText(['Regnvandsbassiner ved Skovlunde', 'Grønne tage på rådhuset']);
    expect(await extractText(pdf)).toBe('Regnvandsbassiner ved Skovlunde Grønne tage på rådhuset');
    expect(await extractText(Buffer.from('%PDF-1.7 this is no PDF'))).toBeUndefined();
    expect(await extractText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
    expect(await extractText(zipArchive([{ name: 'xl/workbook.xml', data: Buffer.from('<x/>') }]))).toBeNull();
  });
});

describe('the text of public attachments is searchable', () => {
  let t: TestDb;
  let app: Express;
  let secretary: Browser;
  let items: { open: number; closed: number };

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    secretary = await loginAs(app, 'sekretaer@demo.test');
    const meeting = await t.db('meetings').where({ slug: UPCOMING }).first('id');
    items = {
      open: (await t.db('agenda_items').where({ meeting_id: meeting.id, number: 2 }).first('id')).id,
      closed: (await t.db('agenda_items').where({ meeting_id: meeting.id, is_closed: true }).first('id')).id,
    };
  });
  afterAll(() => t.drop());

  const hits = async (q: string) => hitsOf((await request(app).get(searchPath(q)).expect(200)).text);

  async function upload(itemId: number, name: string, bytes: Buffer, fields: Record<string, string> = {}) {
    const version = String((await t.db('agenda_items').where({ id: itemId }).first('version')).version);
    const req = secretary.agent.post(`/admin/punkter/${itemId}/bilag?_csrf=${encodeURIComponent(secretary.csrf)}`);
    for (const [k, v] of Object.entries({ version, changeNote: 'Bilag tilføjet', public: 'on', ...fields })) if (v !== '') req.field(k, v);
    const res = await req.attach('file', bytes, name);
    if (res.status !== 303) throw new Error(`upload of ${name}: ${res.status} ${pageText(res.text).slice(0, 400)}`);
    return (await t.db('attachments').where({ item_id: itemId }).orderBy('id', 'desc').first('id')).id as number;
  }

  it('finds a word in an uploaded PDF, linking the item it belongs to', async () => {
    expect(await hits('regnvandsbassiner')).toHaveLength(0);
    await upload(items.open, 'Klimatilpasning.pdf', await pdfWithText(['Notat om regnvandsbassiner og skybrudssikring', 'i Skovlunde bydel']));
    const found = await hits('regnvandsbassiner');
    expect(found).toHaveLength(1);
    expect(found[0]?.href).toBe(`/dagsorden/${UPCOMING}/punkt-2`);
    expect(found[0]?.marks).toEqual(['regnvandsbassiner']);
    expect(found[0]?.snippetHtml).toContain('skybrudssikring');
    // The attachment's title is searchable too.
    expect((await hits('klimatilpasning')).map((h) => h.href)).toEqual([`/dagsorden/${UPCOMING}/punkt-2`]);
  });

  it('finds a word in an uploaded Word document, but nothing of its deleted text', async () => {
    const docx = docxWithBody(paragraph('Vejledning om hjertestartere i idrætshaller') + '<w:p><w:del><w:r><w:delText>Fortrolig bemærkning om Tusindfrydtoften</w:delText></w:r></w:del></w:p>');
    await upload(items.open, 'Vejledning.docx', docx);
    expect((await hits('hjertestartere')).map((h) => h.href)).toEqual([`/dagsorden/${UPCOMING}/punkt-2`]);
    expect(await hits('tusindfrydtoften')).toHaveLength(0);
  });

  it('keeps non-public attachments and attachments of closed items out', async () => {
    const secretPdf = await pdfWithText(['Intern vurdering af Solsikkegrunden']);
    const attachmentId = await upload(items.open, 'Intern.pdf', secretPdf, { public: '' });
    expect(await hits('solsikkegrunden')).toHaveLength(0);
    await upload(items.closed, 'Tilbud.pdf', await pdfWithText(['Tilbud på Mælkebøttegården']));
    expect(await hits('mælkebøttegården')).toHaveLength(0);

    // Made public, the text is found; made non-public again, it is gone.
    const edit = async (isPublic: boolean) => {
      const version = String((await t.db('agenda_items').where({ id: items.open }).first('version')).version);
      await secretary.post(`/admin/bilag/${attachmentId}`, { version, title: 'Intern', changeNote: 'Synlighed ændret', ...(isPublic ? { public: 'on' } : {}), action: 'save' }).expect(303);
    };
    await edit(true);
    expect(await hits('solsikkegrunden')).toHaveLength(1);
    await edit(false);
    expect(await hits('solsikkegrunden')).toHaveLength(0);
  });

  it('forgets an attachment’s text when the attachment is deleted', async () => {
    const row = await t.db('attachments').where({ item_id: items.open, title: 'Klimatilpasning' }).first('id');
    const version = String((await t.db('agenda_items').where({ id: items.open }).first('version')).version);
    await secretary.post(`/admin/bilag/${row.id}/slet`, { version, changeNote: 'Bilaget er fjernet' }).expect(303);
    expect(await hits('skybrudssikring')).toHaveLength(0);
  });
});
