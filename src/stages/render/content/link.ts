import type { ElementContent } from 'hast';
import { linkNeedsNote } from '../../load/notes.js';
import type { NodeHandler } from './handler.js';
import { noteRef } from './note-mark.js';

/**
 * A link prints its text: print has no links. A URL that differs from the
 * text prints as a note (its mark after the text, the URL in the notes
 * list); inside a note, where there is no note to add, it follows the text
 * in brackets.
 */
export const link: NodeHandler<'link'> = (state, node) => {
  const text = state.all(node);
  const mark = node.data?.noteMark;
  if (mark) return [...text, noteRef(mark)];
  if (!linkNeedsNote(node)) return text;
  const url: ElementContent = { type: 'text', value: `（${node.url}）` };
  return [...text, url];
};
