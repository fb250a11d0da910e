import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { createBrowserPool, type BrowserPool } from '../../src/pdf/browser';
import { readOutline } from '../../src/pdf/outline';
import { PdfFileError, readPdfFile } from '../../src/pdf/pdf-file';
import { htmlToPdf, type PageSetup } from '../../src/pdf/render';
import { readPdf } from '../helpers/pdf';

/** A PDF with a classic cross-reference table, written object by object (the offsets computed here). */
function handMade(objects: string[], trailer: string): Buffer {
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((content, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${content}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<<${trailer} /Size ${objects.length + 1}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const PAGE = '<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>';

describe('reading and updating a PDF without loading all of it (src/pdf/pdf-file.ts)', () => {
  it('reads titles as written: escapes, octal PDFDocEncoding, UTF-16 hex, actions; a looping outline ends', () => {
    const pdf = handMade(
      [
        '<</Type /Catalog /Pages 2 0 R /Outlines 5 0 R /Lang (da)>>',
        '<</Type /Pages /Kids [3 0 R 4 0 R] /Count 2>>',
        PAGE,
        PAGE,
        '<</Type /Outlines /First 6 0 R /Last 8 0 R>>',
        '<</Title (Punkt 17 Godkendelse \\(underskriftside\\)) /Parent 5 0 R /Dest [4 0 R /XYZ 0 800 0] /Next 7 0 R /First 9 0 R>>',
        '<</Title (S\\370nderg\\345rd) /Parent 5 0 R /A <</S /GoTo /D [3 0 R /Fit]>> /Next 8 0 R>>',
        // "Æblerne på Ærø", UTF-16BE; its Next loops back to the first item.
        '<</Title <FEFF00C60062006C00650072006E006500200070' + '00E5002000C60072' + '00F8> /Parent 5 0 R /Dest [3 0 R /XYZ 0 0 0] /Next 6 0 R>>',
        '<</Title (Beslutning) /Parent 6 0 R /Dest [4 0 R /XYZ 0 400 0]>>',
      ],
      '/Root 1 0 R',
    );
    const file = readPdfFile(pdf);
    expect(file.pages).toEqual([3, 4]);
    expect(file.outline.map((i) => [i.title, i.pageIndex])).toEqual([
      ['Punkt 17 Godkendelse (underskriftside)', 1],
      ['Søndergård', 0],
      ['Æblerne på Ærø', 0],
    ]);
    expect(file.outline[0]?.children.map((c) => [c.title, c.pageIndex])).toEqual([['Beslutning', 1]]);
  });

  it('refuses a file it cannot read, so the caller takes the pdf-lib way', async () => {
    // pdf-lib writes a cross-reference stream and object streams.
    const doc = await PDFDocument.create();
    doc.addPage();
    const streams = Buffer.from(await doc.save());
    expect(() => readPdfFile(streams)).toThrow(PdfFileError);
    expect(() => readPdfFile(Buffer.from('%PDF-1.7\nnot a pdf'))).toThrow(PdfFileError);
  });

  describe('on a PDF Chromium printed', () => {
    let pool: BrowserPool;
    let chromium: Uint8Array;
    const setup: PageSetup = { documentUrl: 'http://moedebog.test/dokument', assets: [], headerTemplate: '<span></span>', footerTemplate: '<span></span>' };
    const html = `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Prøve</title>
      <style>h2 { break-before: page; }</style></head><body>
      <h1>Referat</h1><p>Forside</p>
      <h2>Punkt 1 Økonomi og årsregnskab</h2><h3>Beslutning</h3><p>Godkendt.</p>
      <h2>Punkt 2 Ældrepolitik</h2><p>Taget til efterretning.</p>
      </body></html>`;

    beforeAll(async () => {
      pool = createBrowserPool({ size: 1 });
      chromium = await htmlToPdf(pool, html, setup);
    });
    afterAll(() => pool.close());

    it('finds its pages and the bookmarks it made of the headings, nested by level', () => {
      const file = readPdfFile(chromium);
      expect(file.pages).toHaveLength(3);
      const [top] = file.outline;
      expect(top?.title).toBe('Referat');
      expect(top?.children.map((c) => [c.title, c.pageIndex])).toEqual([
        ['Punkt 1 Økonomi og årsregnskab', 1],
        ['Punkt 2 Ældrepolitik', 2],
      ]);
      expect(top?.children[0]?.children.map((c) => c.title)).toEqual(['Beslutning']);
    });

    it('replaces bookmarks, catalog entries and metadata by an update that pdf-lib and pdf.js both read', async () => {
      const file = readPdfFile(chromium);
      const [first, second] = file.outline[0]?.children ?? [];
      const updated = file.update({
        bookmarks: [
          { title: 'Punkt 2 Ældrepolitik', dest: second?.dest ?? [] },
          { title: 'Punkt 1 Økonomi – årsregnskab', dest: first?.dest ?? [] },
        ],
        catalog: { PageMode: '/UseOutlines', Lang: '(da-DK)' },
        info: { Title: 'Referat: Social- og Sundhedsudvalget', Author: 'Ballerup Kommune', Creator: 'Mødebog' },
      });
      // An incremental update: the printed file is untouched at the front.
      expect(Buffer.from(updated.subarray(0, chromium.length)).equals(Buffer.from(chromium))).toBe(true);

      const doc = await PDFDocument.load(updated);
      expect(doc.getTitle()).toBe('Referat: Social- og Sundhedsudvalget');
      expect(doc.getAuthor()).toBe('Ballerup Kommune');
      expect(doc.getCreator()).toBe('Mødebog');
      expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('da-DK');
      expect(doc.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
      expect(readOutline(doc).map((b) => [b.title, b.pageIndex])).toEqual([
        ['Punkt 2 Ældrepolitik', 2],
        ['Punkt 1 Økonomi – årsregnskab', 1],
      ]);

      const info = await readPdf(updated);
      expect(info.pages).toBe(3);
      expect(info.outline.map((b) => [b.title, b.page, b.items.length])).toEqual([
        ['Punkt 2 Ældrepolitik', 3, 0],
        ['Punkt 1 Økonomi – årsregnskab', 2, 0],
      ]);
      expect(info.text.join(' ')).toContain('Taget til efterretning');
      expect(info.markInfo?.Marked).toBe(true);

      // An update of an update: the newest objects win, the rest is read through the chain.
      const again = readPdfFile(updated);
      expect(again.outline.map((b) => b.title)).toEqual(['Punkt 2 Ældrepolitik', 'Punkt 1 Økonomi – årsregnskab']);
      const retitled = again.update({ info: { Title: 'Samlet dokument' } });
      const third = await PDFDocument.load(retitled);
      expect(third.getTitle()).toBe('Samlet dokument');
      expect(third.getAuthor()).toBe('Ballerup Kommune');
      expect(readOutline(third).map((b) => b.title)).toEqual(['Punkt 2 Ældrepolitik', 'Punkt 1 Økonomi – årsregnskab']);
      expect((await readPdf(retitled)).outline.map((b) => b.page)).toEqual([3, 2]);
    });

    it('changes nothing when asked to change nothing', () => {
      expect(readPdfFile(chromium).update({})).toBe(chromium);
    });
  });

  it('reads what pdf-lib can still append to (the samlet dokument)', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage().drawText('Bilag', { font, x: 50, y: 700 });
    // Without object streams pdf-lib writes a classic table, as Chromium does.
    const classic = Buffer.from(await doc.save({ useObjectStreams: false }));
    const file = readPdfFile(classic);
    expect(file.pages).toHaveLength(1);
    const updated = file.update({ info: { Title: 'Bilag 1' } });
    expect((await PDFDocument.load(updated)).getTitle()).toBe('Bilag 1');
  });
});
