// Where the next page begins, Paged.js 0.4.3 records as a source text node
// and an offset, and it finds both by the text: the node is the first text
// node of the source element that contains the rendered one's text
// (indexOfTextNode), and the offset where that text first occurs in it
// (createBreakToken: `offset += node.textContent.indexOf(…)`). Text that
// repeats itself defeats both: a short node such as “202” (of “2021年”)
// matched an earlier “2020年…”, and in a paragraph whose text repeats
// (学习贯彻党的二十大精神，推动高质量发展。 ×80) the rest of a page's last
// line was found again near its start. The next page then began again from
// there: text printed twice (block-repeated), and after long runs of it the
// blocks that followed were lost.
//
// Nothing here searches by content. Every text node Paged.js renders is
// recorded with the source node it was cloned from and where in it the
// clone starts (a page that begins inside a text node renders the node's
// text from the break on); the break token is then the source node and
// that start plus the offset in the rendered node. A token that already
// says the same, or breaks before the whole element at its first
// character, is left as it is.
import { isText } from './dom.js';

/** The source text node a rendered one was cloned from, and where in it the clone's text starts. */
interface Origin {
  node: Node;
  start: number;
}

export function findBreaksByPosition(): void {
  const origins = new WeakMap<Node, Origin>();
  const record = (clone: Node, source: Node): void => {
    if (isText(clone)) {
      origins.set(clone, { node: source, start: source.textContent!.length - clone.textContent.length });
      return;
    }
    // A deep clone (an element Paged.js does not walk into): its text nodes start at 0.
    for (let c = clone.firstChild, s = source.firstChild; c && s; c = c.nextSibling, s = s.nextSibling) record(c, s);
  };
  class BuildIssueBreakTokens extends Paged.Handler {
    override renderNode(clone: Node | undefined, node: Node | undefined): void {
      if (clone && node && (isText(clone) || clone.firstChild)) record(clone, node);
    }

    override onBreakToken(token: Paged.BreakToken | undefined, overflow: Range | undefined): Paged.BreakToken | undefined {
      if (!token?.node || !overflow) return undefined;
      const { startContainer: container, startOffset } = overflow;
      const text = isText(container) ? container : container.childNodes[startOffset];
      const origin = isText(text) ? origins.get(text) : undefined;
      if (!origin) return undefined;
      const offset = origin.start + (container === text ? startOffset : 0);
      if (token.node === origin.node && token.offset === offset) return undefined;
      // Paged.js breaks before the whole element where the break is at its first character.
      if (!isText(token.node) && offset === 0 && token.node.firstChild === origin.node) return undefined;
      token.node = origin.node;
      token.offset = offset;
      return token;
    }
  }
  Paged.registerHandlers(BuildIssueBreakTokens);
}
