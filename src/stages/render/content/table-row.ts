import type { Element } from 'hast';
import type { NodeHandler } from './handler.js';
import { elementFrom } from './element.js';

/**
 * A table row: header cells in the table's first row, body cells after it.
 * A row with fewer cells than the header is given empty ones, so columns line up.
 */
export const tableRow: NodeHandler<'tableRow'> = (state, node, parent) => {
  const header = parent?.type === 'table' && parent.children[0] === node;
  const columns = parent?.type === 'table' ? (parent.children[0]?.children.length ?? 0) : node.children.length;
  const cells = (state.all(node) as Element[]).map((cell) => ({ ...cell, tagName: header ? 'th' : 'td' }));
  while (cells.length < columns) cells.push({ type: 'element', tagName: header ? 'th' : 'td', properties: {}, children: [] });
  return elementFrom(state, node, 'tr', cells);
};
