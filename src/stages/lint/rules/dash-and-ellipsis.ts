import { charAt, charBefore, isChinese, quote } from './chars.js';
import type { Finding } from './finding.js';

/**
 * GB/T 15834 sets the dash (破折号) and the ellipsis (省略号) two characters
 * wide: —— and ……. Conversions and keyboards leave stand-ins: -- or ──
 * for the dash, ... or 。。。 or a single … for the ellipsis.
 */
const DASH_RUN = /[-－—–―─]{2,}/g;
const ELLIPSIS_RUN = /\.{3,}|。{3,}|…+|·{3,}|．{3,}|⋯+/g;

/** A stand-in next to Chinese text; `--` among Latin words or in a URL is none of our business. */
function besideChinese(text: string, offset: number, length: number): boolean {
  return isChinese(charBefore(text, offset)) || isChinese(charAt(text, offset + length));
}

export function dashForm(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(DASH_RUN)) {
    const run = match[0];
    if (run === '——' || !besideChinese(text, match.index, run.length)) continue;
    findings.push({
      rule: 'dash-form',
      severity: 'error',
      offset: match.index,
      length: run.length,
      message: {
        zh: `${quote(run, 'zh')}不是破折号；中文破折号是${quote('——', 'zh')}（两个 U+2014）`,
        en: `${quote(run)} is not a dash; the Chinese dash is ${quote('——')} (two U+2014)`,
      },
      // A longer rule of dashes may be a blank to fill in; only a pair is surely a 破折号.
      fix: run.length === 2 ? '——' : undefined,
    });
  }
  return findings;
}

export function ellipsisForm(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(ELLIPSIS_RUN)) {
    const run = match[0];
    // …… is the ellipsis; …………, twelve dots, omits whole paragraphs (GB/T 15834 4.11.3.5).
    if (/^(……)+$/.test(run) && run.length <= 4) continue;
    if (!besideChinese(text, match.index, run.length)) continue;
    const dots = run.startsWith('…') || run.startsWith('⋯') ? run.length * 3 : run.length;
    findings.push({
      rule: 'ellipsis-form',
      severity: 'error',
      offset: match.index,
      length: run.length,
      message: {
        zh: `${quote(run, 'zh')}不是省略号；中文省略号是${quote('……', 'zh')}（两个 U+2026）`,
        en: `${quote(run)} is not an ellipsis; the Chinese ellipsis is ${quote('……')} (two U+2026)`,
      },
      // Three or six dots are one ellipsis however they were typed; other counts need an editor.
      fix: dots === 3 || dots === 6 ? '……' : undefined,
    });
  }
  return findings;
}
