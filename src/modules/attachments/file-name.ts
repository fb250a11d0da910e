/** File names as users see them: in lists, in download URLs and in Content-Disposition. */

export const MAX_FILE_NAME_LENGTH = 200;

/**
 * A file name safe to show and to send back: no folders, no control or
 * bidirectional-override characters (which can disguise "fdp.exe" as "exe.pdf"),
 * no quotes or characters Windows refuses; Danish letters are kept. At most 200
 * characters, the extension kept when shortening.
 */
export function sanitizeFileName(raw: string, fallback = 'bilag'): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/["'`<>:|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (!name) name = fallback;
  if ([...name].length > MAX_FILE_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    const stem = [...name.slice(0, name.length - ext.length)].slice(0, MAX_FILE_NAME_LENGTH - [...ext].length).join('').trimEnd();
    name = stem + ext;
  }
  return name;
}

/** "Referat.udkast.pdf" → "Referat.udkast" */
export function stemOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/** RFC 8187 encoding for filename*=UTF-8''… */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="…"; filename*=UTF-8''…` with an ASCII fallback for old clients. */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'Ae')
    .replace(/ø/g, 'oe')
    .replace(/Ø/g, 'Oe')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}

/** The path of a public download; the name part is for people and saved files, the id decides. */
export function publicFileHref(attachmentId: number, name: string): string {
  return `/bilag/${attachmentId}/${encodeURIComponent(sanitizeFileName(name))}`;
}

/**
 * Busboy decodes a multipart file name as Latin-1 unless the browser used
 * filename*; browsers send UTF-8 bytes, so "Æblehave.pdf" arrives as "Ã\u0086blehave.pdf".
 * Re-decode when that gives valid UTF-8.
 */
export function decodeUploadName(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name) || /[^\u0000-\u00ff]/.test(name)) return name;
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  return utf8.includes('\ufffd') ? name : utf8;
}
