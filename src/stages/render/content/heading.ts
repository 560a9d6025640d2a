import { elementFrom } from './element.js';
import type { NodeHandler } from './handler.js';

/** A section heading (###): the load stage lets no other depth into an article body. */
export const heading: NodeHandler<'heading'> = (state, node) => elementFrom(state, node, `h${node.depth}`, state.all(node));
