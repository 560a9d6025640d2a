import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_DIR } from '../../config/settings.js';
import { CLOSING_MARKS } from './cjk-text.js';

const PARTS = ['line-ends.js', 'snap.js', 'table-columns.js', 'table-rows.js', 'tables.js', 'keep.js', 'back-to-back.js', 'overflow-checks.js', 'break-tokens.js', 'no-hyphens.js', 'page-template.js', 'prepare.js'];

/**
 * The script the laid-out HTML carries: it sets line-end marks half-width,
 * snaps headings to the line grid, adds the keep rules (widows, orphans,
 * headings with their text) to Paged.js and has it lay pages out back to back,
 * measuring each page for overflow fewer times, finds where a page breaks
 * inside a paragraph by position rather than by text, trims the template
 * Paged.js makes pages from, and sets tables (figures aligned, rows on the
 * grid, the header row repeated on the pages a table continues onto).
 * It is plain browser JavaScript, read as text from src/, so no compiler touches it.
 * Its parts share one function scope: a layout page writes issue after issue
 * into one window (paginate/layout-pages.ts), where a second top-level
 * `const` of the same name would throw.
 */
export async function layoutScript(): Promise<string> {
  const dir = path.join(PACKAGE_DIR, 'src', 'page');
  const parts = await Promise.all(PARTS.map((name) => readFile(path.join(dir, name), 'utf8')));
  const marks = `const BUILD_ISSUE_MARKS = ${JSON.stringify({ closing: CLOSING_MARKS })};`;
  return ['(() => {', marks, ...parts, '})();'].join('\n');
}
