import zlib from 'node:zlib';

/**
 * The text of a Word document (.docx): the runs of word/document.xml, read from
 * the ZIP archive without a library. Only visible text (<w:t>) is kept: deleted
 * text of tracked changes (<w:delText>) and field codes never reach the index.
 */

/** More than this much XML is not a council document; refused rather than inflated (ZIP bombs). */
const MAX_XML_BYTES = 32 * 1024 * 1024;

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The central directory of a (non-ZIP64) archive; undefined when it is not well-formed. */
function zipEntries(bytes: Buffer): ZipEntry[] | undefined {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= earliest; i--) {
    if (bytes.readUInt32LE(i) === EOCD && i + 22 + bytes.readUInt16LE(i + 20) === bytes.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff || offset + size > eocd) return undefined;
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || bytes.readUInt32LE(p) !== CENTRAL) return undefined;
    const nameLength = bytes.readUInt16LE(p + 28);
    const end = p + 46 + nameLength;
    if (end > eocd) return undefined;
    entries.push({
      name: bytes.subarray(p + 46, end).toString('utf8'),
      flags: bytes.readUInt16LE(p + 8),
      method: bytes.readUInt16LE(p + 10),
      compressedSize: bytes.readUInt32LE(p + 20),
      localOffset: bytes.readUInt32LE(p + 42),
    });
    p = end + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return entries;
}

/** The content of one entry of a ZIP archive (stored or deflated, not encrypted); undefined otherwise. */
export function readZipEntry(bytes: Buffer, name: string): Buffer | undefined {
  const entry = zipEntries(bytes)?.find((e) => e.name === name);
  if (!entry || entry.flags & 0x1) return undefined;
  const p = entry.localOffset;
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== 0x04034b50) return undefined;
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return undefined;
  const data = bytes.subarray(start, end);
  if (entry.method === 0) return data.length <= MAX_XML_BYTES ? data : undefined;
  if (entry.method !== 8) return undefined;
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: MAX_XML_BYTES });
  } catch {
    return undefined;
  }
}

function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (_m, entity: string) => {
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : ' ';
    }
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[entity] ?? ' ';
  });
}

/** Visible text of WordprocessingML: runs joined, tabs and breaks as spaces, paragraphs on their own lines. */
export function wordXmlText(xml: string): string {
  let out = '';
  const re = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(?:tab|br|cr)\s*\/>|<\/w:p>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    if (m[1] !== undefined) out += decodeXmlText(m[1]);
    else out += m[0] === '</w:p>' ? '\n' : ' ';
  }
  return out;
}

/** The text of a .docx file, or undefined when it cannot be read. */
export function docxText(bytes: Buffer): string | undefined {
  const xml = readZipEntry(bytes, 'word/document.xml');
  return xml ? wordXmlText(xml.toString('utf8')) : undefined;
}
