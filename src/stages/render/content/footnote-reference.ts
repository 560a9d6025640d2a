import type { NodeHandler } from './handler.js';
import { noteRef } from './note-mark.js';

/** A note reference (`[^1]`): its mark, numbered in its article by the load stage (load/notes.ts). */
export const footnoteReference: NodeHandler<'footnoteReference'> = (state, node) => {
  const mark = node.data?.noteMark;
  if (!mark) throw new Error(`note [^${node.identifier}] reached the render stage without a mark (load/notes.ts)`);
  const result = noteRef(mark);
  state.patch(node, result);
  return result;
};
