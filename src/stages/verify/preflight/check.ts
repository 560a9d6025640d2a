import type { Diagnostic } from '../../../diagnostics.js';
import type { Message } from '../../../message.js';

/** One line of the preflight report: what was checked (its id, the same in every language), what was found, and the problems. */
export interface CheckResult {
  name: 'pages' | 'boxes' | 'fonts' | 'colour' | 'images' | 'syntax';
  summary: Message;
  diagnostics: Diagnostic[];
}

/** 1 → "1 page", 2 → "2 pages" (Chinese counts need no plural). */
export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** "第 3、4、5 页" / "pages 3, 4, 5", the first few only. */
export function pageList(pages: readonly number[]): Message {
  const more = pages.length - 6;
  return {
    zh: `第 ${pages.slice(0, 6).join('、')} 页${more > 0 ? `等 ${pages.length} 页` : ''}`,
    en: `${pages.length === 1 ? 'page' : 'pages'} ${pages.slice(0, 6).join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
  };
}
