import type { Element, ElementContent } from 'hast';
import type { Paragraph } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import { type BlockKind, enumeratorOf, LABELS, lineText, splitLines } from '../../load/conventions.js';
import { elementFrom } from './element.js';
import { lineWithout } from './lines.js';
import { markerSpan, markerWidth } from './marker.js';

const span = (className: string, text: string): Element => ({
  type: 'element',
  tagName: 'span',
  properties: { className: [className] },
  children: [{ type: 'text', value: text }],
});

/**
 * A note block (注：…) or annex list (附件：…): the label hangs before the
 * first line, and each line is set under the one before, after the label;
 * a line that starts with a number (1. ①) hangs that number too.
 */
export function labelBlock(state: State, node: Paragraph, kind: BlockKind): Element {
  const label = LABELS[kind]!;
  const lines = splitLines(node);
  const texts = lines.map((line, i) => (i === 0 ? lineText(line).slice(label.length) : lineText(line)).trim());
  const markers = texts.map((text) => enumeratorOf(text)?.marker);
  const numbered = markers.filter((m): m is string => m !== undefined);
  const paragraphs = lines.map((line, i): Element => {
    const marker = markers[i];
    const children: ElementContent[] = [
      ...(i === 0 ? [span('label', label)] : []),
      ...(marker ? [markerSpan(marker)] : []),
      ...lineWithout(state, node, line, `${i === 0 ? label : ''}${marker ?? ''}`),
    ];
    const className = [...(i === 0 ? ['label-line'] : []), ...(marker ? ['item'] : [])];
    return { type: 'element', tagName: 'p', properties: className.length ? { className } : {}, children };
  });
  const style = `--label-width: ${markerWidth([label])}; --marker-width: ${markerWidth(numbered)}`;
  return elementFrom(state, node, 'div', paragraphs, { className: ['label-block', kind], style });
}
