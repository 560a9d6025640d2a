import { quote } from './chars.js';
import type { Finding } from './finding.js';

/** GB/T 15835: digits and Latin letters in Chinese text are half-width (２０２３ → 2023). */
const FULL_WIDTH_RUN = /[０-９Ａ-Ｚａ-ｚ]+/g;

// The full-width forms sit at a fixed distance from their ASCII originals.
const toHalfWidth = (run: string): string => run.replace(/./g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

export function fullwidthAlphanumeric(text: string): Finding[] {
  return [...text.matchAll(FULL_WIDTH_RUN)].map((match) => ({
    rule: 'fullwidth-alphanumeric',
    severity: 'error',
    offset: match.index,
    length: match[0].length,
    message: {
      zh: `全角的${quote(match[0], 'zh')}：数字和字母用半角（GB/T 15835），应写作${quote(toHalfWidth(match[0]), 'zh')}`,
      en: `full-width ${quote(match[0])}; digits and letters are half-width (GB/T 15835): ${quote(toHalfWidth(match[0]))}`,
    },
    fix: toHalfWidth(match[0]),
  }));
}
