/** Character classes the rules share: what counts as Chinese text around a mark. */
import type { Lang } from '../../../message.js';

const HAN = /\p{Script=Han}/u;
// Full-width punctuation (GB/T 15834) as it appears in Chinese text: the CJK
// symbols block, the full-width forms of ASCII marks, curly quotes, the
// ellipsis, the dash and the middle dot.
const CHINESE_MARK = /[\u3001-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65“”‘’…—·]/u;

export const isHan = (ch: string | undefined): boolean => ch !== undefined && HAN.test(ch);

/** A Han character or a full-width mark: text in which half-width punctuation is out of place. */
export const isChinese = (ch: string | undefined): boolean => ch !== undefined && (HAN.test(ch) || CHINESE_MARK.test(ch));

export const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

export const hasHan = (text: string): boolean => HAN.test(text);

/** The whole character (a surrogate pair for a rare Han character) that ends just before `offset`. */
export function charBefore(text: string, offset: number): string | undefined {
  if (offset <= 0) return undefined;
  const low = text.charCodeAt(offset - 1);
  if (offset >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(offset - 2, offset);
  }
  return text[offset - 1];
}

/** The whole character that starts at `offset`. */
export function charAt(text: string, offset: number): string | undefined {
  const code = text.codePointAt(offset);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

/** Spaces as they are typed or converted: ASCII, ideographic (U+3000), no-break, tab. */
export const SPACE = /[ \u3000\u00a0\t]/;

/** The offset of the first character at or after `offset` that is not a space. */
export function skipSpaces(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && SPACE.test(text[at]!)) at++;
  return at;
}

/** Quotation marks by their names in Chinese, which say more than the mark between other marks would. */
const QUOTE_NAMES: Record<string, string> = {
  '"': '直双引号',
  "'": '直单引号',
  '“': '前双引号',
  '”': '后双引号',
  '‘': '前单引号',
  '’': '后单引号',
};

/**
 * Quotes a piece of text in a message. A quotation mark inside “…” would be
 * unreadable, so a lone one is named by its code point instead: “ (U+201C),
 * in Chinese by its name: 前双引号（U+201C）.
 */
export function quote(text: string, lang: Lang = 'en'): string {
  const name = QUOTE_NAMES[text];
  if (name) {
    const code = `U+${text.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return lang === 'zh' ? `${name}（${code}）` : `${text} (${code})`;
  }
  return `“${text}”`;
}
