import type { Text } from 'hast';
import { trimLines } from 'trim-lines';
import type { NodeHandler } from './handler.js';

/** Text, with the spaces around its line ends dropped, as CommonMark renders it (the line ends: markdown-to-html.ts). */
export const text: NodeHandler<'text'> = (state, node) => {
  const result: Text = { type: 'text', value: trimLines(node.value) };
  state.patch(node, result);
  return state.applyData(node, result);
};
