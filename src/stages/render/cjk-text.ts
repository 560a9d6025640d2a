/**
 * Line-breaking glue for Chinese text (GB/T 15834, clreq “strict”), decided
 * before layout.
 *
 * Chromium with `line-break: strict` keeps the closing marks, stops, pauses
 * and ellipses off a line start by itself, but breaks before a dash, a
 * middle dot and the signs % ‰ ℃, and lets a paragraph end on a line of one
 * character (孤字). Opening marks need nothing: Chromium never breaks after
 * one (the layout audit checks it). Characters that must stay on one line
 * are wrapped in a `white-space: nowrap` span, and only where Chromium would
 * break: each span is nodes that Paged.js walks, clones and measures, and
 * gluing every mark that must not start a line (1053 spans in issue 453,
 * now 163) cost a quarter of its layout time, for the same lines.
 * test/e2e/line-breaks.test.ts asks Chromium where it breaks and checks
 * that the glue covers every such place. (A WORD JOINER would glue with
 * less markup, but no CJK font carries U+2060, so Chromium would take a
 * system font for it and embed that too.)
 */

import { CLOSING_MARKS, OPENING_MARKS } from '../../page/marks.js';

/** Of the marks that must not start a line (NO_LINE_START), the ones Chromium may still start a line with under `line-break: strict` (see above). */
export const CHROMIUM_LINE_STARTS = '—·%‰℃';

/** A piece of text; `glued` pieces must not be broken across lines, `long` ones may break anywhere. */
export interface Segment {
  text: string;
  glued: boolean;
  long?: boolean;
}

/**
 * A string of this many characters without a space (a URL, an e-mail
 * address, a serial number, a long Latin word) may break between any two of
 * them. Unbroken, it would go to the next line whole and leave the line
 * before it spread out (实　　践　　证　　明), or run past the margin if it is
 * longer than a line.
 */
export const LONG_RUN = 12;
const LONG = new RegExp(`[\\x21-\\x7E]{${LONG_RUN},}`, 'gu');

/** A free segment split at its long strings. */
function splitLong(segment: Segment): Segment[] {
  if (segment.glued) return [segment];
  const pieces: Segment[] = [];
  let at = 0;
  for (const match of segment.text.matchAll(LONG)) {
    if (match.index > at) pieces.push({ text: segment.text.slice(at, match.index), glued: false });
    pieces.push({ text: match[0], glued: false, long: true });
    at = match.index + match[0].length;
  }
  if (at < segment.text.length) pieces.push({ text: segment.text.slice(at), glued: false });
  return pieces;
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
    // A closing mark before an opening one is glued to what precedes it, so
    // that the pair straddles a span's edge: Chromium then lets a line end
    // on the closing mark (which the layout script sets half-width) where,
    // with the pair in one run of text, it moved the word before it to the
    // next line; with the glue, issues keep the lines they were set with.
    // A Han character and a Latin letter or digit next to it stay together:
    // Chromium's text-autospace puts no gap across an element boundary, so
    // they must never fall on both sides of a glue span's edge.
    const next = chars[i + 1];
    const beforeOpening = CLOSING_MARKS.includes(ch) && next !== undefined && OPENING_MARKS.includes(next);
    return CHROMIUM_LINE_STARTS.includes(ch) || beforeOpening || (isHan(prev) && isLatin(ch)) || (isLatin(prev) && isHan(ch));
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
  return segments.flatMap(splitLong);
}
