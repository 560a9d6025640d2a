import { elementFrom } from './element.js';
import type { NodeHandler } from './handler.js';

/** A hard line break (a line ending in “\” or two spaces): the line ends there in print too. */
export const hardBreak: NodeHandler<'break'> = (state, node) => [elementFrom(state, node, 'br', []), { type: 'text', value: '\n' }];
