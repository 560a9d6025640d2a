import type { PDFDocument } from 'pdf-lib';

/** What the PDF says about itself, in its Info dictionary and its XMP. */
export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** build-issue and its version; never the browser's user agent. */
  creator: string;
  /** build-issue and the engines that laid the pages out, with their versions (config/engines.ts: producerLine). */
  producer: string;
  /** The date the document carries (the date, or SOURCE_DATE_EPOCH), never the build's clock. */
  date: Date;
  language: string;
}

/** Replaces the Info entries Chromium wrote (its user agent, the time of the build) with the issue's own. */
export function writeInfo(doc: PDFDocument, info: DocumentInfo): void {
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setKeywords(info.keywords);
  doc.setCreator(info.creator);
  doc.setProducer(info.producer);
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);
  doc.setLanguage(info.language);
}
