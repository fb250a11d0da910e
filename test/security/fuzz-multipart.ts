import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { TEST_MAX_UPLOAD_BYTES } from '../helpers/app';

/*
 * Upload forms (enctype="multipart/form-data") for the fuzz test (test/security/fuzz.test.ts): a
 * multipart body built by hand, so that it can be wrong in every way a hostile client can make it
 * wrong, and hostile file parts: names with control, bidirectional and Danish characters, folders
 * and very long names; content types that lie or make no sense; empty files, magic bytes that lie,
 * real files of every allowed kind, XML for the import (with hostile values, entity expansion and
 * external entities), and sizes at and over the app's limit. A file's content is described, not
 * held, so that a counterexample prints short; `contentOf` makes the bytes.
 */

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const fixtureCache = new Map<string, Buffer>();
function fixture(name: string): Buffer {
  let bytes = fixtureCache.get(name);
  if (!bytes) {
    bytes = fs.readFileSync(path.join(FIXTURES, name));
    fixtureCache.set(name, bytes);
  }
  return bytes;
}

/** The Acadre export of the import tests, small enough (17 kB) to import in a fuzz case */
const ACADRE = 'esdh/syddjurs-acadre-puk-2013-06-20.xml';

export type FileContent =
  | { kind: 'fixture'; file: string }
  | { kind: 'empty' }
  /** A known file type's first bytes, then whatever */
  | { kind: 'magic'; magic: string; tail: Uint8Array }
  | { kind: 'bytes'; bytes: Uint8Array }
  /** `bytes` bytes of filler, relative to the app's limit */
  | { kind: 'size'; bytes: number }
  /** The Acadre export with one field's text replaced, escaped for XML or not */
  | { kind: 'acadre'; field: string; value: string; escaped: boolean }
  | { kind: 'xml'; xml: string };

export interface FilePart {
  field: string;
  fileName: string;
  /** How the part's header gives the name: as a browser does (quoted, with " CR LF percent-escaped), RFC 5987, unescaped, or not at all (then the part is a text field) */
  nameAs: 'browser' | 'rfc5987' | 'raw' | 'none';
  contentType: string | null;
  content: FileContent;
}

/** How the body as a whole is broken, if at all */
export type Breakage = { kind: 'none' } | { kind: 'truncated'; at: number } | { kind: 'no-final-boundary' } | { kind: 'other-boundary' } | { kind: 'no-boundary' };

export interface TextPart {
  field: string;
  value: string;
}

const BOUNDARY = '----moedebog-fuzz-5b1d0c7e9a';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function contentOf(content: FileContent): Buffer {
  switch (content.kind) {
    case 'fixture':
      return fixture(content.file);
    case 'empty':
      return Buffer.alloc(0);
    case 'magic':
      return Buffer.concat([Buffer.from(content.magic, 'latin1'), content.tail]);
    case 'bytes':
      return Buffer.from(content.bytes);
    case 'size':
      return Buffer.alloc(content.bytes, 'a');
    case 'acadre': {
      const xml = fixture(ACADRE).toString('utf8');
      const value = content.escaped ? escapeXml(content.value) : content.value;
      return Buffer.from(xml.replace(new RegExp(`(<field name="${content.field}">)[^<]*(</field>)`), (_m, open: string, close: string) => `${open}${value}${close}`), 'utf8');
    }
    case 'xml':
      return Buffer.from(content.xml, 'utf8');
  }
}

/** A name in a part header as a browser writes it (the HTML standard's multipart/form-data encoding) */
const browserQuoted = (name: string) => name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

function partHeader(field: string, file?: FilePart): Buffer {
  let disposition = `Content-Disposition: form-data; name="${browserQuoted(field)}"`;
  if (file?.nameAs === 'browser') disposition += `; filename="${browserQuoted(file.fileName)}"`;
  else if (file?.nameAs === 'rfc5987') disposition += `; filename*=UTF-8''${encodeURIComponent(file.fileName.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))}`;
  else if (file?.nameAs === 'raw') disposition += `; filename="${file.fileName}"`;
  const contentType = file?.contentType === null || file === undefined ? '' : `\r\nContent-Type: ${file.contentType}`;
  return Buffer.from(`${disposition}${contentType}\r\n\r\n`, 'utf8');
}

/** The body and its Content-Type header */
export function multipartBody(texts: TextPart[], files: FilePart[], breakage: Breakage): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  const open = Buffer.from(`--${BOUNDARY}\r\n`);
  for (const text of texts) chunks.push(open, partHeader(text.field), Buffer.from(text.value, 'utf8'), Buffer.from('\r\n'));
  for (const file of files) chunks.push(open, partHeader(file.field, file), contentOf(file.content), Buffer.from('\r\n'));
  if (breakage.kind !== 'no-final-boundary') chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  let body = Buffer.concat(chunks);
  if (breakage.kind === 'truncated') body = body.subarray(0, Math.floor(body.length * breakage.at));
  const contentType =
    breakage.kind === 'no-boundary' ? 'multipart/form-data' : `multipart/form-data; boundary=${breakage.kind === 'other-boundary' ? `${BOUNDARY}x` : BOUNDARY}`;
  return { body, contentType };
}

const extension = fc.constantFrom('.pdf', '.PDF', '.png', '.jpg', '.docx', '.xlsx', '.doc', '.xml', '.exe', '.pdf.exe', '.exe.pdf', '.html', '.svg', '', '.', '.pdf ', '.pdf\u0000.exe', '.pdf%00.exe');
const hostileName = fc.constantFrom(
  '',
  '.',
  '..',
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  'C:\\fakepath\\bilag',
  '\\\\server\\share\\bilag',
  '\u202Efdp',
  'a\u0000b',
  '\u0000',
  '\r\n',
  'bilag\r\nContent-Type: text/html\r\n\r\n<script>',
  '\u0007\u0008\u001b[31m\u007f',
  'CON',
  'NUL',
  'Æblehave ØST å',
  'Ã\u0086blehave',
  '𝕏😀👨‍👩‍👧',
  '\uD800',
  '\uFEFFbilag',
  '\u200B\u200F\u2066',
  '\u0085\u2028\u2029',
  '"citat"',
  "bilag'; DROP TABLE attachments; --",
  '<script>alert(1)</script>',
  '%00',
  '%2e%2e%2f%2e%2e%2fpasswd',
  'bilag;.exe',
  ' ',
  '...',
  'a/b\\c',
  '{{constructor.constructor("return 1")()}}',
  '__proto__',
);
const fileName: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(hostileName, extension).map(([name, ext]) => name + ext) },
  { weight: 2, arbitrary: hostileName },
  { weight: 2, arbitrary: fc.tuple(fc.string({ unit: 'binary', maxLength: 60 }), extension).map(([name, ext]) => name + ext) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'ø', '𝕏', '\u202E', '../'), fc.integer({ min: 100, max: 6_000 }), extension).map(([unit, n, ext]) => unit.repeat(n) + ext) },
  { weight: 2, arbitrary: fc.constantFrom('bilag.pdf', 'billede.png', 'brev.docx', 'budget.xlsx', 'eksport.xml', 'Referat 06-04-2021.pdf') },
);

const contentType: fc.Arbitrary<string | null> = fc.constantFrom(
  null,
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/xml',
  'text/xml; charset=utf-8',
  'text/html',
  'image/svg+xml',
  'application/x-msdownload',
  'application/octet-stream',
  '',
  'multipart/form-data; boundary=x',
  'application/pdf; charset=utf-16',
  'x/y/z',
  '💥/💥',
  '../../etc/passwd',
);

const MAGIC = [
  '%PDF-1.7\n',
  '%PDF-',
  '\x89PNG\r\n\x1a\n',
  '\xff\xd8\xff\xe0',
  'GIF89a',
  'RIFF\x00\x00\x00\x00WEBP',
  '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1',
  'PK\x03\x04',
  'MZ\x90\x00',
  '\x7fELF',
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<?xml version="1.0" encoding="UTF-16"?><root><table name="agenda">',
  '\xef\xbb\xbf<Meeting>',
  '<Publication>',
  '<html><script>alert(1)</script>',
];

const XML = [
  // Entity expansion ("billion laughs") and external entities
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]><Meeting><Name>&lol5;</Name></Meeting>',
  '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY e SYSTEM "file:///etc/passwd">]><Meeting><Name>&e;</Name></Meeting>',
  '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "http://127.0.0.1:1/">]><root><table name="agenda"><fields><field name="name">&e;</field></fields></table></root>',
  '<Meeting/>',
  '<Publication></Publication>',
  '<root><table name="agenda"></table></root>',
  '<Meeting><Meeting><Meeting><Meeting><Meeting><Meeting><Meeting><Meeting></Meeting></Meeting></Meeting></Meeting></Meeting></Meeting></Meeting></Meeting>',
  `<Meeting>${'<Item>'.repeat(2_000)}`,
];

/** Fields of the Acadre export whose text the import reads: names, dates, numbers */
const ACADRE_FIELDS = ['name', 'producedate', 'cdate', 'sysid', 'role', 'party', 'email', 'description', 'departmentName', 'sort'];

/** The content of a file part; `value` makes hostile text for the XML of the import. */
export function fileContent(value: fc.Arbitrary<string>): fc.Arbitrary<FileContent> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('attachments/minimal.pdf', 'attachments/pixel.png', 'attachments/letter.docx', 'attachments/budget.xlsx', ACADRE).map((file): FileContent => ({ kind: 'fixture', file })) },
    { weight: 1, arbitrary: fc.constant<FileContent>({ kind: 'empty' }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('magic' as const), magic: fc.constantFrom(...MAGIC), tail: fc.uint8Array({ maxLength: 256 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 2_048 }) }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(TEST_MAX_UPLOAD_BYTES - 1, TEST_MAX_UPLOAD_BYTES, TEST_MAX_UPLOAD_BYTES + 1, 2 * TEST_MAX_UPLOAD_BYTES).map((bytes): FileContent => ({ kind: 'size', bytes })),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('acadre' as const), field: fc.constantFrom(...ACADRE_FIELDS), value, escaped: fc.boolean() }) },
    { weight: 1, arbitrary: fc.constantFrom(...XML).map((xml): FileContent => ({ kind: 'xml', xml })) },
  );
}

/** Real files of the kinds the app takes, with their extension and Content-Type */
const REAL_FILES = [
  { file: 'attachments/minimal.pdf', extension: '.pdf', contentType: 'application/pdf' },
  { file: 'attachments/pixel.png', extension: '.png', contentType: 'image/png' },
  { file: 'attachments/letter.docx', extension: '.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { file: 'attachments/budget.xlsx', extension: '.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { file: ACADRE, extension: '.xml', contentType: 'text/xml' },
];

/**
 * File parts for a form whose file inputs are `fileFields`: none, one, or two (one more than most
 * forms take), mostly under a real field's name. Half of them are files a browser would send (a
 * real file, its extension and type, a hostile name or none), so that the rest of the form is
 * reached as well: the wild ones are mostly refused for the file alone.
 */
export function fileParts(fileFields: string[], value: fc.Arbitrary<string>): fc.Arbitrary<FilePart[]> {
  const field = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...fileFields) }, { weight: 1, arbitrary: fc.constantFrom('fil', 'file[]', 'files[0]', '', '__proto__') });
  const wild: fc.Arbitrary<FilePart> = fc.record({
    field,
    fileName,
    nameAs: fc.constantFrom('browser', 'browser', 'browser', 'browser', 'rfc5987', 'raw', 'none'),
    contentType,
    content: fileContent(value),
  });
  const plausible: fc.Arbitrary<FilePart> = fc
    .tuple(
      fc.constantFrom(...fileFields),
      fc.constantFrom(...REAL_FILES),
      fc.oneof(hostileName, fc.string({ maxLength: 40 }), fc.constant('Bilag')),
      fc.constantFrom('browser' as const, 'rfc5987' as const),
      fc.option(fc.tuple(fc.constantFrom(...ACADRE_FIELDS), value, fc.boolean()), { nil: null, freq: 2 }),
    )
    .map(([name, real, stem, nameAs, change]): FilePart => ({
      field: name,
      fileName: stem + real.extension,
      nameAs,
      contentType: real.contentType,
      content: real.file === ACADRE && change ? { kind: 'acadre', field: change[0], value: change[1], escaped: change[2] } : { kind: 'fixture', file: real.file },
    }));
  const part = fc.oneof(wild, plausible);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant([]) },
    { weight: 5, arbitrary: plausible.map((p) => [p]) },
    { weight: 4, arbitrary: wild.map((p) => [p]) },
    { weight: 1, arbitrary: fc.tuple(part, part) },
  );
}

export const breakage: fc.Arbitrary<Breakage> = fc.oneof(
  { weight: 24, arbitrary: fc.constant<Breakage>({ kind: 'none' }) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((at): Breakage => ({ kind: 'truncated', at })) },
  { weight: 1, arbitrary: fc.constantFrom<Breakage>({ kind: 'no-final-boundary' }, { kind: 'other-boundary' }, { kind: 'no-boundary' }) },
);
