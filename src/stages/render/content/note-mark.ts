import type { Element } from 'hast';

/** A note's mark in the text: superscript, after what it annotates. */
export const noteRef = (mark: string): Element => ({
  type: 'element',
  tagName: 'sup',
  properties: { className: ['note-ref'] },
  children: [{ type: 'text', value: mark }],
});
