import { elementFrom } from './element.js';
import type { NodeHandler } from './handler.js';

/** Emphasis: set in the style's emphasis face (楷体 in 2023), never slanted. */
export const emphasis: NodeHandler<'emphasis'> = (state, node) => elementFrom(state, node, 'em', state.all(node));
