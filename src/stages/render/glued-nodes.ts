import type { ElementContent } from 'hast';
import { segmentForLineBreaking } from './cjk-text.js';

/** A text as hast nodes: glued runs in `<span class="nb">`, long strings in `<span class="long">`, the rest as text. */
export function gluedNodes(text: string, paragraphEnd: boolean): ElementContent[] {
  return segmentForLineBreaking(text, { paragraphEnd }).map(
    (segment): ElementContent =>
      segment.glued || segment.long
        ? {
            type: 'element',
            tagName: 'span',
            properties: { className: [segment.glued ? 'nb' : 'long'] },
            children: [{ type: 'text', value: segment.text }],
          }
        : { type: 'text', value: segment.text },
  );
}
