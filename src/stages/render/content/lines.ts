import type { ElementContent } from 'hast';
import type { Paragraph, PhrasingContent } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import { EXIT, visit } from 'unist-util-visit';

/**
 * One line of a paragraph as hast, without the `prefix` it starts with (a
 * list number or a label such as 注：, which the caller sets apart; the
 * line's text starts with it) and the white space around that prefix.
 */
export function lineWithout(state: State, paragraph: Paragraph, line: readonly PhrasingContent[], prefix = ''): ElementContent[] {
  const copy: Paragraph = { type: 'paragraph', children: structuredClone(line) as PhrasingContent[] };
  let left = prefix;
  visit(copy, 'text', (text) => {
    const value = text.value.replace(/^\s+/u, '');
    const cut = Math.min(left.length, value.length);
    left = left.slice(cut);
    text.value = left === '' ? value.slice(cut).replace(/^\s+/u, '') : '';
    return text.value === '' ? undefined : EXIT;
  });
  return copy.children.flatMap((node) => [state.one(node, paragraph)].flat().filter(Boolean) as ElementContent[]);
}
