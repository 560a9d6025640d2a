import type { Place } from './diagnostics.js';

/** The source line a diagnostic points at (the part of it around the column, when it is long), and a caret under the column. */
export interface Excerpt {
  /** The line's text without its line end; a long line is cut to the part around the column, with “…” where it was cut. */
  text: string;
  /** The column in `text` (1-based, UTF-16 units); absent when the diagnostic names none. */
  column?: number;
  /** Spaces (tabs where the text has tabs) as wide on a terminal as `text` before the column, then `^`. */
  caret?: string;
}

/** Characters kept before and after the column of a long line. */
const BEFORE = 16;
const AFTER = 24;

/**
 * Wide (two-column) characters on a terminal: Hangul Jamo, CJK radicals to
 * Yi, Hangul syllables, compatibility ideographs, vertical and full-width
 * forms, and the supplementary ideographic planes. An approximation of
 * Unicode's East Asian Width (W, F), which JavaScript's regular expressions
 * do not know.
 */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

/** Columns a text takes on a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/**
 * The excerpt for a place in `source` (the text of place.file): its line,
 * and a caret under its column (1-based, in UTF-16 units, as unified counts
 * them). Undefined when the place names no line or a line the text lacks.
 */
export function excerptAt(place: Place, source: string): Excerpt | undefined {
  if (place.line === undefined) return undefined;
  const line = source.split('\n')[place.line - 1]?.replace(/\r$/, '');
  if (line === undefined) return undefined;
  const chars = [...line];
  if (place.column === undefined) return { text: chars.length > BEFORE + AFTER ? `${chars.slice(0, BEFORE + AFTER).join('')}…` : line };
  // The column counts UTF-16 units; cut by characters, so that no surrogate pair is split.
  const at = [...line.slice(0, Math.max(0, place.column - 1))].length;
  const start = Math.max(0, at - BEFORE);
  const end = Math.min(chars.length, at + AFTER);
  const before = `${start > 0 ? '…' : ''}${chars.slice(start, at).join('')}`;
  const text = `${before}${chars.slice(at, end).join('')}${end < chars.length ? '…' : ''}`;
  const caret = `${[...before].map((ch) => (ch === '\t' ? '\t' : ' '.repeat(displayWidth(ch)))).join('')}^`;
  return { text, column: before.length + 1, caret };
}
