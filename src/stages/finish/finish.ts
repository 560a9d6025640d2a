import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString, PDFName, PDFArray, PDFNumber } from 'pdf-lib';

/** A4 in PostScript points: 210 × 297 mm. Chromium's own A4 is 594.96 × 841.92. */
export const A4 = { width: (210 / 25.4) * 72, height: (297 / 25.4) * 72 };

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  /** The date the document carries (the date, or SOURCE_DATE_EPOCH), never the build's clock. */
  date: Date;
  language: string;
}

/** Stage 4's output: the bytes that go to the print shop. */
export interface FinalPdf {
  bytes: Uint8Array;
  pageCount: number;
}

function box(page: ReturnType<PDFDocument['getPages']>[number], name: string, width: number, height: number): void {
  page.node.set(PDFName.of(name), PDFArray.withContext(page.doc.context));
  const array = page.node.lookup(PDFName.of(name), PDFArray);
  for (const value of [0, 0, width, height]) array.push(PDFNumber.of(Number(value.toFixed(3))));
}

/**
 * Stage 4: Chromium's PDF → the final PDF: exact A4 boxes, metadata that
 * names the issue (not the browser), and bytes that depend only on the input.
 */
export async function finishPdf(pdf: Uint8Array, info: DocumentInfo): Promise<FinalPdf> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  for (const page of doc.getPages()) {
    for (const name of ['MediaBox', 'CropBox', 'TrimBox', 'BleedBox']) box(page, name, A4.width, A4.height);
  }
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setKeywords(info.keywords);
  doc.setCreator(info.creator);
  doc.setProducer(info.creator);
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);
  doc.setLanguage(info.language);

  // The file identifier is derived from the content, so identical input gives identical bytes.
  const draft = await doc.save({ useObjectStreams: false });
  const id = createHash('md5').update(draft).digest('hex');
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, pageCount: doc.getPageCount() };
}
