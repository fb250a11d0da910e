import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/knex';
import { storageKeyOf, storedPath } from '../attachments/file-store';
import { zipEntryNames } from '../attachments/sniff';
import { docxText } from './docx-text';

/**
 * Text of uploaded files for the public search, stored in attachment_texts by
 * the file's storage key. The database triggers decide whether it is searchable
 * (only for public attachments of open items of published agendas).
 */

const PDF_SCRIPT = path.join(__dirname, 'pdf-text.mjs');
const MAX_PAGES = 500;
const MAX_CHARS = 1_000_000;
const PDF_TIMEOUT_MS = 60_000;

export type TextOutcome = 'indexed' | 'empty' | 'unsupported' | 'failed';

function kindOf(bytes: Buffer): 'pdf' | 'docx' | undefined {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  const names = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) ? zipEntryNames(bytes) : undefined;
  return names?.includes('word/document.xml') ? 'docx' : undefined;
}

/** pdfjs-dist in a child process, killed when it takes too long. Undefined when the PDF cannot be read. */
function pdfText(bytes: Buffer): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [PDF_SCRIPT, String(MAX_PAGES), String(MAX_CHARS)],
      { timeout: PDF_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 8 * MAX_CHARS, encoding: 'utf8' },
      (error, stdout) => resolve(error ? undefined : stdout),
    );
    child.stdin?.on('error', () => undefined); // the child may exit before reading everything
    child.stdin?.end(bytes);
  });
}

/** Plain text the database accepts (no NUL) with words split across lines joined again. */
function tidy(text: string): string {
  return text
    .normalize('NFC')
    .replace(/(\p{L})-\n(\p{Ll})/gu, '$1$2')
    .replace(/[\p{Cc}\p{Cs}\p{Co}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_CHARS);
}

/** The text of a PDF or Word (.docx) file; null for other types, undefined when it cannot be read. */
export async function extractText(bytes: Buffer): Promise<string | null | undefined> {
  const kind = kindOf(bytes);
  if (!kind) return null;
  const raw = kind === 'pdf' ? await pdfText(bytes) : docxText(bytes);
  return raw === undefined ? undefined : tidy(raw);
}

/**
 * Reads an uploaded file's text into the search index. Called after an upload has
 * been recorded; never throws, since the upload itself has succeeded either way
 * ('failed' files are tried again by indexMissingAttachmentTexts).
 */
export async function indexAttachmentText(db: Db, bytes: Buffer): Promise<TextOutcome> {
  try {
    const key = storageKeyOf(bytes);
    if (await db('attachment_texts').where({ storage_key: key }).first('storage_key')) return 'indexed';
    const text = await extractText(bytes);
    if (text === null) return 'unsupported';
    if (text === undefined) return 'failed';
    await db('attachment_texts').insert({ storage_key: key, text }).onConflict('storage_key').merge();
    return text ? 'indexed' : 'empty';
  } catch {
    return 'failed';
  }
}

/** Reads the text of every stored PDF or Word file that has none yet (files uploaded before the search, or whose reading failed). */
export async function indexMissingAttachmentTexts(db: Db, filesDir: string): Promise<Record<TextOutcome, number>> {
  const keys = (await db('attachments as a')
    .leftJoin('attachment_texts as t', 't.storage_key', 'a.storage_key')
    .whereNotNull('a.storage_key')
    .whereNull('t.storage_key')
    .whereIn('a.content_type', ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'])
    .distinct('a.storage_key')
    .pluck('a.storage_key')) as string[];
  const counts: Record<TextOutcome, number> = { indexed: 0, empty: 0, unsupported: 0, failed: 0 };
  for (const key of keys) {
    const bytes = await fs.readFile(storedPath(filesDir, key)).catch(() => undefined);
    counts[bytes ? await indexAttachmentText(db, bytes) : 'failed']++;
  }
  return counts;
}
