import type { Diagnostic } from '../../diagnostics.js';
import type { IssueMeta, PrintedRecord, Publication } from '../load/types.js';

/** Text from the conversion with the place it came from (1-based line and column). */
export interface SourceText {
  text: string;
  line: number;
  column: number;
}

/** One block of the conversion as Markdown parsed it. */
export interface Block {
  kind: 'heading' | 'paragraph' | 'item' | 'rule' | 'other';
  /** Heading level as the conversion used it; 0 for other blocks. */
  depth: number;
  /** The whole block is one bold run (`**…**`). */
  bold: boolean;
  line: number;
  /** Headings: their plain text; other blocks: their Markdown, line by line. */
  lines: SourceText[];
}

/** A paragraph of the imported body: pieces of the conversion, joined where a printed page broke. */
export interface ImportedParagraph {
  kind: 'paragraph';
  pieces: SourceText[];
}

export interface ImportedSection {
  kind: 'section';
  heading: SourceText;
}

export type ImportedBlock = ImportedParagraph | ImportedSection;

export interface ImportedArticle {
  title: SourceText;
  subtitle?: SourceText;
  byline?: SourceText;
  /** Page of the printed TOC entry this article matched. */
  printedPage?: number;
  body: ImportedBlock[];
}

export interface ImportedColumn {
  name: SourceText;
  articles: ImportedArticle[];
}

/** Everything read from a conversion, ready to be written as an issue folder. */
export interface ImportedIssue {
  meta: Omit<IssueMeta, 'edition' | 'printed'> & { printed: PrintedRecord };
  /** publication.yaml's facts when the project has the file; otherwise what the masthead and footer state. */
  publication: Publication;
  columns: ImportedColumn[];
  /** What the import changed, and what it suspects but left alone, each with its line in the conversion. */
  report: Diagnostic[];
}
