/**
 * What crosses between the page and the Node side: the functions the page
 * script puts on `window` (main.ts) and the plain data they return. Used on
 * both sides, so that a change to either is a compile error on the other.
 */

/** One source block (data-block) as found on the laid-out pages. */
export interface BlockFacts {
  /** Its characters on the pages (white space not counted). */
  chars: number;
  /** Of those, the ones left hidden beyond a page's content area. */
  hidden: number;
  /** The page of each of its fragments (1-based). */
  pages: number[];
  /** How far (CSS px) its farthest line box or image reaches beyond its page's text area or its table cell. */
  outside: number;
  /** The page where it reaches farthest (0 when nowhere beyond). */
  outsidePage: number;
}

/** An image as the layout placed it. */
export interface PlacedImage {
  /** As the source names it. */
  file: string;
  /** Source line of its paragraph. */
  line: number;
  page: number;
  /** Width and height in pixels. */
  pixels: [number, number];
  /** Width and height placed, in CSS px (96 to the inch). */
  placed: [number, number];
}

/** What the layout did, read from the laid-out pages. */
export interface LayoutFacts {
  pageCount: number;
  /** Article id → page its title landed on (1-based). */
  articles: Record<string, number>;
  /** Block id → what of it reached the pages. */
  blocks: Record<string, BlockFacts>;
  /** Each image as placed: its file and source line, its size in pixels and as placed. */
  images: PlacedImage[];
  /** Page holding the distribution footer (0 if it is missing). */
  colophonPage: number;
}

/** A message in both languages, as the Node side's Message (src/message.ts) that it becomes. */
export interface Said {
  zh: string;
  en: string;
}

/** One breach of a typesetting rule, found on the laid-out pages. */
export interface AuditFinding {
  rule: string;
  page: number;
  /** Block id (see render's Block), to find the source line. */
  block: string;
  /** Line of the block on that page, from 1. */
  line: number;
  message: Said;
  text: string;
}

/** The page script's functions, called from the Node side through page.evaluate. */
export interface PageApi {
  /** The facts of the pages as laid out (after Paged.js). */
  layoutFacts(): LayoutFacts;
  /** Every line of every page checked against the house's CJK rules (--check). */
  auditPages(): AuditFinding[];
  /** The display lines (headlines, headings, TOC entries) checked for breaks between phrases and even lines (every build). */
  auditDisplayLines(): AuditFinding[];
}

declare global {
  interface Window {
    /** Set by the page script as it runs (main.ts). */
    buildIssue: PageApi;
  }
}
