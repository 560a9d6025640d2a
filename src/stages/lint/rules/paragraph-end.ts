import { quote } from './chars.js';
import type { Finding } from './finding.js';

/**
 * A paragraph of running text ends with a terminal mark (。？！…), or with
 * ；/： in an enumeration, possibly inside a closing quote or bracket. One
 * that stops on a bare character is usually half of a paragraph split in two
 * by a conversion. Titles, bylines and headings have no terminal mark; the
 * caller runs this rule on body paragraphs only. A paragraph wholly in
 * brackets is a source line (（来源：新华社）) and has none either.
 */
const CLOSING = /[”’）》〉」』】〕\s]+$/u;
const TERMINAL = /[。？！…；：.?!;:]$/u;
const SOURCE_LINE = /^（[^（）]*）$/u;

export function paragraphEnd(text: string): Finding[] {
  const body = text.replace(CLOSING, '');
  if (body === '' || TERMINAL.test(body) || SOURCE_LINE.test(text.trim())) return [];
  const last = [...body].at(-1)!;
  return [
    {
      rule: 'paragraph-unterminated',
      severity: 'warning',
      offset: body.length - last.length,
      length: last.length,
      message: {
        zh: `段落结尾是${quote(last, 'zh')}，没有。？！或……；是不是和下一段断开了？`,
        en: `the paragraph ends on ${quote(last)} without 。？！ or ……; is it split from the next one?`,
      },
    },
  ];
}
