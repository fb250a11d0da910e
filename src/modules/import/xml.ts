import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportFileError } from './model';

/** A parsed XML element: attributes as "@_name", text as "#text", children by tag name (one child, or an array). */
export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[] | undefined;

export interface CleanXml {
  text: string;
  warnings: string[];
}

/** Characters XML 1.0 does not allow (everything below U+0020 except tab, newline and carriage return; U+FFFE/U+FFFF). */
const INVALID_RAW = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const CHAR_REF = /&#(x[0-9a-fA-F]+|[0-9]+);/g;
/** < > & " ' stay references: decoded, they would be markup. */
const MARKUP = [0x3c, 0x3e, 0x26, 0x22, 0x27];

function allowedCodePoint(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** The encoding the bytes are in: a byte-order mark first, then the XML declaration, else UTF-8. */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = bytes.subarray(0, 200).toString('latin1');
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  if (declared && !['utf-8', 'utf8'].includes(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      throw new ImportFileError(`Filens tegnsæt "${declared}" kendes ikke`);
    }
  }
  return bytes.toString('utf8');
}

/**
 * Real exports are messy: a byte-order mark, CRLF line ends, and characters XML 1.0
 * forbids (eDoc writes a form feed as &#xC;). The forbidden ones become line breaks
 * (they are page breaks in the source), and the report says how many there were.
 */
export function cleanXml(bytes: Buffer): CleanXml {
  let text = decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let fixed = 0;
  text = text.replace(INVALID_RAW, () => {
    fixed++;
    return '\n';
  });
  // Character references are decoded here (the parser's own entity handling is slow on large files), except the
  // characters that are markup; a reference to a forbidden character is a repair.
  text = text.replace(CHAR_REF, (ref: string, code: string) => {
    const cp = code.startsWith('x') ? Number.parseInt(code.slice(1), 16) : Number.parseInt(code, 10);
    if (!allowedCodePoint(cp)) {
      fixed++;
      return '\n';
    }
    return MARKUP.includes(cp) ? ref : String.fromCodePoint(cp);
  });
  const warnings = fixed > 0 ? [`${fixed} tegn, som XML 1.0 ikke tillader, er erstattet med linjeskift`] : [];
  return { text, warnings };
}

function lineCount(text: string): number {
  return text.split('\n').length;
}

/** Checks the XML is well-formed and says where it is not, in Danish. */
export function validateXml(text: string): void {
  if (!text.trim()) throw new ImportFileError('Filen er tom');
  const result = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (result === true) return;
  const { msg, line, col } = result.err;
  const unclosed = /^Invalid '\[([\s\S]*)\]' found\.$/.exec(msg);
  if (unclosed) {
    const names = (unclosed[1] ?? '').split(',').map((s) => s.trim().replace(/^"|"$/g, '')).filter(Boolean);
    throw new ImportFileError(
      `Filen slutter, før ${names.length === 1 ? 'elementet' : 'elementerne'} ${names.slice(0, 5).map((n) => `<${n}>`).join(', ')}${names.length > 5 ? ` og ${names.length - 5} andre` : ''} er lukket: den er afkortet eller beskadiget`,
      `linje ${lineCount(text)}`,
    );
  }
  // An error on the file's last line is (almost always) a file cut off in the middle of an element.
  if (line >= lineCount(text.trimEnd())) throw new ImportFileError('Filen slutter midt i et element: den er afkortet eller beskadiget', `linje ${line}, kolonne ${col}`);
  throw new ImportFileError(`Filen er ikke gyldig XML (${msg})`, `linje ${line}, kolonne ${col}`);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  // Only XML's own entities; character references were decoded by cleanXml. "&amp;nbsp;" stays the text "&nbsp;".
  htmlEntities: false,
  trimValues: true,
});

export function parseXml(text: string): XmlNode {
  validateXml(text);
  // No export uses a DTD; declared entities could only make a small file expand into a huge one.
  if (/<!ENTITY/i.test(text)) throw new ImportFileError('Filen erklærer egne entiteter (<!ENTITY>), hvilket ikke tillades i en eksport');
  return parser.parse(text) as XmlNode;
}

/** The first start tag's name, skipping the declaration, comments, processing instructions and the doctype. */
export function rootElementName(text: string): string | null {
  const re = /<([!?]?)([A-Za-z_][\w.:-]*)?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[1] === '?') {
      const end = text.indexOf('?>', m.index);
      if (end < 0) return null;
      re.lastIndex = end + 2;
    } else if (m[1] === '!') {
      const end = text.startsWith('<!--', m.index) ? text.indexOf('-->', m.index) : text.indexOf('>', m.index);
      if (end < 0) return null;
      re.lastIndex = end + 1;
    } else if (m[2]) {
      return m[2];
    }
  }
  return null;
}

// ---- Reading parsed nodes -------------------------------------------------------------

/** A child (or children) as a list, whatever the parser made of it. */
export function list(value: XmlValue): XmlValue[] {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

export function nodes(value: XmlValue): XmlNode[] {
  return list(value).filter((v): v is XmlNode => typeof v === 'object' && v !== null && !Array.isArray(v));
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return nodes(node?.[name])[0];
}

/** The text of an element (CDATA included), '' when empty or absent. */
export function text(value: XmlValue): string {
  const first = list(value)[0];
  if (first === undefined) return '';
  if (typeof first === 'string') return first;
  if (Array.isArray(first)) return text(first);
  const t = first['#text'];
  return typeof t === 'string' ? t : t === undefined ? '' : text(t);
}

export function childText(node: XmlNode | undefined, name: string): string {
  return node ? text(node[name]).trim() : '';
}

export function attr(node: XmlNode | undefined, name: string): string {
  const v = node?.[`@_${name}`];
  return typeof v === 'string' ? v : '';
}
