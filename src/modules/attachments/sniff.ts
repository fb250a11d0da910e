import { zipEntries } from '../../lib/zip';
/**
 * Recognises the file types an attachment may have from their bytes, never from
 * what the browser claims. The extension must agree with the content, so a PNG
 * renamed to .pdf or a program renamed to anything is refused.
 */

export type FileKind = 'pdf' | 'doc' | 'docx' | 'xls' | 'xlsx' | 'png' | 'jpeg' | 'gif' | 'webp';

export interface SniffedType {
  kind: FileKind;
  /** The Content-Type the file is stored and served with */
  contentType: string;
}

const CONTENT_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

/** Which content each allowed extension must have. */
const EXTENSIONS: Record<string, FileKind> = {
  pdf: 'pdf',
  doc: 'doc',
  docx: 'docx',
  xls: 'xls',
  xlsx: 'xlsx',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  gif: 'gif',
  webp: 'webp',
};

export const ALLOWED_EXTENSIONS = Object.keys(EXTENSIONS);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function startsWith(bytes: Buffer, prefix: Buffer | string, offset = 0): boolean {
  const p = typeof prefix === 'string' ? Buffer.from(prefix, 'latin1') : prefix;
  return bytes.length >= offset + p.length && bytes.subarray(offset, offset + p.length).equals(p);
}

/** The entry names of a ZIP archive; undefined when it is not a well-formed, non-ZIP64 archive. */
export function zipEntryNames(bytes: Buffer): string[] | undefined {
  return zipEntries(bytes)?.map((e) => e.name);
}

function officeZipKind(bytes: Buffer): FileKind | undefined {
  const names = zipEntryNames(bytes);
  if (!names || !names.includes('[Content_Types].xml')) return undefined;
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  return undefined;
}

/** What the bytes are, as far as this app cares; 'ole2' is a .doc or an .xls (the extension decides). */
function contentKinds(bytes: Buffer): FileKind[] {
  if (startsWith(bytes, '%PDF-')) return ['pdf'];
  if (startsWith(bytes, PNG_SIGNATURE)) return ['png'];
  if (startsWith(bytes, Buffer.from([0xff, 0xd8, 0xff]))) return ['jpeg'];
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return ['gif'];
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return ['webp'];
  if (startsWith(bytes, OLE2_SIGNATURE)) return ['doc', 'xls'];
  if (startsWith(bytes, ZIP_LOCAL_HEADER)) {
    const kind = officeZipKind(bytes);
    return kind ? [kind] : [];
  }
  return [];
}

/** The lower-case extension of a file name without the dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The file's type when its content is an allowed type and its extension agrees; otherwise undefined. */
export function sniffFile(bytes: Buffer, fileName: string): SniffedType | undefined {
  const claimed = EXTENSIONS[extensionOf(fileName)];
  if (!claimed) return undefined;
  if (!contentKinds(bytes).includes(claimed)) return undefined;
  return { kind: claimed, contentType: CONTENT_TYPES[claimed] };
}
