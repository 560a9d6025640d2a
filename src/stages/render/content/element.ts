import type { Element, ElementContent, Properties } from 'hast';
import type { Nodes } from 'mdast';
import type { State } from 'mdast-util-to-hast';

/** A hast element made from an mdast node, carrying the node's source position (for messages after layout). */
export function elementFrom(state: State, node: Nodes, tagName: string, children: ElementContent[], properties: Properties = {}): Element {
  const result: Element = { type: 'element', tagName, properties, children };
  state.patch(node, result);
  return state.applyData(node, result);
}
