import { charAt, charBefore, isChinese, quote, SPACE, skipSpaces } from './chars.js';
import type { Finding } from './finding.js';

/**
 * Chinese text carries Latin letters for names and abbreviations (5G, GDP,
 * 4A级, iPhone) and for units after a number (5km). A lowercase word that is
 * neither, next to Chinese or set off from it by spaces, is more often damage than intent: a tag or entity
 * name left by an HTML conversion (nbsp, span), or pinyin left by an input
 * method. A suspicion, so a warning.
 */
const UNITS = new Set([
  'km',
  'm',
  'dm',
  'cm',
  'mm',
  'nm',
  'kg',
  'g',
  'mg',
  't',
  'l',
  'ml',
  'h',
  'min',
  's',
  'ms',
  'kw',
  'kwh',
  'mw',
  'gw',
  'ha',
  'pt',
  'px',
  'dpi',
  'ppm',
]);
const HTML_LEFTOVERS = new Set([
  'nbsp',
  'amp',
  'quot',
  'lt',
  'gt',
  'ldquo',
  'rdquo',
  'lsquo',
  'rsquo',
  'mdash',
  'ndash',
  'hellip',
  'middot',
  'emsp',
  'ensp',
  'span',
  'div',
  'br',
  'p',
  'font',
  'style',
  'class',
]);

// A stretch of Latin text: words, numbers and the marks inside addresses, with single spaces between.
const LATIN_RUN = /[A-Za-z0-9@][\w@.:/+#&%'’-]*(?: [A-Za-z0-9@][\w@.:/+#&%'’-]*)*/g;
// E-mail addresses, URLs and domains are spelled as they are.
const ADDRESS = /@|:\/\/|^www\.|\w\.[a-z]{2,}\b/i;

/** A lowercase word that is not a unit right after a number. */
function suspicious(run: string): RegExpExecArray | undefined {
  for (const word of run.matchAll(/(\d*)([A-Za-z]+)/g)) {
    const [, number, letters] = word;
    if (/[A-Z]/.test(letters!)) continue;
    if (number && UNITS.has(letters!)) continue;
    return word;
  }
  return undefined;
}

export function latinWords(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(LATIN_RUN)) {
    const run = match[0];
    // Beside Chinese, or set off from it by spaces (思想 and 行动).
    let start = match.index;
    while (start > 0 && SPACE.test(text[start - 1]!)) start--;
    const besideChinese = isChinese(charBefore(text, start)) || isChinese(charAt(text, skipSpaces(text, match.index + run.length)));
    if (!besideChinese || ADDRESS.test(run)) continue;
    const word = suspicious(run)?.[2];
    if (!word) continue;
    findings.push({
      rule: 'latin-word',
      severity: 'warning',
      offset: match.index,
      length: run.length,
      message: HTML_LEFTOVERS.has(word.toLowerCase())
        ? {
            zh: `中文里的${quote(run, 'zh')}像是残留的 HTML（${word}）；请删去`,
            en: `${quote(run)} in Chinese text looks like a leftover of HTML (${word}); delete it`,
          }
        : {
            zh: `中文里的${quote(run, 'zh')}既不是名称也不是单位；是不是转换时弄坏的？`,
            en: `${quote(run)} in Chinese text is neither a name nor a unit; is it damage from a conversion?`,
          },
    });
  }
  return findings;
}
