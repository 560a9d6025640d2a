import type { ElementContent } from 'hast';
import { elementFrom } from './element.js';
import type { NodeHandler } from './handler.js';

/**
 * A note of the article's notes list (notes.ts builds the list): its mark,
 * hanging, then its text; a note of several paragraphs keeps them.
 */
export const footnoteDefinition: NodeHandler<'footnoteDefinition'> = (state, node) => {
  const mark: ElementContent = {
    type: 'element',
    tagName: 'span',
    properties: { className: ['note-mark'] },
    children: [{ type: 'text', value: node.data?.noteMark ?? '' }],
  };
  const [first, ...rest] = node.children;
  const children: ElementContent[] = [mark];
  if (first?.type === 'paragraph') children.push(...state.all(first));
  else if (first) children.push(...([state.one(first, node)].flat().filter(Boolean) as ElementContent[]));
  for (const child of rest) children.push(...([state.one(child, node)].flat().filter(Boolean) as ElementContent[]));
  return elementFrom(state, node, 'li', children, { className: ['note'] });
};
