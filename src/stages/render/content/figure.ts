import type { Element } from 'hast';
import type { Image, Paragraph } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import { elementFrom } from './element.js';

/** An image on a line of its own: centred, its alt text printed under it as the caption (图1 …). */
export function figure(state: State, node: Paragraph, image: Image): Element {
  const img = [state.one(image, node)].flat()[0] as Element;
  const caption: Element[] = image.alt?.trim()
    ? [{ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: image.alt.trim() }] }]
    : [];
  return elementFrom(state, node, 'figure', [img, ...caption], { className: ['figure'] });
}
