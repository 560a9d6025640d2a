import { PDFDocument } from 'pdf-lib';
import type { Diagnostic, Result } from '../../diagnostics.js';
import { insertBlankPages } from './binding.js';
import { fitCompressedMarks } from './compressed-marks.js';
import { drawCropMarks } from './crop-marks.js';
import { toGrayscale } from './grayscale.js';
import { saveReproducibly } from './identity.js';
import { type DocumentInfo, writeInfo } from './metadata.js';
import { addOutline, type OutlineEntry } from './outline.js';
import type { PrintOptions } from './print-options.js';
import { placeOnSheet, sheetFor } from './sheet.js';

export interface FinishOptions {
  info: DocumentInfo;
  outline: OutlineEntry[];
  print: PrintOptions;
  /** Blank pages to insert before the last page (see binding.ts). */
  blankPages: number;
  /** The file, for messages. */
  file: string;
}

/** Stage 4's output: the bytes that go to the print shop. */
export interface FinalPdf {
  bytes: Uint8Array;
  pageCount: number;
  /** Blank pages inserted so the issue binds. */
  blankPages: number;
}

/**
 * Stage 4: Chromium's PDF → the final PDF: (grayscale), widths that let text
 * extractors read compressed punctuation in its line, blank pages for
 * binding, exact A4 trim with bleed and crop marks, bookmarks, metadata that
 * names the issue (not the browser), and bytes that depend only on the input.
 */
export async function finishPdf(pdf: Uint8Array, options: FinishOptions): Promise<Result<FinalPdf>> {
  const diagnostics: Diagnostic[] = [];
  let source = pdf;
  if (options.print.grayscale) {
    const gray = await toGrayscale(pdf, options.info.date, options.file);
    diagnostics.push(...gray.diagnostics);
    if (!gray.value) return { diagnostics };
    source = gray.value;
  }
  const doc = await PDFDocument.load(source, { updateMetadata: false });
  fitCompressedMarks(doc);
  insertBlankPages(doc, options.blankPages);
  const sheet = sheetFor(options.print);
  placeOnSheet(doc, sheet);
  if (options.print.marks) drawCropMarks(doc, sheet);
  addOutline(doc, options.outline);
  writeInfo(doc, options.info);
  const bytes = await saveReproducibly(doc, options.info);
  return { value: { bytes, pageCount: doc.getPageCount(), blankPages: options.blankPages }, diagnostics };
}
