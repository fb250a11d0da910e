// Reads a PDF with pdfjs-dist (ESM, so it runs in its own Node process rather than in Jest's module system).
// Usage: node pdf-read.mjs <file.pdf>  →  JSON { pages, text: string[] per page, structure: roles per page, outline, markInfo }
import fs from 'node:fs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(fs.readFileSync(process.argv[2]));
const doc = await pdfjs.getDocument({ data, verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
const text = [];
const structure = [];
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const content = await page.getTextContent();
  text.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''));
  // The roles of the structure elements whose content is on this page (through its StructParents), outermost first.
  const roles = [];
  const walk = (node) => {
    if (!node || !('role' in node)) return;
    roles.push(node.role);
    for (const child of node.children ?? []) walk(child);
  };
  const tree = await page.getStructTree().catch(() => null);
  for (const child of tree?.children ?? []) walk(child);
  structure.push(roles);
}
const outline = async (items) =>
  Promise.all(
    (items ?? []).map(async (i) => {
      let page = null;
      try {
        const dest = typeof i.dest === 'string' ? await doc.getDestination(i.dest) : i.dest;
        if (Array.isArray(dest) && dest[0]) page = (await doc.getPageIndex(dest[0])) + 1;
      } catch {}
      return { title: i.title, page, items: await outline(i.items) };
    }),
  );
process.stdout.write(JSON.stringify({ pages: doc.numPages, text, structure, outline: await outline(await doc.getOutline()), markInfo: await doc.getMarkInfo() }));
await doc.destroy();
