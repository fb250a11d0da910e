import { readZipEntry } from '../../lib/zip';

/**
 * The text of a Word document (.docx): the runs of word/document.xml, read from
 * the ZIP archive without a library. Only visible text (<w:t>) is kept: deleted
 * text of tracked changes (<w:delText>) and field codes never reach the index.
 */

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
