import type { Element } from 'hast';
import { elementFrom } from './element.js';
import type { NodeHandler } from './handler.js';

/** A quotation (`>`): indented on both sides and set in 楷体, as Chinese print sets block quotes. */
export const blockquote: NodeHandler<'blockquote'> = (state, node) => elementFrom(state, node, 'blockquote', state.all(node) as Element[]);
