import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFPage } from 'pdf-lib';
import type { PrintOptions } from './print-options.js';

/** A4 in PostScript points: 210 × 297 mm. Chromium's own A4 is 594.96 × 841.92. */
export const A4 = { width: (210 / 25.4) * 72, height: (297 / 25.4) * 72 };

/** Room outside the bleed for crop marks: 2 mm gap, 5 mm mark, 1 mm spare. */
export const MARK_ROOM = (8 / 25.4) * 72;

export type Box = [left: number, bottom: number, right: number, top: number];

/** Where the trim, the bleed and the whole sheet lie on every page. */
export interface Sheet {
  media: Box;
  bleed: Box;
  trim: Box;
}

export function sheetFor(print: Pick<PrintOptions, 'bleed' | 'marks'>): Sheet {
  const room = print.marks ? MARK_ROOM : 0;
  const edge = room + print.bleed;
  const width = A4.width + 2 * edge;
  const height = A4.height + 2 * edge;
  return {
    media: [0, 0, width, height],
    bleed: [room, room, width - room, height - room],
    trim: [edge, edge, edge + A4.width, edge + A4.height],
  };
}

/** The CSS that makes Paged.js lay out the bleed around each page (its page box grows by it). */
export function bleedCss(print: Pick<PrintOptions, 'bleed'>): string {
  return print.bleed > 0 ? `@page { bleed: ${print.bleed.toFixed(3)}pt; }` : '';
}

function setBox(page: PDFPage, name: string, box: Box): void {
  page.node.set(PDFName.of(name), page.doc.context.obj(box.map((v) => Number(v.toFixed(3)))));
}

function shiftAnnotations(page: PDFPage, dx: number, dy: number): void {
  const annots = page.node.Annots();
  if (!annots) return;
  for (let i = 0; i < annots.size(); i++) {
    const rect = annots.lookup(i, PDFDict).lookupMaybe(PDFName.of('Rect'), PDFArray);
    if (!rect) continue;
    for (let j = 0; j < 4; j++) {
      const value = rect.lookup(j, PDFNumber).asNumber() + (j % 2 === 0 ? dx : dy);
      rect.set(j, PDFNumber.of(Number(value.toFixed(3))));
    }
  }
}

/**
 * Puts Chromium's page on the exact sheet: its top-left corner (where the
 * layout starts) on the bleed's top-left corner, so the trim lies exactly
 * where Paged.js drew it; then sets all four boxes. Chromium rounds its page
 * size (594.96 × 841.92 for A4); the difference is left as blank at the
 * right and bottom, inside the bleed or the trim's margin.
 */
export function placeOnSheet(doc: PDFDocument, sheet: Sheet): void {
  const [left, , , top] = sheet.bleed;
  for (const page of doc.getPages()) {
    const { height } = page.getMediaBox();
    const dx = left;
    const dy = top - height;
    if (Math.abs(dx) > 1e-6 || Math.abs(dy) > 1e-6) {
      const start = doc.context.register(doc.context.stream(`q 1 0 0 1 ${dx.toFixed(3)} ${dy.toFixed(3)} cm\n`));
      const end = doc.context.register(doc.context.stream('Q\n'));
      page.node.normalize();
      page.node.wrapContentStreams(start, end);
      shiftAnnotations(page, dx, dy);
    }
    setBox(page, 'MediaBox', sheet.media);
    setBox(page, 'CropBox', sheet.media);
    setBox(page, 'BleedBox', sheet.bleed);
    setBox(page, 'TrimBox', sheet.trim);
  }
}
