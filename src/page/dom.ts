/** Node kinds, by nodeType as the page code has always tested them. */
export const isText = (node: Node | null | undefined): node is Text => node?.nodeType === Node.TEXT_NODE;
export const isElement = (node: Node | null | undefined): node is Element => node?.nodeType === Node.ELEMENT_NODE;

/** A place in a text: the character at `offset` of `node`. */
export interface TextPosition {
  node: Text;
  offset: number;
}

/** Every text node under `root`, in document order. */
export function textNodesOf(root: Node): Text[] {
  const texts: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (isText(node)) texts.push(node);
  return texts;
}
