import type { Element } from 'hast';
import type { Paragraph } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import { enumeratorOf, lineText, listLevels, type MarkerStyle, splitLines } from '../../load/conventions.js';
import { elementFrom } from './element.js';
import { lineWithout } from './lines.js';
import { markerSpan, markerWidth } from './marker.js';

const listElement = (style: MarkerStyle, markers: string[], nested: boolean): Element => ({
  type: 'element',
  tagName: 'ol',
  properties: { className: ['list', style, ...(nested ? ['nested'] : [])], style: `--marker-width: ${markerWidth(markers)}` },
  children: [],
});

/**
 * Numbered lines (（一）… （二）… or 一、… 1.… ①…, one item a line, conventions.ts)
 * as a list: each number as written, hanging; lines in a second numbering
 * style are nested under the item before them.
 */
export function lineList(state: State, node: Paragraph): Element {
  const lines = splitLines(node);
  const texts = lines.map(lineText);
  const { levels, styles } = listLevels(texts)!;
  const markers = texts.map((text) => enumeratorOf(text)!.marker);
  const outer = listElement(
    styles[0]!,
    markers.filter((_, i) => levels[i] === 1),
    false,
  );
  let inner: Element | undefined;
  lines.forEach((line, i) => {
    const item: Element = {
      type: 'element',
      tagName: 'li',
      properties: {},
      children: [markerSpan(markers[i]!), ...lineWithout(state, node, line, markers[i])],
    };
    const parentItem = outer.children.at(-1) as Element | undefined;
    if (levels[i] === 1 || !parentItem) {
      outer.children.push(item);
      inner = undefined;
      return;
    }
    if (!inner) {
      inner = listElement(
        styles[1]!,
        markers.filter((_, j) => levels[j] === 2),
        true,
      );
      parentItem.children.push(inner);
    }
    inner.children.push(item);
  });
  return elementFrom(state, node, 'ol', outer.children as Element[], outer.properties);
}
