import type { Element, ElementContent, Root as HastRoot, Text } from 'hast';
import { visit } from 'unist-util-visit';
import { displayNodes } from './display/display-html.js';
import { gluedNodes } from './glued-nodes.js';

/**
 * Line breaking in the HTML of an article body: the glue of render/cjk-text.ts
 * as spans (display text marked between phrases instead), text nodes joined
 * so that it can span them, the line ends of the source joined as Chinese
 * joins them, and the gap beside inline code.
 */

export function textOf(node: Element | HastRoot | Text): string {
  if (node.type === 'text') return node.value;
  let text = '';
  visit(node, 'text', (t: Text) => {
    text += t.value;
  });
  return text;
}

function lastText(node: Element): Text | undefined {
  let last: Text | undefined;
  visit(node, 'text', (t: Text) => {
    if (t.value.trim() !== '') last = t;
  });
  return last;
}

/**
 * A line end inside a paragraph (the source wrapped there) is no space in
 * Chinese: it goes, unless it stands between two Latin words, where it is one.
 */
const joinLines = (value: string) =>
  value.replace(/(.)\n(?=(.))/gu, (_, before: string, after: string) =>
    /[\x21-\x7E]/.test(before) && /[\x21-\x7E]/.test(after) ? `${before} ` : before,
  );

/**
 * Joins text nodes that follow each other (a link's text and the text around
 * it), so that glue can span them, and the lines of each.
 */
function joinTexts(tree: HastRoot): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const children = node.children as ElementContent[];
    for (let i = children.length - 1; i > 0; i--) {
      const [before, after] = [children[i - 1]!, children[i]!];
      if (before.type === 'text' && after.type === 'text') {
        before.value += after.value;
        children.splice(i, 1);
      }
    }
  });
  visit(tree, 'text', (t: Text) => {
    t.value = joinLines(t.value);
  });
}

/** Display text in the body: section headings, and the bold head a paragraph runs in with. */
function displayTexts(tree: HastRoot): Set<Text> {
  const texts = new Set<Text>();
  const add = (el: Element) => visit(el, 'text', (t: Text) => void texts.add(t));
  for (const node of tree.children) {
    if (node.type !== 'element') continue;
    if (/^h[1-6]$/.test(node.tagName)) add(node);
    const first = node.children.find((c: ElementContent) => c.type !== 'text' || c.value.trim() !== '');
    if (node.tagName === 'p' && first?.type === 'element' && first.tagName === 'strong') add(first);
  }
  return texts;
}

/**
 * Glue for line breaking in every text node, and no 孤字 at the end of a
 * paragraph, a list item or a table cell; display text is marked between phrases instead (display/).
 */
export function glueText(tree: HastRoot): void {
  joinTexts(tree);
  const paragraphEnds = new Set<Text>();
  visit(tree, 'element', (el: Element) => {
    if (!['p', 'li', 'td', 'th'].includes(el.tagName)) return;
    const last = lastText(el);
    if (last) paragraphEnds.add(last);
  });
  const display = displayTexts(tree);
  visit(tree, 'text', (t: Text, index, parent) => {
    if (!parent || index === undefined) return;
    const nodes = display.has(t) ? displayNodes(t.value) : gluedNodes(t.value, paragraphEnds.has(t));
    parent.children.splice(index, 1, ...(nodes as never[]));
    return index + nodes.length;
  });
}

const isHan = (ch: string | undefined) => ch !== undefined && /\p{Script=Han}/u.test(ch);

/**
 * Chromium's text-autospace sets a gap between Han and Latin only within one
 * element: next to Han, inline code gets the gap from the style sheet
 * (classes space-before, space-after).
 */
export function spaceAroundCode(tree: HastRoot): void {
  visit(tree, 'element', (el: Element, index, parent) => {
    if (el.tagName !== 'code' || !parent || index === undefined) return;
    const before = parent.children[index - 1];
    const after = parent.children[index + 1];
    const className = [
      ...(before && isHan([...textOf(before as Element)].at(-1)) ? ['space-before'] : []),
      ...(after && isHan([...textOf(after as Element)][0]) ? ['space-after'] : []),
    ];
    if (className.length > 0) el.properties = { ...el.properties, className };
  });
}
