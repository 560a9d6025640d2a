import type { Element } from 'hast';
import { markdownMarkerStyle } from '../../load/conventions.js';
import { elementFrom } from './element.js';
import type { NodeHandler } from './handler.js';
import { BULLET, markerWidth } from './marker.js';

/** The marker of a Markdown list's item as it prints: its number as the editor wrote it, or the bullet. */
export const itemMarker = (marker: string | undefined, ordered: boolean, number: number): string =>
  !ordered ? BULLET : marker && /^\d/.test(marker) ? marker : `${number}.`;

/**
 * A Markdown list (`1.` or `-`): numbered as written, or bulleted, each item
 * with a hanging indent as wide as the widest marker; a list inside an item
 * is nested one level (the load stage rejects deeper ones).
 */
export const list: NodeHandler<'list'> = (state, node, parent) => {
  const start = node.start ?? 1;
  const markers = node.children.map((item, i) => itemMarker(item.data?.marker, node.ordered === true, start + i));
  const style = node.ordered ? markdownMarkerStyle(node.children[0]?.data?.marker) : 'bullet';
  const nested = parent?.type === 'listItem';
  return elementFrom(state, node, node.ordered ? 'ol' : 'ul', state.all(node) as Element[], {
    className: ['list', style, ...(nested ? ['nested'] : [])],
    style: `--marker-width: ${markerWidth(markers)}`,
  });
};
