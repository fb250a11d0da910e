/**
 * Just enough of the PDF format to read the bookmarks of a PDF Chromium printed and
 * to change its outline, catalog and document information by an incremental update
 * (new objects appended after the file, ISO 32000-1 7.5.6), without parsing or
 * writing the rest of the file again: what pdf-lib's load and save cost is most of
 * a meeting PDF's post-processing.
 *
 * It reads classic cross-reference tables (what Chromium's Skia writes). A file it
 * cannot read (cross-reference streams, object streams for the objects it needs,
 * damage) throws `PdfFileError`; the caller then takes the pdf-lib way.
 */

export class PdfFileError extends Error {}

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

/** A string's bytes, one char per byte (latin1) */
export class PdfString {
  constructor(readonly bytes: string) {}
}

/** A number as written, so it is written back unchanged */
export class PdfNumber {
  constructor(readonly raw: string) {}
  get value(): number {
    return Number(this.raw);
  }
}

export type PdfValue = PdfName | PdfRef | PdfString | PdfNumber | boolean | null | PdfValue[] | PdfDict;
export type PdfDict = Map<string, PdfValue>;

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);

class Lexer {
  pos: number;
  constructor(
    private readonly text: string,
    pos: number,
  ) {
    this.pos = pos;
  }

  private fail(what: string): never {
    throw new PdfFileError(`${what} at ${this.pos}`);
  }

  skipSpace(): void {
    const { text } = this;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (WHITESPACE.has(c)) this.pos++;
      else if (c === 0x25 /* % */) {
        while (this.pos < text.length && text[this.pos] !== '\n' && text[this.pos] !== '\r') this.pos++;
      } else return;
    }
  }

  /** A run of regular characters (a number, keyword or name body). */
  word(): string {
    const start = this.pos;
    const { text } = this;
    while (this.pos < text.length) {
      const ch = text[this.pos] as string;
      if (WHITESPACE.has(text.charCodeAt(this.pos)) || DELIMITERS.has(ch)) break;
      this.pos++;
    }
    return text.slice(start, this.pos);
  }

  expectWord(word: string): void {
    this.skipSpace();
    if (this.word() !== word) this.fail(`expected ${word}`);
  }

  value(): PdfValue {
    this.skipSpace();
    const { text } = this;
    const ch = text[this.pos];
    if (ch === undefined) this.fail('unexpected end');
    if (ch === '/') {
      this.pos++;
      return new PdfName(this.word().replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
    }
    if (ch === '<' && text[this.pos + 1] === '<') {
      this.pos += 2;
      const dict: PdfDict = new Map();
      for (;;) {
        this.skipSpace();
        if (text.startsWith('>>', this.pos)) {
          this.pos += 2;
          return dict;
        }
        const key = this.value();
        if (!(key instanceof PdfName)) this.fail('dictionary key is not a name');
        dict.set(key.name, this.value());
      }
    }
    if (ch === '<') {
      const end = text.indexOf('>', this.pos);
      if (end < 0) this.fail('unterminated hex string');
      let hex = text.slice(this.pos + 1, end).replace(/\s+/g, '');
      if (!/^[0-9a-fA-F]*$/.test(hex)) this.fail('bad hex string');
      if (hex.length % 2) hex += '0';
      this.pos = end + 1;
      let bytes = '';
      for (let i = 0; i < hex.length; i += 2) bytes += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
      return new PdfString(bytes);
    }
    if (ch === '(') return this.literal();
    if (ch === '[') {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (text[this.pos] === ']') {
          this.pos++;
          return items;
        }
        items.push(this.value());
      }
    }
    const word = this.word();
    if (word === '') this.fail(`unexpected ${ch}`);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) this.fail(`unexpected ${word}`);
    // `num gen R` is a reference.
    if (/^\d+$/.test(word)) {
      const save = this.pos;
      this.skipSpace();
      const gen = this.word();
      if (/^\d+$/.test(gen)) {
        this.skipSpace();
        if (this.word() === 'R') return new PdfRef(Number(word), Number(gen));
      }
      this.pos = save;
    }
    return new PdfNumber(word);
  }

  private literal(): PdfString {
    const { text } = this;
    this.pos++;
    let depth = 1;
    let out = '';
    while (this.pos < text.length) {
      const ch = text[this.pos++] as string;
      if (ch === '\\') {
        const next = text[this.pos++] ?? '';
        const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
        if (next in simple) out += simple[next];
        else if (/[0-7]/.test(next)) {
          let octal = next;
          while (octal.length < 3 && /[0-7]/.test(text[this.pos] ?? '')) octal += text[this.pos++];
          out += String.fromCharCode(parseInt(octal, 8) & 0xff);
        } else if (next === '\r') {
          if (text[this.pos] === '\n') this.pos++;
        } else if (next !== '\n') out += next;
      } else if (ch === '(') {
        depth++;
        out += ch;
      } else if (ch === ')') {
        if (--depth === 0) return new PdfString(out);
        out += ch;
      } else out += ch;
    }
    this.fail('unterminated string');
  }
}

/** A text string's characters: UTF-16BE after a byte order mark, else (PDFDocEncoding, close enough) latin1. */
export function decodeText(s: PdfString): string {
  const { bytes } = s;
  if (bytes.startsWith('\xfe\xff')) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
    return out;
  }
  return bytes;
}

/** A text string written as UTF-16BE hex with a byte order mark: safe for any character. */
export function textString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

export function serialize(value: PdfValue): string {
  if (value === null) return 'null';
  if (value === true || value === false) return String(value);
  if (value instanceof PdfNumber) return value.raw;
  if (value instanceof PdfName) return `/${value.name.replace(/[^!-~]|[#()<>[\]{}/%]/g, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`;
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`;
  if (value instanceof PdfString) {
    let hex = '';
    for (let i = 0; i < value.bytes.length; i++) hex += value.bytes.charCodeAt(i).toString(16).padStart(2, '0');
    return `<${hex}>`;
  }
  if (Array.isArray(value)) return `[${value.map(serialize).join(' ')}]`;
  return `<<${[...value].map(([k, v]) => `${serialize(new PdfName(k))} ${serialize(v)}`).join('\n')}>>`;
}

/** One bookmark as Chromium wrote it. */
export interface FileOutlineItem {
  title: string;
  /** The explicit destination, undefined for named ones */
  dest: PdfValue[] | undefined;
  /** Zero-based index of the page it points to */
  pageIndex: number | undefined;
  children: FileOutlineItem[];
}

export interface PdfFile {
  /** The page objects' numbers, in page order */
  pages: number[];
  outline: FileOutlineItem[];
  catalog: PdfDict;
  info: PdfDict | undefined;
  /**
   * The file with its outline, catalog entries and document information changed, as
   * an incremental update: the original bytes followed by the new objects.
   */
  update(changes: PdfUpdate): Uint8Array;
}

export interface NewFileBookmark {
  title: string;
  dest: PdfValue[];
}

export interface PdfUpdate {
  /** Replaces the outline with these top-level bookmarks (empty: no outline); undefined keeps it */
  bookmarks?: readonly NewFileBookmark[];
  /** Entries set in the catalog (a value of undefined removes the entry) */
  catalog?: Record<string, string | undefined>;
  /** Text entries set in the document information dictionary */
  info?: Record<string, string>;
}

function asDict(value: PdfValue | undefined): PdfDict | undefined {
  return value instanceof Map ? value : undefined;
}

/** Reads the cross-reference table(s), trailer, catalog, pages and outline of a PDF. */
export function readPdfFile(bytes: Uint8Array): PdfFile {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('latin1');
  const tail = text.slice(-1024);
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) throw new PdfFileError('no startxref');
  const lastXref = Number(m[1]);

  const offsets = new Map<number, number>();
  let trailer: PdfDict | undefined;
  const seenSections = new Set<number>();
  for (let at: number | undefined = lastXref; at !== undefined; ) {
    if (seenSections.has(at)) throw new PdfFileError('cross-reference loop');
    seenSections.add(at);
    const lexer = new Lexer(text, at);
    lexer.expectWord('xref');
    for (;;) {
      lexer.skipSpace();
      const word = lexer.word();
      if (word === 'trailer') break;
      if (!/^\d+$/.test(word)) throw new PdfFileError(`bad cross-reference section at ${lexer.pos}`);
      const first = Number(word);
      lexer.skipSpace();
      const count = Number(lexer.word());
      if (!Number.isInteger(count)) throw new PdfFileError('bad cross-reference count');
      lexer.skipSpace();
      // Entries are 20-byte lines: offset, generation, n (in use) or f (free).
      const entry = /(\d{10}) (\d{5}) ([nf])[ \r\n]{1,2}/y;
      entry.lastIndex = lexer.pos;
      for (let i = 0; i < count; i++) {
        const e = entry.exec(text);
        if (!e) throw new PdfFileError(`bad cross-reference entry at ${entry.lastIndex}`);
        // The newest section wins: sections are read newest first.
        if (e[3] === 'n' && !offsets.has(first + i)) offsets.set(first + i, Number(e[1]));
      }
      lexer.pos = entry.lastIndex;
    }
    const dict = asDict(lexer.value());
    if (!dict) throw new PdfFileError('no trailer');
    trailer ??= dict;
    const prev = dict.get('Prev');
    at = prev instanceof PdfNumber ? prev.value : undefined;
  }
  if (!trailer) throw new PdfFileError('no trailer');

  const cache = new Map<number, PdfValue>();
  const object = (ref: PdfRef): PdfValue => {
    const hit = cache.get(ref.num);
    if (hit !== undefined) return hit;
    const offset = offsets.get(ref.num);
    if (offset === undefined) throw new PdfFileError(`object ${ref.num} is not in the table`);
    const lexer = new Lexer(text, offset);
    lexer.skipSpace();
    if (Number(lexer.word()) !== ref.num) throw new PdfFileError(`object ${ref.num} is not at its offset`);
    lexer.skipSpace();
    lexer.word();
    lexer.expectWord('obj');
    const value = lexer.value();
    cache.set(ref.num, value);
    return value;
  };
  const resolve = (value: PdfValue | undefined): PdfValue | undefined => (value instanceof PdfRef ? object(value) : value);

  const rootRef = trailer.get('Root');
  if (!(rootRef instanceof PdfRef)) throw new PdfFileError('no catalog');
  const catalog = asDict(object(rootRef));
  if (!catalog) throw new PdfFileError('the catalog is not a dictionary');
  const infoRef = trailer.get('Info');
  const info = infoRef instanceof PdfRef ? asDict(object(infoRef)) : undefined;
  // Objects are replaced under their own number, written with generation 0.
  if (rootRef.gen !== 0 || (infoRef instanceof PdfRef && infoRef.gen !== 0)) throw new PdfFileError('catalog or information of a later generation');

  const pages: number[] = [];
  const visited = new Set<number>();
  const walkPages = (ref: PdfValue | undefined): void => {
    if (!(ref instanceof PdfRef) || visited.has(ref.num)) return;
    visited.add(ref.num);
    const node = asDict(object(ref));
    const type = node?.get('Type');
    if (type instanceof PdfName && type.name === 'Page') pages.push(ref.num);
    const kids = resolve(node?.get('Kids'));
    if (Array.isArray(kids)) for (const kid of kids) walkPages(kid);
  };
  walkPages(catalog.get('Pages'));
  if (pages.length === 0) throw new PdfFileError('no pages');
  const pageIndex = new Map(pages.map((num, i) => [num, i]));

  const seenItems = new Set<number>();
  const walkOutline = (parent: PdfDict | undefined): FileOutlineItem[] => {
    const items: FileOutlineItem[] = [];
    let ref = parent?.get('First');
    // A malformed outline may loop: every item is read once.
    while (ref instanceof PdfRef && !seenItems.has(ref.num)) {
      seenItems.add(ref.num);
      const item = asDict(object(ref));
      if (!item) break;
      const title = resolve(item.get('Title'));
      let dest = resolve(item.get('Dest'));
      if (dest === undefined) dest = resolve(asDict(resolve(item.get('A')))?.get('D'));
      const explicit = Array.isArray(dest) ? dest : undefined;
      const target = explicit?.[0];
      items.push({
        title: title instanceof PdfString ? decodeText(title) : '',
        dest: explicit,
        pageIndex: target instanceof PdfRef ? pageIndex.get(target.num) : undefined,
        children: walkOutline(item),
      });
      ref = item.get('Next');
    }
    return items;
  };
  const outline = walkOutline(asDict(resolve(catalog.get('Outlines'))));

  const size = trailer.get('Size');
  if (!(size instanceof PdfNumber)) throw new PdfFileError('no trailer size');

  return {
    pages,
    outline,
    catalog,
    info,
    update(changes) {
      let next = size.value;
      const objects: Array<[number, string]> = [];
      const newCatalog: PdfDict = new Map(catalog);
      const raw = new Map<string, string>();
      if (changes.bookmarks && changes.bookmarks.length > 0) {
        const rootNum = next++;
        const nums = changes.bookmarks.map(() => next++);
        changes.bookmarks.forEach((b, i) => {
          const entries = [`/Title ${textString(b.title)}`, `/Parent ${rootNum} 0 R`, `/Dest ${serialize(b.dest)}`];
          if (i > 0) entries.push(`/Prev ${nums[i - 1]} 0 R`);
          if (i + 1 < nums.length) entries.push(`/Next ${nums[i + 1]} 0 R`);
          objects.push([nums[i] as number, `<<${entries.join('\n')}>>`]);
        });
        objects.push([rootNum, `<</Type /Outlines\n/First ${nums[0]} 0 R\n/Last ${nums[nums.length - 1]} 0 R\n/Count ${nums.length}>>`]);
        newCatalog.delete('Outlines');
        raw.set('Outlines', `${rootNum} 0 R`);
      } else if (changes.bookmarks) newCatalog.delete('Outlines');
      for (const [key, value] of Object.entries(changes.catalog ?? {})) {
        newCatalog.delete(key);
        if (value !== undefined) raw.set(key, value);
      }
      if (changes.bookmarks || changes.catalog) {
        const catalogText = [...[...newCatalog].map(([k, v]) => `${serialize(new PdfName(k))} ${serialize(v)}`), ...[...raw].map(([k, v]) => `/${k} ${v}`)];
        objects.push([rootRef.num, `<<${catalogText.join('\n')}>>`]);
      }

      let newInfoRef = infoRef instanceof PdfRef ? infoRef : undefined;
      if (changes.info && Object.keys(changes.info).length > 0) {
        const entries = new Map<string, string>();
        for (const [k, v] of info ?? []) entries.set(k, serialize(v));
        for (const [k, v] of Object.entries(changes.info)) entries.set(k, textString(v));
        newInfoRef ??= new PdfRef(next++, 0);
        objects.push([newInfoRef.num, `<<${[...entries].map(([k, v]) => `/${k} ${v}`).join('\n')}>>`]);
      }

      if (objects.length === 0) return bytes;
      // The update: the new objects, a cross-reference section for them, and a trailer pointing back at the old one.
      let body = text.endsWith('\n') ? '' : '\n';
      const entries = new Map<number, number>();
      for (const [num, content] of objects) {
        entries.set(num, buffer.length + body.length);
        body += `${num} 0 obj\n${content}\nendobj\n`;
      }
      const xrefAt = buffer.length + body.length;
      const nums = [...entries.keys()].sort((a, b) => a - b);
      let xref = 'xref\n';
      for (let i = 0; i < nums.length; ) {
        let j = i;
        while (j + 1 < nums.length && nums[j + 1] === (nums[j] as number) + 1) j++;
        xref += `${nums[i]} ${j - i + 1}\n`;
        for (let k = i; k <= j; k++) xref += `${String(entries.get(nums[k] as number)).padStart(10, '0')} 00000 n\r\n`;
        i = j + 1;
      }
      const trailerEntries = [`/Size ${next}`, `/Root ${rootRef.num} ${rootRef.gen} R`];
      if (newInfoRef) trailerEntries.push(`/Info ${newInfoRef.num} ${newInfoRef.gen} R`);
      const id = trailer.get('ID');
      if (id !== undefined) trailerEntries.push(`/ID ${serialize(id)}`);
      trailerEntries.push(`/Prev ${lastXref}`);
      body += `${xref}trailer\n<<${trailerEntries.join('\n')}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
      return Buffer.concat([buffer, Buffer.from(body, 'latin1')]);
    },
  };
}
