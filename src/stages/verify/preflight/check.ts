import type { Diagnostic } from '../../../diagnostics.js';

/** One line of the preflight report: what was checked, what was found, and the problems. */
export interface CheckResult {
  name: string;
  summary: string;
  diagnostics: Diagnostic[];
}

/** 1 → "1 page", 2 → "2 pages". */
export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** "pages 3, 4, 5" or "page 3", the first few only. */
export function pageList(pages: readonly number[]): string {
  const shown = pages.slice(0, 6).join(', ') + (pages.length > 6 ? ` and ${pages.length - 6} more` : '');
  return `${pages.length === 1 ? 'page' : 'pages'} ${shown}`;
}
