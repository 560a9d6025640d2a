import { type PDFDict, type PDFDocument, PDFHexString, PDFName, type PDFRef } from 'pdf-lib';

/** One bookmark: its title, the page (1-based) it opens, and the bookmarks under it. */
export interface OutlineEntry {
  title: string;
  page: number;
  children: OutlineEntry[];
}

/** Writes the entries as sibling outline items under `parent`; returns how many items are visible below it. */
function writeItems(doc: PDFDocument, parent: PDFRef, parentDict: PDFDict, entries: readonly OutlineEntry[]): number {
  const { context } = doc;
  const pages = doc.getPages();
  const refs = entries.map(() => context.nextRef());
  let visible = 0;
  entries.forEach((entry, i) => {
    const page = pages[entry.page - 1];
    if (!page) throw new Error(`outline entry “${entry.title}” points at page ${entry.page} of ${pages.length}`);
    const item = context.obj({
      Title: PDFHexString.fromText(entry.title),
      Parent: parent,
      // Opens at the top of the page, keeping the reader's zoom.
      Dest: [page.ref, PDFName.of('XYZ'), 0, page.getHeight(), null],
    });
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < entries.length - 1) item.set(PDFName.of('Next'), refs[i + 1]!);
    const below = writeItems(doc, refs[i]!, item, entry.children);
    if (below > 0) item.set(PDFName.of('Count'), context.obj(below));
    context.assign(refs[i]!, item);
    visible += 1 + below;
  });
  if (refs.length > 0) {
    parentDict.set(PDFName.of('First'), refs[0]!);
    parentDict.set(PDFName.of('Last'), refs[refs.length - 1]!);
  }
  return visible;
}

/** The PDF outline (bookmarks), open, shown when the file is opened. */
export function addOutline(doc: PDFDocument, entries: readonly OutlineEntry[]): void {
  if (entries.length === 0) return;
  const { context } = doc;
  const root = context.nextRef();
  const outlines = context.obj({ Type: 'Outlines' });
  outlines.set(PDFName.of('Count'), context.obj(writeItems(doc, root, outlines, entries)));
  context.assign(root, outlines);
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
