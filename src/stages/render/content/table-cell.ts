import type { ElementContent } from 'hast';
import { toString } from 'mdast-util-to-string';
import { elementFrom } from './element.js';
import type { NodeHandler } from './handler.js';
import { figureParts, placementOf } from './table-layout.js';

/**
 * A table cell, as its table's layout places it: a header cell or a body
 * cell, its spans, its alignment (a class the edition's CSS sets), and its
 * source line, by which a cell that does not reach the page is reported,
 * and its column, by which the layout script fits the columns' widths.
 * A figure is split at its units digit (`<span class="units">1,234</span>
 * <span class="decimals">.5%</span>`), so that the layout script can align
 * a column's figures there.
 */
export const tableCell: NodeHandler<'tableCell'> = (state, node) => {
  const placement = placementOf(node);
  if (!placement) throw new Error('a table cell outside its table’s layout');
  const properties = {
    ...(placement.rowSpan > 1 ? { rowSpan: placement.rowSpan } : {}),
    ...(placement.colSpan > 1 ? { colSpan: placement.colSpan } : {}),
    // In the first column: no rule at its left (an open table).
    className: [`align-${placement.align}`, ...(placement.column === 0 ? ['first'] : [])],
    dataLine: node.position?.start.line,
    dataColumn: placement.column,
  };
  const children: ElementContent[] =
    placement.align === 'number'
      ? figureParts(toString(node).trim()).map((part, i) => ({
          type: 'element',
          tagName: 'span',
          properties: { className: [i === 0 ? 'units' : 'decimals'] },
          children: [{ type: 'text', value: part }],
        }))
      : state.all(node);
  return elementFrom(state, node, placement.header ? 'th' : 'td', children, properties);
};
