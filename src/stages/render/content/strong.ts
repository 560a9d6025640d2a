import { elementFrom } from './element.js';
import type { NodeHandler } from './handler.js';

/** Bold: a run-in head when it opens a paragraph, set in 黑体 (styles/<edition>/20-text.css). */
export const strong: NodeHandler<'strong'> = (state, node) => elementFrom(state, node, 'strong', state.all(node));
