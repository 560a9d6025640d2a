import type { ElementContent } from 'hast';
import type { Paragraph } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import { splitLines } from '../../load/conventions.js';
import { elementFrom } from './element.js';
import { lineWithout } from './lines.js';

/** A signature (落款): the issuing bodies and the date, each line flush right. */
export function signature(state: State, node: Paragraph) {
  const lines = splitLines(node).map((line) => lineWithout(state, node, line));
  const children = lines.flatMap((line, i): ElementContent[] => [
    ...(i > 0 ? [{ type: 'element' as const, tagName: 'br', properties: {}, children: [] }] : []),
    ...line,
  ]);
  return elementFrom(state, node, 'p', children, { className: ['signature'] });
}
