/**
 * Line-breaking glue for Chinese text (GB/T 15834, clreq “strict”), decided
 * before layout so that it never depends on the browser's line breaker.
 *
 * Chromium with `line-break: strict` still breaks between two closing marks
 * (”|；), may split —— or ……, and lets a paragraph end on a line of one
 * character (孤字). Opening marks need nothing: Chromium never breaks after
 * one (the layout audit checks it). Characters that must stay on one line are wrapped in a
 * `white-space: nowrap` span. (A WORD JOINER would do the same with less
 * markup, but no CJK font carries U+2060, so Chromium would take a system
 * font for it and embed that too.)
 */

/** Marks that must not start a line: closing quotes and brackets, pause and stop marks, dashes and ellipses. */
export const NO_LINE_START = '。，、；：？！）》〉」』】〕”’…—·%‰℃';
/** Marks that must not end a line. */
export const NO_LINE_END = '（《〈「『【〔“‘';

/** Full-width opening and closing marks, for punctuation compression (标点挤压). */
export const OPENING_MARKS = '“‘（《〈「『【〔';
export const CLOSING_MARKS = '，。、；：？！”’）》〉」』】〕';

/** A piece of text; `glued` pieces must not be broken across lines. */
export interface Segment {
  text: string;
  glued: boolean;
}

const isWord = (ch: string) => /[\p{Script=Han}\p{L}\p{N}]/u.test(ch);
const isHan = (ch: string) => /\p{Script=Han}/u.test(ch);
const isLatin = (ch: string) => /[A-Za-z0-9]/.test(ch);

/** Where a break between chars[i-1] and chars[i] would break a rule. */
function forbiddenBreaks(chars: readonly string[], keepLastTwo: boolean): boolean[] {
  const glue = chars.map((ch, i) => {
    const prev = chars[i - 1];
    if (prev === undefined || /\s/.test(prev) || /\s/.test(ch)) return false;
    // Only line starts need glue: Chromium already never breaks after an
    // opening mark, and a glue span that begins with one would stop
    // text-spacing-trim from setting it half-width at a line start.
    // A Han character and a Latin letter or digit next to it stay together:
    // Chromium's text-autospace puts no gap across an element boundary, so
    // they must never fall on both sides of a glue span's edge.
    return NO_LINE_START.includes(ch) || (isHan(prev) && isLatin(ch)) || (isLatin(prev) && isHan(ch));
  });
  if (keepLastTwo) {
    // 孤字: glue the paragraph's last word character to the one before it.
    const last = chars.findLastIndex(isWord);
    if (last > 0 && !/\s/.test(chars[last - 1]!)) glue[last] = true;
  }
  return glue;
}

/** Splits text into runs: glued runs (kept on one line) and free text between them. */
export function segmentForLineBreaking(text: string, options: { paragraphEnd: boolean }): Segment[] {
  const chars = [...text];
  const glue = forbiddenBreaks(chars, options.paragraphEnd);
  const segments: Segment[] = [];
  let i = 0;
  while (i < chars.length) {
    let j = i + 1;
    while (j < chars.length && glue[j]) j++;
    const glued = j - i > 1;
    const piece = chars.slice(i, j).join('');
    const last = segments.at(-1);
    if (!glued && last && !last.glued) last.text += piece;
    else segments.push({ text: piece, glued });
    i = j;
  }
  return segments;
}
