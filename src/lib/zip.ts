import zlib from 'node:zlib';

/**
 * Reading ZIP archives (Office documents) without a library: the central directory
 * (the authoritative list of entries; local headers can lie) and one entry's content.
 * ZIP64 and encrypted entries are refused: no council document needs them.
 */

/** More than this much in one entry is not a council document; refused rather than inflated (ZIP bombs). */
const MAX_ENTRY_BYTES = 32 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The central directory of a (non-ZIP64) archive; undefined when it is not well-formed. */
export function zipEntries(bytes: Buffer): ZipEntry[] | undefined {
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
  if (entry.method === 0) return data.length <= MAX_ENTRY_BYTES ? data : undefined;
  if (entry.method !== 8) return undefined;
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: MAX_ENTRY_BYTES });
  } catch {
    return undefined;
  }
}

