import { readFile } from 'node:fs/promises';
import type { Page } from 'puppeteer-core/internal/puppeteer-core-browser.js';
import { error, warning, type Diagnostic } from '../../diagnostics.js';
import { CLOSING_MARKS, NO_LINE_END, NO_LINE_START, OPENING_MARKS } from '../render/cjk-text.js';
import type { HtmlBundle } from '../render/render-issue.js';
import { inPageFile } from './page-files.js';

/** One breach of a typesetting rule, found on the laid-out pages. */
export interface AuditFinding {
  rule: string;
  page: number;
  /** Block id (see render's Block), to find the source line. */
  block: string;
  /** Line of the block on that page, from 1. */
  line: number;
  message: string;
  text: string;
}

const RULES = {
  noLineStart: NO_LINE_START,
  noLineEnd: NO_LINE_END,
  openingMarks: OPENING_MARKS,
  closingMarks: CLOSING_MARKS,
  fullWidthMarks: OPENING_MARKS + CLOSING_MARKS,
};

/**
 * The layout audit (--check): reads every line of every laid-out page
 * (.pagedjs_page) from the DOM and reports each breach of the house's CJK
 * rules. The rules' character sets are the ones the render stage glues by.
 */
export async function auditPages(page: Page): Promise<AuditFinding[]> {
  const script = await readFile(inPageFile('audit.js'), 'utf8');
  return (await page.evaluate(`(${script})(${JSON.stringify(RULES)})`)) as AuditFinding[];
}

/**
 * The display-line audit (page/display-audit.js): display lines broken
 * inside a phrase, lines of one character in headings and TOC entries,
 * uneven headlines. It reads only the display blocks, so every build runs it.
 */
export async function auditDisplayLines(page: Page): Promise<AuditFinding[]> {
  const script = await readFile(inPageFile('display-audit.js'), 'utf8');
  return (await page.evaluate(`(${script})()`)) as AuditFinding[];
}

/** Each finding as a diagnostic at the source line of the block it is in: an error, or a warning where `asWarnings`. */
export function auditFindings(findings: readonly AuditFinding[], bundle: HtmlBundle, asWarnings = false): Diagnostic[] {
  const lines = new Map(bundle.blocks.map((b) => [b.id, b.line]));
  const report = asWarnings ? warning : error;
  return findings.map((f) =>
    report(`audit-${f.rule}`, `page ${f.page}, line ${f.line}: ${f.message}: ${f.text}`, { file: bundle.file, line: lines.get(f.block) }),
  );
}
