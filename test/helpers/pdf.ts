import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export interface PdfBookmark {
  title: string;
  /** One-based page number the bookmark points to */
  page: number | null;
  items: PdfBookmark[];
}

export interface PdfInfo {
  pages: number;
  /** The text of each page, lines ending in \n, as pdfjs extracts it */
  text: string[];
  /** Per page, the roles of the structure elements tagging its content ([] for an untagged page) */
  structure: string[][];
  outline: PdfBookmark[];
  markInfo: { Marked: boolean } | null;
}

const READER = path.join(__dirname, 'pdf-read.mjs');

/** Reads a PDF with pdfjs-dist the way a reader's viewer does: text, bookmarks, tagging. */
export async function readPdf(bytes: Uint8Array): Promise<PdfInfo> {
  const file = path.join(os.tmpdir(), `moedebog-pdf-${crypto.randomBytes(6).toString('hex')}.pdf`);
  await fs.writeFile(file, bytes);
  try {
    // pdfjs-dist is ESM only: it runs in its own Node process instead of Jest's CommonJS module system.
    const { stdout } = await promisify(execFile)(process.execPath, [READER, file], { maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(stdout) as PdfInfo;
  } finally {
    await fs.rm(file, { force: true });
  }
}

/** All the text of a PDF, pages in order, whitespace collapsed. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const info = await readPdf(bytes);
  return info.text.join('\n').replace(/\s+/g, ' ');
}
