import type { NodeHandler } from './handler.js';
import { elementFrom } from './element.js';

/** A table cell; its row decides whether it is a header cell (table-row.ts). */
export const tableCell: NodeHandler<'tableCell'> = (state, node) => elementFrom(state, node, 'td', state.all(node));
