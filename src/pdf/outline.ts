import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

/** One bookmark as read from a PDF: its title, where it points and its children. */
export interface OutlineItem {
  title: string;
  /** The explicit destination ([page /XYZ left top zoom] and the like), undefined for named destinations */
  dest: PDFArray | undefined;
  /** Zero-based index of the page it points to */
  pageIndex: number | undefined;
  children: OutlineItem[];
}

const N = {
  Outlines: PDFName.of('Outlines'),
  First: PDFName.of('First'),
  Last: PDFName.of('Last'),
  Next: PDFName.of('Next'),
  Prev: PDFName.of('Prev'),
  Parent: PDFName.of('Parent'),
  Count: PDFName.of('Count'),
  Title: PDFName.of('Title'),
  Dest: PDFName.of('Dest'),
  A: PDFName.of('A'),
  D: PDFName.of('D'),
  Type: PDFName.of('Type'),
  PageMode: PDFName.of('PageMode'),
};

/** Chromium writes a heading's text as its bookmark title; compare them without layout whitespace or soft hyphens. */
export function normalizeTitle(text: string): string {
  return text.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
}

function explicitDest(item: PDFDict): PDFArray | undefined {
  const dest = item.lookupMaybe(N.Dest, PDFArray);
  if (dest) return dest;
  const action = item.lookupMaybe(N.A, PDFDict);
  return action?.lookupMaybe(N.D, PDFArray);
}

function pageIndexOf(doc: PDFDocument, dest: PDFArray | undefined): number | undefined {
  const target = dest?.get(0);
  if (!(target instanceof PDFRef)) return undefined;
  const index = doc.getPages().findIndex((p) => p.ref === target);
  return index >= 0 ? index : undefined;
}

/** The document's bookmarks as a tree (empty when it has none). */
export function readOutline(doc: PDFDocument): OutlineItem[] {
  const root = doc.catalog.lookupMaybe(N.Outlines, PDFDict);
  const seen = new Set<PDFDict>();
  const walk = (parent: PDFDict | undefined): OutlineItem[] => {
    const items: OutlineItem[] = [];
    let item = parent?.lookupMaybe(N.First, PDFDict);
    // A malformed outline may loop: every item is visited once.
    while (item && !seen.has(item)) {
      seen.add(item);
      const title = item.lookupMaybe(N.Title, PDFString, PDFHexString)?.decodeText() ?? '';
      const dest = explicitDest(item);
      items.push({ title: normalizeTitle(title), dest, pageIndex: pageIndexOf(doc, dest), children: walk(item) });
      item = item.lookupMaybe(N.Next, PDFDict);
    }
    return items;
  };
  return walk(root);
}

/** Every bookmark in reading order (depth first). */
export function flattenOutline(items: OutlineItem[]): OutlineItem[] {
  return items.flatMap((i) => [i, ...flattenOutline(i.children)]);
}

/**
 * Whether a bookmark Chromium wrote plausibly is the heading with this text. Its
 * titles are not the heading's text: lines are joined without a space ("Social-
 * ogSundhedsudvalget") and a link's text may be repeated. The start of the text
 * (e.g. "Punkt 12") still identifies it.
 */
function startsLike(bookmarkTitle: string, heading: string): boolean {
  const title = bookmarkTitle.replace(/\s+/g, '');
  const text = heading.replace(/\s+/g, '');
  return title.startsWith(text.slice(0, Math.min(text.length, 12)));
}

/** A bookmark tree as any reader gives it: titles and children. */
interface TitledTree<T> {
  title: string;
  children: T[];
}

/**
 * The bookmarks Chromium made of the headings of one level (`depth` 0 for the
 * outermost, 1 for those below them …), which must be exactly the expected
 * headings in order. Throws otherwise: the headings come from our own templates.
 */
export function matchHeadings<T extends TitledTree<T>>(outline: readonly T[], depth: number, expected: readonly string[]): T[] {
  let level = [...outline];
  for (let d = 0; d < depth; d++) level = level.flatMap((i) => i.children);
  const mismatch = level.length !== expected.length ? -1 : expected.findIndex((heading, i) => !startsLike(normalizeTitle(level[i]?.title ?? ''), heading));
  if (level.length !== expected.length || mismatch >= 0) {
    const detail = mismatch >= 0 ? `"${level[mismatch]?.title}" is not "${expected[mismatch]}"` : `${level.length} bookmarks for ${expected.length} headings`;
    throw new Error(`The PDF's headings are not the expected ones: ${detail}`);
  }
  return level;
}

/** A bookmark to write: a title, a destination and, optionally, bookmarks already in the document to hang below it. */
export interface NewBookmark {
  title: string;
  dest: PDFArray;
  /** The first of a chain (linked by /Next) of existing bookmark dictionaries to nest below this one */
  children?: { first: PDFRef; count: number };
}

/**
 * Replaces the document's bookmarks with a flat list (children only where given),
 * shown open when the document opens.
 */
export function writeOutline(doc: PDFDocument, bookmarks: readonly NewBookmark[]): void {
  const { context } = doc;
  if (bookmarks.length === 0) {
    doc.catalog.delete(N.Outlines);
    return;
  }
  const rootRef = context.nextRef();
  const refs = bookmarks.map(() => context.nextRef());
  bookmarks.forEach((b, i) => {
    const entries: Record<string, PDFObject> = {
      Title: PDFHexString.fromText(normalizeTitle(b.title)),
      Parent: rootRef,
      Dest: b.dest,
    };
    const prev = refs[i - 1];
    const next = refs[i + 1];
    if (prev) entries.Prev = prev;
    if (next) entries.Next = next;
    if (b.children && b.children.count > 0) {
      const self = refs[i] as PDFRef;
      let last: PDFRef | undefined;
      for (let ref: PDFRef | undefined = b.children.first; ref; ) {
        const child: PDFDict = context.lookup(ref, PDFDict);
        child.set(N.Parent, self);
        last = ref;
        const nextRef: PDFObject | undefined = child.get(N.Next);
        ref = nextRef instanceof PDFRef ? nextRef : undefined;
      }
      entries.First = b.children.first;
      if (last) entries.Last = last;
      // Negative: nested bookmarks start closed.
      entries.Count = PDFNumber.of(-b.children.count);
    }
    context.assign(refs[i] as PDFRef, context.obj(entries));
  });
  context.assign(
    rootRef,
    context.obj({ Type: 'Outlines', First: refs[0] as PDFRef, Last: refs[refs.length - 1] as PDFRef, Count: PDFNumber.of(bookmarks.length) }),
  );
  doc.catalog.set(N.Outlines, rootRef);
  doc.catalog.set(N.PageMode, PDFName.of('UseOutlines'));
}

/** A destination at the top of a page. */
export function pageTopDest(doc: PDFDocument, pageIndex: number): PDFArray {
  const page = doc.getPage(pageIndex);
  return doc.context.obj([page.ref, PDFName.of('XYZ'), null, page.getHeight(), null]);
}
