import type { NodeHandler } from './handler.js';
import { elementFrom } from './element.js';

/** A paragraph of running text (its class, run-in head or figure, is given after sanitizing: markdown-to-html.ts). */
export const paragraph: NodeHandler<'paragraph'> = (state, node) => elementFrom(state, node, 'p', state.all(node));
