import type { Image } from 'mdast';
import { elementFrom } from './element.js';
import { figure } from './figure.js';
import type { NodeHandler } from './handler.js';
import { labelBlock } from './label-block.js';
import { lineList } from './line-list.js';
import { signature } from './signature.js';

/**
 * A paragraph, by the convention the load stage found it to follow
 * (load/conventions.ts): running text (a run-in head when it opens in bold:
 * markdown-to-html.ts), numbered lines, a note block or annex list, an
 * annex heading, a signature; or an image on a line of its own.
 */
export const paragraph: NodeHandler<'paragraph'> = (state, node) => {
  const kind = node.data?.kind;
  if (kind === 'list') return lineList(state, node);
  if (kind === 'note-block' || kind === 'annex-list') return labelBlock(state, node, kind);
  if (kind === 'signature') return signature(state, node);
  if (kind === 'annex-heading') return elementFrom(state, node, 'p', state.all(node), { className: ['annex-heading'] });
  const content = node.children.filter((c) => c.type !== 'text' || c.value.trim() !== '');
  if (content.length === 1 && content[0]!.type === 'image') return figure(state, node, content[0] as Image);
  return elementFrom(state, node, 'p', state.all(node));
};
