import type { Element } from 'hast';

/** A list's bullet: the style sheet sets its size and place. */
export const BULLET = '●';

/** A list item's number or bullet as it prints, in a box of the list's hanging indent (styles: .marker). */
export const markerSpan = (text: string): Element => ({
  type: 'element',
  tagName: 'span',
  properties: { className: ['marker'] },
  children: [{ type: 'text', value: text }],
});

// Advance widths in em of the body face's characters (Noto Serif SC): digits and Latin
// about half an em, stops and brackets a third; anything else (Han, full-width marks, ①) one em,
// but an opening bracket that starts the marker starts a line, where the style sets it half-width.
const NARROW = /[0-9A-Za-z]/;
const THIN = /[.,:;()[\]]/;
const OPENING = /^[（〔【《〈「『“‘]/u;

/**
 * The hanging indent a list needs for its widest marker, in em, rounded up to
 * a quarter: the items' text then lines up after their markers. A property of
 * the content, so it is computed here; the style sheet uses it (--marker-width).
 */
export function markerWidth(markers: readonly string[]): string {
  const width = (marker: string) =>
    [...marker].reduce((sum, ch) => sum + (NARROW.test(ch) ? 0.56 : THIN.test(ch) ? 0.34 : 1), 0) - (OPENING.test(marker) ? 0.5 : 0);
  const widest = Math.max(1, ...markers.map(width));
  return `${Math.ceil(widest * 4) / 4}em`;
}
