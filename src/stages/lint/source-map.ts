import type { Place } from '../../diagnostics.js';

/**
 * Where the pieces of a linted string stand in the source file. A string is
 * glued together from Markdown text nodes or a YAML value; each piece that is
 * spelled in the file exactly as in the string is `exact`, so offsets inside it
 * map one to one and a fix can be applied there. Other pieces (escapes,
 * entities, quoted YAML) map to where they start, for messages only.
 */
export interface Span {
  textStart: number;
  sourceStart: number;
  length: number;
  exact: boolean;
}

/** Spans for `value`, found in order within source[from, to). */
export function locate(value: string, textStart: number, source: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  let cursor = from;
  let at = textStart;
  for (const piece of value.split('\n')) {
    const found = piece === '' ? -1 : source.indexOf(piece, cursor);
    if (found >= 0 && found + piece.length <= to) {
      spans.push({ textStart: at, sourceStart: found, length: piece.length, exact: true });
      cursor = found + piece.length;
    } else if (piece !== '') {
      spans.push({ textStart: at, sourceStart: cursor, length: piece.length, exact: false });
    }
    at += piece.length + 1;
  }
  return spans;
}

/** The source offset of a string offset, and whether it is exact. */
export function toSource(spans: readonly Span[], offset: number): { at: number; exact: boolean } {
  const span = spans.findLast((s) => s.textStart <= offset) ?? spans[0];
  if (!span) return { at: 0, exact: false };
  const inside = offset - span.textStart;
  if (span.exact && inside <= span.length) return { at: span.sourceStart + inside, exact: true };
  return { at: span.sourceStart, exact: false };
}

/** Whether string range [start, end) lies in one exact span, so that a fix can replace it in the file. */
export function exactRange(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => s.exact && s.textStart <= start && end <= s.textStart + s.length);
}

export interface LineIndex {
  /** file:line:column of a source offset, as an editor counts them (UTF-16 columns, like mdast). */
  place(offset: number): Place;
  /** The source offset of a 1-based line and column. */
  offset(line: number, column: number): number;
}

export function lineIndex(source: string, file: string): LineIndex {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    place(offset) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid]! <= offset) low = mid;
        else high = mid - 1;
      }
      return { file, line: low + 1, column: offset - starts[low]! + 1 };
    },
    offset: (line, column) => (starts[line - 1] ?? source.length) + column - 1,
  };
}
