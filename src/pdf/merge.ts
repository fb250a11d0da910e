import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObjectCopier, PDFPage, PDFPageLeaf, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { normalizeTitle, pageTopDest, readOutline, writeOutline, type NewBookmark } from './outline';

/** A PDF to append: its bookmark title and bytes. */
export interface AppendedPdf {
  title: string;
  bytes: Uint8Array;
}

const N = {
  StructTreeRoot: PDFName.of('StructTreeRoot'),
  StructParents: PDFName.of('StructParents'),
  StructParent: PDFName.of('StructParent'),
  ParentTree: PDFName.of('ParentTree'),
  ParentTreeNextKey: PDFName.of('ParentTreeNextKey'),
  RoleMap: PDFName.of('RoleMap'),
  Annots: PDFName.of('Annots'),
  Nums: PDFName.of('Nums'),
  Kids: PDFName.of('Kids'),
  K: PDFName.of('K'),
  P: PDFName.of('P'),
  S: PDFName.of('S'),
  Lang: PDFName.of('Lang'),
  Outlines: PDFName.of('Outlines'),
  First: PDFName.of('First'),
  Next: PDFName.of('Next'),
  Parent: PDFName.of('Parent'),
  Document: PDFName.of('Document'),
};

/** The entries of a number tree (the structure tree's ParentTree), leaves and kids alike. */
function numberTreeEntries(node: PDFDict | undefined, out: Array<[number, PDFObject]> = [], seen = new Set<PDFDict>()): Array<[number, PDFObject]> {
  if (!node || seen.has(node)) return out;
  seen.add(node);
  const nums = node.lookupMaybe(N.Nums, PDFArray);
  if (nums) {
    for (let i = 0; i + 1 < nums.size(); i += 2) {
      const key = nums.lookup(i);
      const value = nums.get(i + 1);
      if (key instanceof PDFNumber && value) out.push([key.asNumber(), value]);
    }
  }
  const kids = node.lookupMaybe(N.Kids, PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) numberTreeEntries(kids.lookupMaybe(i, PDFDict), out, seen);
  return out;
}

function asArray(doc: PDFDocument, value: PDFObject | undefined): PDFObject[] {
  if (!value) return [];
  const resolved = value instanceof PDFRef ? doc.context.lookup(value) : value;
  if (resolved instanceof PDFArray) return resolved.asArray();
  return [value];
}

function addToNumber(dict: PDFDict, key: PDFName, offset: number): void {
  const n = dict.lookupMaybe(key, PDFNumber);
  if (n) dict.set(key, PDFNumber.of(n.asNumber() + offset));
}

/**
 * Grafts the appended document's structure tree into ours, below a new section
 * element, renumbering its ParentTree keys after ours, so the appended pages stay
 * tagged as their authors tagged them. `pageRefs` are the copied pages.
 */
function graftStructure(target: PDFDocument, source: PDFDocument, copier: PDFObjectCopier, pageRefs: PDFRef[], title: string): void {
  const ctx = target.context;
  const targetRoot = target.catalog.lookupMaybe(N.StructTreeRoot, PDFDict);
  const sourceRoot = source.catalog.lookupMaybe(N.StructTreeRoot, PDFDict);
  const pages = pageRefs.map((ref) => ctx.lookup(ref, PDFDict));
  if (!targetRoot || !sourceRoot) {
    // Untagged content: drop keys that would point into a structure tree it is not part of.
    for (const page of pages) {
      page.delete(N.StructParents);
      const annots = page.lookupMaybe(N.Annots, PDFArray);
      for (let i = 0; annots && i < annots.size(); i++) annots.lookupMaybe(i, PDFDict)?.delete(N.StructParent);
    }
    return;
  }

  const ours = numberTreeEntries(targetRoot.lookupMaybe(N.ParentTree, PDFDict));
  const theirs = numberTreeEntries(sourceRoot.lookupMaybe(N.ParentTree, PDFDict));
  const next = targetRoot.lookupMaybe(N.ParentTreeNextKey, PDFNumber)?.asNumber() ?? 0;
  const offset = Math.max(next, ...ours.map(([k]) => k + 1), 0);

  for (const page of pages) {
    addToNumber(page, N.StructParents, offset);
    const annots = page.lookupMaybe(N.Annots, PDFArray);
    for (let i = 0; annots && i < annots.size(); i++) {
      const annot = annots.lookupMaybe(i, PDFDict);
      if (annot) addToNumber(annot, N.StructParent, offset);
    }
  }

  // Their top elements hang below a new section; cut their link to their old root so it is not copied along.
  const sourceTop = asArray(source, sourceRoot.get(N.K));
  for (const element of sourceTop) {
    const dict = element instanceof PDFRef ? source.context.lookupMaybe(element, PDFDict) : element instanceof PDFDict ? element : undefined;
    dict?.delete(N.P);
  }
  const section = ctx.register(ctx.obj({ Type: 'StructElem', S: 'Sect', T: PDFHexString.fromText(title) }));
  const copiedTop = sourceTop.map((e) => copier.copy(e));
  for (const element of copiedTop) {
    const dict = element instanceof PDFRef ? ctx.lookupMaybe(element, PDFDict) : element instanceof PDFDict ? element : undefined;
    dict?.set(N.P, section);
  }
  const sectionDict = ctx.lookup(section, PDFDict);
  sectionDict.set(N.K, ctx.obj(copiedTop));
  const lang = source.catalog.lookupMaybe(N.Lang, PDFString, PDFHexString);
  if (lang) sectionDict.set(N.Lang, lang);

  // Inside our Document element when there is one (PDF/UA wants a single top element), else at the root.
  const rootKids = asArray(target, targetRoot.get(N.K));
  const onlyKid = rootKids.length === 1 && rootKids[0] instanceof PDFRef ? ctx.lookupMaybe(rootKids[0], PDFDict) : undefined;
  const parentRef = onlyKid && onlyKid.lookupMaybe(N.S, PDFName) === N.Document ? (rootKids[0] as PDFRef) : undefined;
  const parent = parentRef ? (onlyKid as PDFDict) : targetRoot;
  sectionDict.set(N.P, parentRef ?? ctx.getObjectRef(targetRoot) ?? section);
  parent.set(N.K, ctx.obj([...asArray(target, parent.get(N.K)), section]));

  const merged = [...ours, ...theirs.map(([k, v]): [number, PDFObject] => [k + offset, copier.copy(v)])].sort((a, b) => a[0] - b[0]);
  targetRoot.set(N.ParentTree, ctx.obj({ Nums: ctx.obj(merged.flatMap(([k, v]) => [PDFNumber.of(k), v])) }));
  targetRoot.set(N.ParentTreeNextKey, PDFNumber.of((merged.at(-1)?.[0] ?? offset - 1) + 1));

  const theirRoles = sourceRoot.lookupMaybe(N.RoleMap, PDFDict);
  if (theirRoles) {
    const roles = targetRoot.lookupMaybe(N.RoleMap, PDFDict) ?? ctx.obj({});
    for (const [key, value] of theirRoles.entries()) if (!roles.has(key)) roles.set(key, copier.copy(value));
    targetRoot.set(N.RoleMap, roles);
  }
}

/** Copies the appended document's own bookmarks (after its pages), returning the first of the copied chain. */
function copyBookmarks(source: PDFDocument, copier: PDFObjectCopier): { first: PDFRef; count: number } | undefined {
  const root = source.catalog.lookupMaybe(N.Outlines, PDFDict);
  const first = root?.get(N.First);
  if (!(first instanceof PDFRef)) return undefined;
  const count = readOutline(source).length;
  // The top items point back to their outline root: cut that link so the root is not copied along.
  for (let ref: PDFObject | undefined = first; ref instanceof PDFRef; ) {
    const item: PDFDict | undefined = source.context.lookupMaybe(ref, PDFDict);
    item?.delete(N.Parent);
    ref = item?.get(N.Next);
  }
  return { first: copier.copy(first), count };
}

/**
 * Appends PDFs to a document (the "samlet dokument"): their pages unchanged, their
 * structure tree grafted into ours when they are tagged, and one bookmark per
 * appended file with its own bookmarks below it. Files that cannot be read
 * (damaged or encrypted) are skipped and returned, so one bad attachment does not
 * stop the rest.
 */
export async function appendPdfs(target: PDFDocument, parts: readonly AppendedPdf[]): Promise<{ skipped: string[] }> {
  const bookmarks: NewBookmark[] = readOutline(target).flatMap((b) => (b.dest ? [{ title: b.title, dest: b.dest }] : []));
  const skipped: string[] = [];
  for (const part of parts) {
    let source: PDFDocument;
    try {
      source = await PDFDocument.load(part.bytes, { updateMetadata: false });
    } catch {
      skipped.push(part.title);
      continue;
    }
    if (source.getPageCount() === 0) {
      skipped.push(part.title);
      continue;
    }
    const copier = PDFObjectCopier.for(source.context, target.context);
    const firstIndex = target.getPageCount();
    const pageRefs = source.getPages().map((page) => {
      const ref = copier.copy(page.ref);
      const leaf = target.context.lookup(ref);
      if (!(leaf instanceof PDFPageLeaf)) throw new Error('A copied page is not a page');
      target.addPage(PDFPage.of(leaf, ref, target));
      return ref;
    });
    graftStructure(target, source, copier, pageRefs, part.title);
    const children = copyBookmarks(source, copier);
    bookmarks.push({ title: normalizeTitle(`Bilag: ${part.title}`), dest: pageTopDest(target, firstIndex), children });
  }
  writeOutline(target, bookmarks);
  return { skipped };
}
