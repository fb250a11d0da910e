// The text of a PDF, read with pdfjs-dist: `node pdf-text.mjs <maxPages> <maxChars> < file.pdf`.
// Runs in its own process (src/modules/search/attachment-text.ts): pdfjs is ESM only, and a
// hostile or huge PDF then costs a child that is killed on a timeout, never the server.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

const maxPages = Number(process.argv[2] ?? 500);
const maxChars = Number(process.argv[3] ?? 1_000_000);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));
const doc = await pdfjs.getDocument({ data, verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
let text = '';
for (let p = 1; p <= Math.min(doc.numPages, maxPages) && text.length < maxChars; p++) {
  const page = await doc.getPage(p);
  const content = await page.getTextContent();
  for (const item of content.items) {
    if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
  }
  text += '\n';
  page.cleanup();
}
process.stdout.write(text.slice(0, maxChars));
await doc.destroy();
