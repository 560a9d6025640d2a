import type { Element } from 'hast';
import { elementFrom } from './element.js';
import type { NodeHandler } from './handler.js';
import { layoutOf } from './table-layout.js';

/**
 * A table row: the cells of it that print (a cell merged into another does
 * not), each spanning as its table's layout says. A row with fewer cells
 * than the header is given empty ones, so that columns line up.
 */
export const tableRow: NodeHandler<'tableRow'> = (state, node, parent) => {
  if (parent?.type !== 'table') throw new Error('a table row outside a table');
  const index = parent.children.indexOf(node);
  const line = node.position?.start.line;
  const cells = layoutOf(parent).rows[index]!.map(
    (cell): Element =>
      cell.node
        ? (state.one(cell.node, node) as Element)
        : {
            type: 'element',
            tagName: index === 0 ? 'th' : 'td',
            properties: { className: cell.column === 0 ? ['first'] : [], dataLine: line, dataColumn: cell.column },
            children: [],
          },
  );
  return elementFrom(state, node, 'tr', cells);
};
