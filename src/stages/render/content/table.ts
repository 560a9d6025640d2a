import type { Element } from 'hast';
import type { NodeHandler } from './handler.js';
import { elementFrom } from './element.js';

/**
 * A GFM table: its first row is the header (<thead>), the others the body.
 * Plain for now: every cell's text, in the cell it was written in.
 */
export const table: NodeHandler<'table'> = (state, node) => {
  const [head, ...body] = state.all(node) as Element[];
  const sections: Element[] = [];
  if (head) sections.push({ type: 'element', tagName: 'thead', properties: {}, children: [head] });
  if (body.length > 0) sections.push({ type: 'element', tagName: 'tbody', properties: {}, children: body });
  return elementFrom(state, node, 'table', sections);
};
