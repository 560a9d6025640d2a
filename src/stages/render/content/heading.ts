import type { NodeHandler } from './handler.js';
import { elementFrom } from './element.js';

/** A section heading (###): the load stage lets no other depth into an article body. */
export const heading: NodeHandler<'heading'> = (state, node) => elementFrom(state, node, `h${node.depth}`, state.all(node));
