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
  kind: 'heading' | 'paragraph' | 'item' | 'table' | 'rule' | 'other';
  /** Heading level as the conversion used it; 0 for other blocks. */
  depth: number;
  /** The whole block is one bold run (`**…**`). */
  bold: boolean;
  line: number;
  /** Headings: their plain text; other blocks: their Markdown, line by line (a table: none). */
  lines: SourceText[];
  /** A list item: its number as the list has it (“3.”), or “-”. */
  marker?: string;
  /** A table: its rows, the first the header, each cell's Markdown (trimmed) where it stands. */
  rows?: SourceText[][];
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

/** An item of a list the conversion wrote as Markdown (1. … / - …). */
export interface ImportedItem {
  kind: 'item';
  marker: string;
  text: SourceText;
}

/**
 * A paragraph that prints line by line (load/conventions.ts): a list, one
 * item a line; a note block (注：1.… / 2.…); a signature (落款). The page-break
 * joins leave it alone.
 */
export interface ImportedLines {
  kind: 'lines';
  form: 'list' | 'notes' | 'signature';
  lines: SourceText[];
}

/** A table in the issue format: each cell's Markdown, “^” and “<” for merged cells; the first row the header. */
export interface ImportedTable {
  kind: 'table';
  rows: SourceText[][];
  /** Printed page breaks the table was joined across. */
  pageBreaks: number;
}

export type ImportedBlock = ImportedParagraph | ImportedSection | ImportedItem | ImportedLines | ImportedTable;

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
