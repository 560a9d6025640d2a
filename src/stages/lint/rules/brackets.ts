import { charAt, charBefore, quote } from './chars.js';
import type { Finding } from './finding.js';

/**
 * Paired marks of Chinese text (GB/T 15834): quotation marks, book-title
 * marks, brackets. Each must close what it opened, innermost first. A
 * quotation that runs over several paragraphs (opening quote on each, a
 * closing one only on the last, GB/T 15834 4.1.3.3) is reported too: it is
 * rare in this publication, and an editor can confirm it.
 */
const PAIRS: Record<string, string> = {
  '“': '”',
  '‘': '’',
  '《': '》',
  '〈': '〉',
  '（': '）',
  '〔': '〕',
  '【': '】',
  '「': '」',
  '『': '』',
};
const CLOSERS = new Map(Object.entries(PAIRS).map(([open, close]) => [close, open]));

interface Open {
  mark: string;
  offset: number;
}

/** ’ between Latin letters is an apostrophe (don’t), not a closing quote. */
function isApostrophe(text: string, offset: number): boolean {
  return /[A-Za-z]/.test(charBefore(text, offset) ?? '') && /[A-Za-z]/.test(charAt(text, offset + 1) ?? '');
}

export function brackets(text: string): Finding[] {
  const findings: Finding[] = [];
  const stack: Open[] = [];
  for (let offset = 0; offset < text.length; offset++) {
    const ch = text[offset]!;
    if (PAIRS[ch]) {
      stack.push({ mark: ch, offset });
      continue;
    }
    const opener = CLOSERS.get(ch);
    if (!opener || (ch === '’' && isApostrophe(text, offset))) continue;
    const depth = stack.findLastIndex((open) => open.mark === opener);
    if (depth < 0) {
      findings.push({
        rule: 'bracket-unbalanced',
        severity: 'error',
        offset,
        length: 1,
        message: {
          zh: `${quote(ch, 'zh')}前面没有与它配对的${quote(opener, 'zh')}`,
          en: `${quote(ch)} closes nothing: no ${quote(opener)} before it`,
        },
      });
      continue;
    }
    const inner = stack[stack.length - 1]!;
    if (depth < stack.length - 1) {
      findings.push({
        rule: 'bracket-misnested',
        severity: 'error',
        offset,
        length: 1,
        message: {
          zh: `${quote(ch, 'zh')}要配对的是${quote(opener, 'zh')}，可其中的${quote(inner.mark, 'zh')}还没有结束；请先写${quote(PAIRS[inner.mark]!, 'zh')}`,
          en: `${quote(ch)} closes ${quote(opener)} while the ${quote(inner.mark)} opened inside it is still open; close ${quote(PAIRS[inner.mark]!)} first`,
        },
      });
    }
    stack.splice(depth, 1);
  }
  for (const open of stack) {
    findings.push({
      rule: 'bracket-unbalanced',
      severity: 'error',
      offset: open.offset,
      length: 1,
      message: {
        zh: `${quote(open.mark, 'zh')}后面没有与它配对的${quote(PAIRS[open.mark]!, 'zh')}`,
        en: `${quote(open.mark)} is never closed: no ${quote(PAIRS[open.mark]!)} after it`,
      },
    });
  }
  return findings;
}
