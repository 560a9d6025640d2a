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
function findBreaksByPosition() {
  const origins = new WeakMap();
  const record = (clone, source) => {
    if (clone.nodeType === Node.TEXT_NODE) {
      origins.set(clone, { node: source, start: source.textContent.length - clone.textContent.length });
      return;
    }
    // A deep clone (an element Paged.js does not walk into): its text nodes start at 0.
    for (let c = clone.firstChild, s = source.firstChild; c && s; c = c.nextSibling, s = s.nextSibling) record(c, s);
  };
  class BuildIssueBreakTokens extends Paged.Handler {
    renderNode(clone, node) {
      if (clone && node && (clone.nodeType === Node.TEXT_NODE || clone.firstChild)) record(clone, node);
    }

    onBreakToken(token, overflow) {
      if (!token?.node || !overflow) return undefined;
      const { startContainer: container, startOffset } = overflow;
      const text = container.nodeType === Node.TEXT_NODE ? container : container.childNodes[startOffset];
      const origin = text?.nodeType === Node.TEXT_NODE ? origins.get(text) : undefined;
      if (!origin) return undefined;
      const offset = origin.start + (container === text ? startOffset : 0);
      if (token.node === origin.node && token.offset === offset) return undefined;
      // Paged.js breaks before the whole element where the break is at its first character.
      if (token.node.nodeType !== Node.TEXT_NODE && offset === 0 && token.node.firstChild === origin.node) return undefined;
      token.node = origin.node;
      token.offset = offset;
      return token;
    }
  }
  Paged.registerHandlers(BuildIssueBreakTokens);
}
