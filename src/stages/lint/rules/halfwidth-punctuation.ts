import { charAt, charBefore, isChinese, isDigit, quote, skipSpaces } from './chars.js';
import type { Finding } from './finding.js';

/**
 * GB/T 15834: Chinese text takes full-width punctuation. A half-width mark
 * next to a Han character is a typing or conversion slip; between digits it
 * is part of a number (1,000 · 9:30 · 3.14) and is left alone.
 */
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '.': '。', '(': '（', ')': '）' };

// A run of pause and stop marks is judged as one (“?!”); a period is judged
// alone, and never inside “..” (the ellipsis rule's).
const MARKS = /[,;:?!]+|(?<!\.)\.(?!\.)|[()"']/g;

function replacement(run: string): string {
  return [...run].map((mark) => FULL_WIDTH[mark]!).join('');
}

export function halfwidthPunctuation(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(MARKS)) {
    const run = match[0];
    const offset = match.index;
    const before = charBefore(text, offset);
    const after = charAt(text, offset + run.length);
    if (isDigit(before) && isDigit(after)) continue;
    // “1.” numbers a point (GB/T 15834 allows it); a period counts only after Chinese.
    const inChinese = run === '.' ? isChinese(before) : isChinese(before) || isChinese(after);
    if (!inChinese) continue;
    const finding: Finding = {
      rule: 'halfwidth-punctuation',
      severity: 'error',
      offset,
      length: run.length,
      message: /["']/.test(run)
        ? {
            zh: `中文里用了${quote(run, 'zh')}；请用弯引号“ ”（里层用‘ ’）`,
            en: `straight quote ${quote(run)} in Chinese text; use curly quotes “ ” (‘ ’ inside them)`,
          }
        : {
            zh: `中文里用了半角的${quote(run, 'zh')}；请改为${quote(replacement(run), 'zh')}`,
            en: `half-width ${quote(run)} in Chinese text; use ${quote(replacement(run))}`,
          },
    };
    // Only pause and stop marks that sit after Chinese and before Chinese (or
    // the end) are certainly full-width ones; a period might be a 间隔号 and a
    // quote's direction is a guess, so those are left to the editor.
    const nextAt = skipSpaces(text, offset + run.length);
    const next = charAt(text, nextAt);
    if (/^[,;:?!]+$/.test(run) && isChinese(before) && (next === undefined || isChinese(next))) {
      // A full-width mark carries its own space: the spaces typed after it go too.
      if (next !== undefined) finding.length = nextAt - offset;
      finding.fix = replacement(run);
    }
    findings.push(finding);
  }
  return findings;
}
