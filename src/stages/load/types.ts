import type { FootnoteDefinition, Root } from 'mdast';
import './mdast-data.js';

/** What every issue of the publication shares (issues/publication.yaml). */
export interface Publication {
  /** The name as the masthead sets it, one entry per line. */
  name: string[];
  classification: string;
  publishers: string[];
  office: {
    name: string;
    phone: string;
    address: string;
    fax: string;
    postcode: string;
    email: string;
  };
}

/** The issue's own facts, from the front matter of issues/<serial>/issue.md. */
export interface IssueMeta {
  serial: number;
  year: number;
  /** Issue number within the year (第9期). */
  number: number;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  distribution: { report: string; send: string };
  printRun: number;
  /** Style edition (templates/<edition>, styles/<edition>). */
  edition: string;
  /** The printed original's pagination, when the issue was brought back from a printed copy. */
  printed?: PrintedRecord;
  /** Where each printed field's value stands in the file, for messages about its text (e.g. a glyph no font has). */
  positions?: Partial<Record<MetaField, { line: number; column: number }>>;
}

/** The front-matter fields whose place messages name. */
export type MetaField = 'year' | 'number' | 'serial' | 'date' | 'report' | 'send' | 'printRun' | 'edition';

/** An entry of the printed issue's table of contents. */
export interface PrintedTocEntry {
  /** As printed; may run the title and subtitle together. */
  title: string;
  byline?: string;
  page: number;
}

/** A printed page that began inside a paragraph: its number and the text just before it. */
export interface PrintedPageBreak {
  page: number;
  after: string;
}

export interface PrintedRecord {
  toc: PrintedTocEntry[];
  pageBreaks: PrintedPageBreak[];
}

export interface SourcePosition {
  file: string;
  line: number;
}

/** A note of an article (注释), marked in reading order (①②…): a footnote's text, or a link's URL. */
export type ArticleNote =
  | { mark: string; definition: FootnoteDefinition; url?: undefined }
  | { mark: string; url: string; definition?: undefined };

export interface Article {
  /** Stable id used for anchors, the TOC and bookmarks: a1, a2, … in reading order. */
  id: string;
  title: string;
  subtitle?: string;
  byline?: string;
  /** The article's body as Markdown syntax tree (sections, paragraphs, run-in heads). */
  body: Root;
  /** Its notes, printed at its end; each reference carries its mark (data.noteMark). */
  notes: ArticleNote[];
  position: SourcePosition;
}

export interface Column {
  id: string;
  name: string;
  articles: Article[];
  position: SourcePosition;
}

/** A loaded, validated issue: everything later stages need, with source positions kept. */
export interface IssueDocument {
  /** The issue's folder, e.g. issues/453. */
  dir: string;
  /** The Markdown file, relative to the project root, for messages. */
  file: string;
  publication: Publication;
  meta: IssueMeta;
  columns: Column[];
  /** The file's text and its Markdown parsed (positions are lines of the file): the lint stage reads them too, so a build parses the issue once. */
  source: { text: string; markdown: Root };
}
