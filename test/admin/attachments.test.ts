import fs from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { contentDisposition, decodeUploadName, sanitizeFileName } from '../../src/modules/attachments/file-name';
import { sniffFile, zipEntryNames } from '../../src/modules/attachments/sniff';
import { TEST_MAX_UPLOAD_BYTES, testApp, testFilesDir } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { anonymous, loginAs, type Browser } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

/** Small real files: a one-page PDF, a 1×1 PNG, and minimal Word and Excel (OOXML) documents. */
const FIXTURES = path.resolve(__dirname, '../fixtures/attachments');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const PDF = fixture('minimal.pdf');
const PNG = fixture('pixel.png');
const DOCX = fixture('letter.docx');
const XLSX = fixture('budget.xlsx');
const OLE2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(200)]);
const MAX_BYTES = TEST_MAX_UPLOAD_BYTES;
const FILE_TYPE_ERROR = 'Filtypen er ikke tilladt. Vælg en PDF-, Word-, Excel- eller billedfil';

/** Collects a binary response body as a Buffer. */
function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  // At parse time superagent hands over the raw response stream.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** Every file under the store (temporary ones included: none may be left). */
function storedFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('file types and names', () => {
  it('recognises allowed types by their bytes, and only with an extension that agrees', () => {
    expect(sniffFile(PDF, 'a.pdf')?.contentType).toBe('application/pdf');
    expect(sniffFile(PNG, 'a.PNG')?.contentType).toBe('image/png');
    expect(sniffFile(DOCX, 'a.docx')?.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(sniffFile(XLSX, 'a.xlsx')?.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(sniffFile(OLE2, 'a.doc')?.contentType).toBe('application/msword');
    expect(sniffFile(OLE2, 'a.xls')?.contentType).toBe('application/vnd.ms-excel');
    expect(sniffFile(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'a.jpg')?.contentType).toBe('image/jpeg');
    expect(sniffFile(Buffer.from('GIF89a\x01\x00', 'latin1'), 'a.gif')?.contentType).toBe('image/gif');
    expect(sniffFile(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), 'a.webp')?.contentType).toBe('image/webp');

    expect(sniffFile(PNG, 'a.pdf')).toBeUndefined();
    expect(sniffFile(DOCX, 'a.xlsx')).toBeUndefined();
    expect(sniffFile(XLSX, 'a.docx')).toBeUndefined();
    expect(sniffFile(EXE, 'a.exe')).toBeUndefined();
    expect(sniffFile(EXE, 'a.pdf')).toBeUndefined();
    expect(sniffFile(PDF, 'pdf')).toBeUndefined();
    expect(sniffFile(Buffer.from('<html><script>alert(1)</script>'), 'a.pdf')).toBeUndefined();
    // A zip that is not an Office document, and a truncated one.
    const names = zipEntryNames(DOCX) ?? [];
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    expect(sniffFile(DOCX.subarray(0, DOCX.length - 10), 'a.docx')).toBeUndefined();
    expect(zipEntryNames(Buffer.from('PK\x03\x04', 'latin1'))).toBeUndefined();
  });

  it('sanitizes file names: no folders, control characters or quotes; Danish letters kept; at most 200 characters', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\x\\Referat "endelig".pdf')).toBe('Referat endelig.pdf');
    expect(sanitizeFileName('Æblehave\u0000 – økonomi\r\n.pdf')).toBe('Æblehave – økonomi.pdf');
    expect(sanitizeFileName('faktura\u202Efdp.exe')).toBe('fakturafdp.exe');
    expect(sanitizeFileName("it's.pdf")).toBe('its.pdf');
    expect(sanitizeFileName('...')).toBe('bilag');
    const long = sanitizeFileName(`${'å'.repeat(300)}.docx`);
    expect([...long].length).toBe(200);
    expect(long.endsWith('.docx')).toBe(true);
    expect(decodeUploadName(Buffer.from('Høring.pdf', 'utf8').toString('latin1'))).toBe('Høring.pdf');
    expect(decodeUploadName('Høring.pdf')).toBe('Høring.pdf');
    expect(contentDisposition('Tidsplan for høring.pdf')).toBe(`attachment; filename="Tidsplan for hoering.pdf"; filename*=UTF-8''Tidsplan%20for%20h%C3%B8ring.pdf`);
  });
});

describe('attachments of agenda items', () => {
  let t: TestDb;
  let app: Express;
  let filesDir: string;
  let secretary: Browser;
  let meeting: { id: number; slug: string };
  let items: { announcements: number; regular: number; closed: number };

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    filesDir = testFilesDir(t);
    secretary = await loginAs(app, 'sekretaer@demo.test');
    meeting = await t
      .db('meetings as m')
      .join('committees as c', 'c.id', 'm.committee_id')
      .where({ 'c.slug': 'social-og-sundhedsudvalget', 'm.status': 'agenda_published' })
      .first('m.id', 'm.slug');
    const rows = (await t.db('agenda_items').where({ meeting_id: meeting.id }).select('id', 'kind', 'is_closed')) as Array<{ id: number; kind: string; is_closed: boolean }>;
    const find = (f: (r: (typeof rows)[number]) => boolean) => rows.find(f)?.id as number;
    items = {
      announcements: find((r) => r.kind === 'announcements'),
      regular: find((r) => r.kind === 'regular' && !r.is_closed),
      closed: find((r) => r.is_closed),
    };
    expect((await t.db('agenda_items').where({ id: items.closed }).first('title')).title).toBe('Køb af ejendommen Lindevej 12');
  });
  afterAll(() => t.drop());

  const versionOf = async (itemId: number) => String((await t.db('agenda_items').where({ id: itemId }).first('version')).version);
  const count = async (itemId: number) => Number((await t.db('attachments').where({ item_id: itemId }).count<{ count: string }[]>('* as count'))[0]?.count);

  /** Posts the upload form as a browser does (multipart, the token in the query) and checks the status. */
  async function upload(status: number, b: Browser, itemId: number, file: { name: string; bytes: Buffer }, fields: Record<string, string> = {}, options: { csrf?: boolean } = {}) {
    const query = options.csrf === false ? '' : `?_csrf=${encodeURIComponent(b.csrf)}`;
    const req = b.agent.post(`/admin/punkter/${itemId}/bilag${query}`);
    // An empty value stands for a field the browser does not send (an unticked checkbox, an empty note).
    for (const [name, value] of Object.entries({ version: await versionOf(itemId), changeNote: 'Bilag tilføjet', public: 'on', ...fields })) if (value !== '') req.field(name, value);
    const res = await req.attach('file', file.bytes, file.name);
    if (res.status !== status) throw new Error(`upload of ${file.name}: expected ${status}, got ${res.status}: ${pageText(res.text ?? '').slice(0, 600)}`);
    return res;
  }

  async function newestAttachment(itemId: number) {
    return t.db('attachments').where({ item_id: itemId }).orderBy('id', 'desc').first();
  }

  it('lists an item’s attachments with a form to upload more', async () => {
    const page = await secretary.get(`/admin/punkter/${items.regular}/bilag`).expect(200);
    const text = pageText(page.text);
    expect(text).toContain('Udkast: Plads til alle – Ballerup Kommunes strategi mod udsathed blandt voksne');
    expect(text).toContain('Ingen fil');
    expect(page.text).toContain(`action="/admin/punkter/${items.regular}/bilag?_csrf=${secretary.csrf}"`);
    expect(page.text).toContain('enctype="multipart/form-data"');
    expect(text).toContain('Ændringsnote');
  });

  it('uploads a PDF (with a change note, the agenda being published) that citizens download from the meeting page', async () => {
    const before = await versionOf(items.regular);
    const noNote = await upload(422, secretary, items.regular, { name: 'Tidsplan for høring.pdf', bytes: PDF }, { changeNote: '' });
    expect(pageText(noNote.text)).toContain('skriv en kort ændringsnote');
    expect(await versionOf(items.regular)).toBe(before);

    const res = await upload(303, secretary, items.regular, { name: 'Tidsplan for høring.pdf', bytes: PDF }, { changeNote: 'Tidsplan for høringen er vedlagt', recommended: 'on' });
    expect(res.headers.location).toBe(`/admin/punkter/${items.regular}/bilag`);
    const row = await newestAttachment(items.regular);
    expect(row).toMatchObject({ title: 'Tidsplan for høring', file_name: 'Tidsplan for høring.pdf', content_type: 'application/pdf', recommended: true, is_public: true });
    expect(Number(row.size_bytes)).toBe(PDF.length);
    expect(fs.readFileSync(path.join(filesDir, row.storage_key.slice(0, 2), row.storage_key))).toEqual(PDF);
    expect(Number(await versionOf(items.regular))).toBe(Number(before) + 1);
    expect(await t.db('item_change_notes').where({ item_id: items.regular }).pluck('note')).toContain('Tidsplan for høringen er vedlagt');
    expect(await t.db('audit_log').where({ entity: 'attachment', entity_id: row.id, action: 'attachment.create' }).first('id')).toBeDefined();

    const list = await secretary.get(`/admin/punkter/${items.regular}/bilag`).expect(200);
    expect(pageText(list.text)).toContain('Bilaget er tilføjet.');
    expect(pageText(list.text)).toContain('588 byte');

    const citizen = request(app);
    const page = await citizen.get(`/dagsorden/${meeting.slug}`).expect(200);
    const href = new RegExp(`href="(/bilag/${row.id}/[^"]+)"`).exec(page.text)?.[1];
    expect(href).toBeDefined();
    expect(pageText(page.text)).toContain('Tidsplan for høring (anbefales)');
    const file = await citizen
      .get(href as string)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="Tidsplan for hoering.pdf"; filename*=UTF-8''Tidsplan%20for%20h%C3%B8ring.pdf`);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['cache-control']).toBe('public, max-age=300');
    expect(file.headers['set-cookie']).toBeUndefined();
    expect(file.body).toEqual(PDF);
    // The name in the address is for people; the canonical one works too, and a revalidation is cheap.
    const canonicalUrl = `/bilag/${row.id}/${encodeURIComponent(row.file_name)}`;
    const canonical = await citizen.get(canonicalUrl).buffer(true).parse(binary).expect(200);
    await citizen.get(canonicalUrl).set('If-None-Match', canonical.headers.etag as string).expect(304);
  });

  it('stores Word and Excel files with the type their bytes show, whatever the browser says', async () => {
    await upload(303, secretary, items.regular, { name: 'Notat.docx', bytes: DOCX });
    expect((await newestAttachment(items.regular)).content_type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const req = secretary.agent.post(`/admin/punkter/${items.regular}/bilag?_csrf=${encodeURIComponent(secretary.csrf)}`);
    req.field('version', await versionOf(items.regular)).field('changeNote', 'Budget vedlagt').field('title', 'Budgetoversigt');
    await req.attach('file', XLSX, { filename: 'Budget.xlsx', contentType: 'text/html' }).expect(303);
    const row = await newestAttachment(items.regular);
    expect(row).toMatchObject({ title: 'Budgetoversigt', content_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const file = await secretary.agent.get(`/admin/bilag/${row.id}/fil`).buffer(true).parse(binary).expect(200);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.body).toEqual(XLSX);
  });

  it('refuses a PNG renamed to .pdf, a program, an empty file and an oversize file with 422, storing nothing', async () => {
    const rows = await count(items.regular);
    const files = storedFiles(filesDir);

    const renamed = await upload(422, secretary, items.regular, { name: 'Referat.pdf', bytes: PNG });
    expect(pageText(renamed.text)).toContain(FILE_TYPE_ERROR);
    expect(renamed.text).toContain('<title>Fejl: ');
    expect(renamed.text).toContain('href="#f-file"');

    const program = await upload(422, secretary, items.regular, { name: 'setup.exe', bytes: EXE });
    expect(pageText(program.text)).toContain(FILE_TYPE_ERROR);

    const empty = await upload(422, secretary, items.regular, { name: 'tom.pdf', bytes: Buffer.alloc(0) });
    expect(pageText(empty.text)).toContain('Filen er tom');

    // Far over the limit (the parser stops reading) and one byte over it (the parser reads it all).
    for (const size of [MAX_BYTES + 512 * 1024, MAX_BYTES + 1]) {
      const big = Buffer.concat([PDF, Buffer.alloc(size - PDF.length, 0x20)]);
      const tooLarge = await upload(422, secretary, items.regular, { name: 'Stor.pdf', bytes: big }, { title: 'Min titel' });
      expect(pageText(tooLarge.text)).toContain('Filen er for stor. Den må højst fylde 2 MB');
      expect(tooLarge.text).toContain('value="Min titel"');
    }

    const missing = await secretary.agent.post(`/admin/punkter/${items.regular}/bilag?_csrf=${encodeURIComponent(secretary.csrf)}`).field('version', await versionOf(items.regular)).expect(422);
    expect(pageText(missing.text)).toContain('Vælg en fil');

    expect(await count(items.regular)).toBe(rows);
    expect(storedFiles(filesDir)).toEqual(files);
  });

  it('keeps a non-public attachment and every attachment of the closed item from citizens, but not from the secretary', async () => {
    await upload(303, secretary, items.regular, { name: 'Intern vurdering.pdf', bytes: Buffer.concat([PDF, Buffer.from('%intern')]) }, { public: '' });
    const internal = await newestAttachment(items.regular);
    expect(internal.is_public).toBe(false);
    await upload(303, secretary, items.closed, { name: 'Købsaftale underskrevet.pdf', bytes: Buffer.concat([PDF, Buffer.from('%lukket')]) }, { public: 'on' });
    const closed = await newestAttachment(items.closed);
    expect(closed.is_public).toBe(true);

    const citizen = request(app);
    for (const row of [internal, closed]) {
      const res = await citizen.get(`/bilag/${row.id}/${encodeURIComponent(row.file_name)}`).expect(404);
      expect(res.text).not.toContain(row.title);
      const file = await secretary.agent.get(`/admin/bilag/${row.id}/fil`).buffer(true).parse(binary).expect(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['cache-control']).toBe('private, no-store');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(row.file_name)}`);
    }
    // Nor does the meeting page link or name them.
    const page = await citizen.get(`/dagsorden/${meeting.slug}`).expect(200);
    expect(page.text).not.toContain(`/bilag/${internal.id}/`);
    expect(page.text).not.toContain(`/bilag/${closed.id}/`);
    expect(page.text).not.toContain('Købsaftale');
    // Ids that do not exist or are not numbers look the same.
    await citizen.get('/bilag/99999999/x.pdf').expect(404);
    await citizen.get('/bilag/abc/x.pdf').expect(404);
  });

  it('serves nothing publicly before the agenda is published or for an external party', async () => {
    const row = await t.db('attachments').where({ item_id: items.regular, is_public: true }).whereNotNull('storage_key').first('id', 'file_name');
    const citizen = request(app);
    const url = `/bilag/${row.id}/${encodeURIComponent(row.file_name)}`;
    await citizen.get(url).expect(200);
    await t.db('meetings').where({ id: meeting.id }).update({ status: 'planned' });
    await citizen.get(url).expect(404);
    await t.db('meetings').where({ id: meeting.id }).update({ status: 'agenda_published' });
    const committee = await t.db('meetings').where({ id: meeting.id }).first('committee_id');
    await t.db('committees').where({ id: committee.committee_id }).update({ kind: 'external_party' });
    await citizen.get(url).expect(404);
    await t.db('committees').where({ id: committee.committee_id }).update({ kind: 'committee' });
    await citizen.get(url).expect(200);
  });

  it('attaches files of the announcements item to one of its announcements', async () => {
    const refused = await upload(422, secretary, items.announcements, { name: 'Oversigt.pdf', bytes: PDF });
    expect(pageText(refused.text)).toContain('Vælg det meddelelsespunkt, bilaget hører til');
    const subPoint = await t.db('sub_points').where({ item_id: items.announcements }).first('id');
    await upload(303, secretary, items.announcements, { name: 'Oversigt.pdf', bytes: PDF }, { subPointId: String(subPoint.id) });
    const row = await newestAttachment(items.announcements);
    expect(row.sub_point_id).toBe(subPoint.id);
    const page = await request(app).get(`/dagsorden/${meeting.slug}`).expect(200);
    expect(page.text).toMatch(new RegExp(`<a href="/bilag/${row.id}/[^"]+">Oversigt</a>`));
  });

  it('edits, reorders and deletes an attachment, version-checked and with a change note', async () => {
    const rows = (await t.db('attachments').where({ item_id: items.regular }).orderBy('position').select('id', 'title', 'storage_key')) as Array<{ id: number; title: string; storage_key: string | null }>;
    const last = rows.at(-1) as (typeof rows)[number];
    const previous = rows.at(-2) as (typeof rows)[number];
    const version = await versionOf(items.regular);

    const noNote = await secretary.post(`/admin/bilag/${last.id}`, { version, title: 'Ny titel', public: 'on', action: 'save' }).expect(422);
    expect(noNote.text).toContain(`href="#f-a${last.id}-changeNote"`);
    expect(noNote.text).toContain('value="Ny titel"');
    const noTitle = await secretary.post(`/admin/bilag/${last.id}`, { version, title: ' ', changeNote: 'x' }).expect(422);
    expect(pageText(noTitle.text)).toContain('Skriv en titel');
    await secretary.post(`/admin/bilag/${last.id}`, { version, title: ['a', 'b'], changeNote: 'x' }).expect(422);

    await secretary.post(`/admin/bilag/${last.id}`, { version, title: 'Ny titel', changeNote: 'Bilaget er omdøbt og flyttet', action: 'up' }).expect(303);
    const moved = (await t.db('attachments').where({ item_id: items.regular }).orderBy('position').pluck('id')) as number[];
    expect(moved.indexOf(last.id)).toBe(moved.indexOf(previous.id) - 1);
    const edited = await t.db('attachments').where({ id: last.id }).first();
    expect(edited).toMatchObject({ title: 'Ny titel', is_public: false, recommended: false });

    const stale = await secretary.post(`/admin/bilag/${last.id}`, { version, title: 'Gammel', changeNote: 'x', public: 'on' }).expect(409);
    expect(pageText(stale.text)).toContain('Punktet er blevet ændret af en anden');
    expect(stale.text).toContain('value="Gammel"');
    expect((await t.db('attachments').where({ id: last.id }).first('title')).title).toBe('Ny titel');

    const fileOf = (key: string) => path.join(filesDir, key.slice(0, 2), key);
    expect(fs.existsSync(fileOf(last.storage_key as string))).toBe(true);
    await secretary.post(`/admin/bilag/${last.id}/slet`, { version: await versionOf(items.regular), changeNote: 'Bilaget er fjernet' }).expect(303);
    expect(await t.db('attachments').where({ id: last.id }).first('id')).toBeUndefined();
    expect(fs.existsSync(fileOf(last.storage_key as string))).toBe(false);
    expect(await t.db('audit_log').where({ entity: 'attachment', entity_id: last.id }).pluck('action')).toEqual(
      expect.arrayContaining(['attachment.create', 'attachment.move_up', 'attachment.delete']),
    );
  });

  it('leaves the attachments of approved minutes as they are', async () => {
    const seed = await t.db('meetings').where({ slug: 'social-og-sundhedsudvalget-06-04-2021' }).first('id', 'status');
    expect(seed.status).toBe('minutes_published');
    const item = await t.db('agenda_items').where({ meeting_id: seed.id, kind: 'regular' }).orderBy('number').first('id');
    const page = await secretary.get(`/admin/punkter/${item.id}/bilag`).expect(200);
    expect(pageText(page.text)).toContain('Referatet er godkendt og låst');
    expect(page.text).not.toContain('enctype="multipart/form-data"');
    const rows = await count(item.id);
    const refused = await upload(422, secretary, item.id, { name: 'Sent.pdf', bytes: Buffer.concat([PDF, Buffer.from('%sent')]) });
    expect(pageText(refused.text)).toContain('Referatet er godkendt og låst, så bilagene kan ikke ændres');
    expect(await count(item.id)).toBe(rows);
  });

  it('refuses members with 403, sends anonymous visitors to the login page, and needs the CSRF token', async () => {
    const row = await t.db('attachments').where({ item_id: items.regular }).whereNotNull('storage_key').first('id');
    const member = await loginAs(app, 'lolan.ottesen@demo.test');
    await member.get(`/admin/punkter/${items.regular}/bilag`).expect(403);
    await member.get(`/admin/bilag/${row.id}/fil`).expect(403);
    await upload(403, member, items.regular, { name: 'a.pdf', bytes: PDF });
    await member.post(`/admin/bilag/${row.id}`, { version: '1', title: 'x' }).expect(403);
    await member.post(`/admin/bilag/${row.id}/slet`, { version: '1' }).expect(403);

    const visitor = await anonymous(app);
    const login = await visitor.get(`/admin/punkter/${items.regular}/bilag`).expect(303);
    expect(login.headers.location).toBe(`/login?next=${encodeURIComponent(`/admin/punkter/${items.regular}/bilag`)}`);
    expect((await visitor.get(`/admin/bilag/${row.id}/fil`).expect(303)).headers.location).toMatch(/^\/login/);
    expect((await upload(303, visitor, items.regular, { name: 'a.pdf', bytes: PDF })).headers.location).toBe('/login');

    const rows = await count(items.regular);
    const files = storedFiles(filesDir);
    await upload(403, secretary, items.regular, { name: 'Uden token.pdf', bytes: Buffer.concat([PDF, Buffer.from('%csrf')]) }, {}, { csrf: false });
    const wrong = secretary.agent.post(`/admin/punkter/${items.regular}/bilag?_csrf=forkert`).field('version', await versionOf(items.regular));
    await wrong.attach('file', PDF, 'a.pdf').expect(403);
    await secretary.agent.post(`/admin/bilag/${row.id}`).type('form').send({ version: '1', title: 'x' }).expect(403);
    expect(await count(items.regular)).toBe(rows);
    expect(storedFiles(filesDir)).toEqual(files);
  });
});
