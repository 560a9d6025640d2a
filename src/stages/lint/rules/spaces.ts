import type { Message } from '../../../message.js';
import { charAt, charBefore, isChinese } from './chars.js';
import type { Finding } from './finding.js';

/**
 * Chinese running text has no spaces between characters: the typesetter
 * spaces the marks itself. A space between two Chinese characters is a
 * leftover of a word processor or a PDF. (Headlines and bylines use a space
 * on purpose; the caller does not run this rule on them. Ideographic spaces
 * typed as an indent are removed by the load stage, and reported with their
 * fix by lint/indents.ts.)
 */
const SPACES = /[ \u3000\u00a0\t]+/g;

const name = (run: string): Message =>
  run.includes('\u3000')
    ? { zh: '全角空格', en: 'ideographic space' }
    : run.includes('\u00a0')
      ? { zh: '不换行空格', en: 'no-break space' }
      : { zh: '空格', en: 'space' };

export function spacesInChinese(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(SPACES)) {
    const run = match[0];
    const before = charBefore(text, match.index);
    const after = charAt(text, match.index + run.length);
    if (!(isChinese(before) && isChinese(after))) continue;
    findings.push({
      rule: 'space-in-chinese',
      severity: 'warning',
      offset: match.index,
      length: run.length,
      message: {
        zh: `中文字之间有${name(run).zh}；中文正文不空格，请删去（多半是转换留下的）`,
        en: `${name(run).en} inside Chinese text; Chinese running text has none (a leftover of a conversion?)`,
      },
    });
  }
  return findings;
}
