import type { Element } from 'hast';
import { elementFrom } from './element.js';
import type { NodeHandler } from './handler.js';
import { layoutOf } from './table-layout.js';

/**
 * A GFM table: its first row is the header (<thead>), repeated on every page
 * the table continues onto (page/tables), unless it is empty (a table without
 * a header); the other rows are the body. Merged cells and alignment come
 * from the table's layout (table-layout.ts).
 */
export const table: NodeHandler<'table'> = (state, node) => {
  const grid = layoutOf(node);
  const [head, ...body] = node.children.map((row) => state.one(row, node) as Element);
  const sections: Element[] = [];
  if (head && grid.header) sections.push({ type: 'element', tagName: 'thead', properties: {}, children: [head] });
  if (body.length > 0) sections.push({ type: 'element', tagName: 'tbody', properties: {}, children: body });
  return elementFrom(state, node, 'table', sections);
};
