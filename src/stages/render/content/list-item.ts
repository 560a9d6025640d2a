import type { ElementContent } from 'hast';
import { elementFrom } from './element.js';
import type { NodeHandler } from './handler.js';
import { itemMarker } from './list.js';
import { markerSpan } from './marker.js';

/**
 * A list item: its marker, then its first paragraph's text in the item
 * itself (so that the marker hangs before the first line), then any further
 * paragraphs and a nested list.
 */
export const listItem: NodeHandler<'listItem'> = (state, node, parent) => {
  const ordered = parent?.type === 'list' && parent.ordered === true;
  const number = parent?.type === 'list' ? (parent.start ?? 1) + parent.children.indexOf(node) : 1;
  const children: ElementContent[] = [markerSpan(itemMarker(node.data?.marker, ordered, number))];
  node.children.forEach((child, i) => {
    if (i === 0 && child.type === 'paragraph') children.push(...state.all(child));
    else children.push(...([state.one(child, node)].flat().filter(Boolean) as ElementContent[]));
  });
  return elementFrom(state, node, 'li', children);
};
