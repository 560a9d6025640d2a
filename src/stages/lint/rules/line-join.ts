import { isChinese, quote } from './chars.js';
import type { Finding } from './finding.js';

/**
 * Text copied from a laid-out page often repeats a character or a word where
 * one line ends and the next begins (学习\n学习). Chinese doubles words on
 * purpose too (天天, 研究研究), so this is a suspicion, reported only at a
 * line join, the place where the repetition is a known conversion slip.
 */
const LONGEST = 4;

export function doubledAtJoin(text: string): Finding[] {
  const findings: Finding[] = [];
  for (let join = text.indexOf('\n'); join >= 0; join = text.indexOf('\n', join + 1)) {
    for (let size = LONGEST; size >= 1; size--) {
      const before = text.slice(join - size, join);
      const after = text.slice(join + 1, join + 1 + size);
      if (join - size < 0 || before !== after || ![...before].every(isChinese)) continue;
      findings.push({
        rule: 'doubled-at-join',
        severity: 'warning',
        offset: join + 1,
        length: size,
        message: {
          zh: `${quote(before, 'zh')}既在上一行末尾，又在下一行开头；是不是多了一处？`,
          en: `${quote(before)} ends one line and starts the next; is one of them a leftover?`,
        },
      });
      break;
    }
  }
  return findings;
}
