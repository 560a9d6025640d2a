// Where the next page begins, Paged.js 0.4.3 records as a source text node
// and an offset. It finds that node by its text: the first text node of the
// source element whose text contains the rendered one's (indexOfTextNode).
// Chinese text here is cut into many short text nodes (punctuation marks are
// elements of their own), so a short node such as “202” (of “2021年”) matched
// an earlier one (“2020年…”) and the next page began again from there: a
// sentence printed twice, which the completeness check reports
// (block-repeated).
//
// Where the element began on this page, its rendered children are its source
// children, in order, so the node is the source child at the same index; the
// break token is moved there when that child has the same text. An element
// continued from the page before (data-split-from) is left to Paged.js.
function findBreaksByPosition() {
  class BuildIssueBreakTokens extends Paged.Handler {
    onBreakToken(token, overflow) {
      if (!token?.node || !overflow) return undefined;
      const { startContainer: container, startOffset } = overflow;
      const text = container.nodeType === Node.TEXT_NODE ? container : container.childNodes[startOffset];
      if (text?.nodeType !== Node.TEXT_NODE) return undefined;
      const rendered = text.parentElement;
      if (!rendered || rendered.hasAttribute('data-split-from')) return undefined;
      const index = Array.prototype.indexOf.call(rendered.childNodes, text);
      // Paged.js breaks before the whole element at its first text node; it found the element rightly.
      if (index <= 0) return undefined;
      const source = token.node.nodeType === Node.TEXT_NODE ? token.node.parentElement : token.node;
      if (!source || source.getAttribute('data-ref') !== rendered.getAttribute('data-ref')) return undefined;
      const same = source.childNodes[index];
      if (!same || same === token.node || same.nodeType !== Node.TEXT_NODE || same.textContent !== text.textContent) return undefined;
      token.node = same;
      token.offset = container === text ? startOffset : 0;
      return token;
    }
  }
  Paged.registerHandlers(BuildIssueBreakTokens);
}
