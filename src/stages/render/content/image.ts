import { elementFrom } from './element.js';
import type { NodeHandler } from './handler.js';

/** An image, alone in its paragraph (the load stage rejects one inside a sentence); render/images.ts has inlined its file. */
export const image: NodeHandler<'image'> = (state, node) =>
  elementFrom(state, node, 'img', [], { src: node.url, alt: node.alt ?? '', ...(node.data?.file ? { dataFile: node.data.file } : {}) });
