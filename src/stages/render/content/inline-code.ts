import { elementFrom } from './element.js';
import type { NodeHandler } from './handler.js';

/** Inline code (`…`): set in the style's monospace face (TrueType, subset with the other fonts). */
export const inlineCode: NodeHandler<'inlineCode'> = (state, node) =>
  elementFrom(state, node, 'code', [{ type: 'text', value: node.value.replace(/\n/g, ' ') }]);
