// Keep rules Paged.js 0.4.3 lacks, as a Paged.js handler: it has no widow or
// orphan control, and its break-after: avoid looks one element back only.
// When a page overflows, Paged.js gives the handler the Range of what does
// not fit; moving the Range's start earlier moves more to the next page:
//   - orphan: a paragraph leaves fewer than 2 lines at the foot of the page → it goes whole;
//   - widow: a paragraph would leave 1 line at the head of the next page → one more line goes;
//   - keep with next: column headers, titles, subtitles, bylines, section
//     headings and table captions (.snap) never end a page; they go with the
//     text they head;
//   - keep with previous: a signature (落款, .signature) never opens a page
//     alone; the last two lines of the text before it go with it;
//   - tables break between rows, a table's header never alone at the foot of
//     a page (tables.ts).
// Overflowing content sits in a second column to the right of the page
// (Paged.js lays pages out with CSS columns), so “on this page” means left of
// the page's right edge.
import { isElement, isText, type TextPosition, textNodesOf } from './dom.js';
import { tableBreak } from './tables.js';

/** The block's lines, one box each, those on the page (left of `edge`) first, top to bottom. */
function linesOf(el: Element, edge: number): DOMRect[] {
  const range = document.createRange();
  range.selectNodeContents(el);
  const tops = new Map<string, DOMRect>();
  for (const rect of range.getClientRects()) {
    if (rect.width === 0 || rect.height === 0) continue;
    const key = `${rect.left < edge ? 0 : 1}:${Math.round(rect.top)}`;
    if (!tops.has(key)) tops.set(key, rect);
  }
  const column = (rect: DOMRect) => (rect.left < edge ? 0 : 1);
  return [...tops.values()].sort((a, b) => column(a) - column(b) || a.top - b.top);
}

// A block that opens its wrapper (a title opening its article, a column
// header opening its column) is moved with the wrapper, so the wrapper's
// id and first fragment land on the same page as its first line.
function outermostStart(block: Element, rendered: Element): Element {
  let node = block;
  while (node.parentElement && node.parentElement !== rendered && node.parentElement.firstElementChild === node) {
    node = node.parentElement;
  }
  return node;
}

function rangeFrom(start: TextPosition, overflow: Range): Range {
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(overflow.endContainer, overflow.endOffset);
  return range;
}

// The text position where the given line of the block begins.
function lineStart(block: Element, line: DOMRect): TextPosition | undefined {
  const probe = document.createRange();
  for (const node of textNodesOf(block)) {
    for (let i = 0; i < node.length; i++) {
      probe.setStart(node, i);
      probe.setEnd(node, i + 1);
      const rect = probe.getBoundingClientRect();
      if (rect.width > 0 && Math.abs(rect.top - line.top) < 2 && Math.abs(rect.left - line.left) < 2) {
        return { node, offset: i };
      }
    }
  }
  return undefined;
}

export function registerKeepRules(): void {
  class BuildIssueKeepRules extends Paged.Handler {
    override onOverflow(overflow: Range, rendered: Element, bounds: DOMRect): Range | undefined {
      if (!overflow) return undefined;
      const edge = bounds.right;
      const onPage = (rect: DOMRect) => rect.left < edge && rect.width > 0;
      const blockOf = (node: Node) => (isElement(node) ? node : node.parentElement)?.closest('[data-block]') ?? undefined;
      const blocks = [...rendered.querySelectorAll('[data-block]')];
      const firstBlockFrom = (node: Node) => {
        if (isElement(node) && node.matches('[data-block]')) return node;
        return blocks.find(
          (b) => node.compareDocumentPosition(b) & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY),
        );
      };

      // Where the break is now: inside a block, or before one. Inside a table,
      // tables.ts says: before a row, before the whole table, or inside a row
      // taller than a page, where Paged.js found.
      let inside: Element | undefined;
      let before: Element | undefined;
      const inTable = tableBreak(overflow, rendered, bounds, this.chunker.source);
      const { startContainer: container, startOffset: offset } = overflow;
      if (inTable && 'split' in inTable) return undefined;
      if (inTable) {
        const range = document.createRange();
        range.setStartBefore('row' in inTable ? inTable.row : outermostStart(inTable.start, rendered));
        range.setEnd(overflow.endContainer, overflow.endOffset);
        return range;
      }
      if (isText(container)) inside = blockOf(container);
      else {
        const child = container.childNodes[offset];
        const block = child ? firstBlockFrom(child) : undefined;
        if (block && blockOf(container) !== block && !block.contains(container)) before = block;
        else inside = blockOf(container);
      }

      let start: TextPosition | undefined;
      if (inside) {
        const all = linesOf(inside, edge);
        const here = all.filter(onPage);
        const after = all.length - here.length;
        if (here.length >= 3 && after === 1) start = lineStart(inside, here[here.length - 1]!);
        if (!start && (here.length < 2 || after === 1)) before = inside;
      }
      if (before?.matches('.signature')) {
        const previous = blocks[blocks.indexOf(before) - 1];
        // The lines as a reader counts them: a hanging label or number, an inline block, sits a little off its text's line.
        const here = (previous ? linesOf(previous, edge).filter(onPage) : []).reduce<DOMRect[]>((merged, rect) => {
          const last = merged.at(-1);
          if (last && rect.top < last.bottom - 1) {
            if (rect.left < last.left) merged[merged.length - 1] = rect;
          } else merged.push(rect);
          return merged;
        }, []);
        if (here.length >= 4) {
          start = lineStart(previous!, here[here.length - 2]!);
          before = undefined;
        } else if (previous) before = previous;
      }
      if (before) {
        // Headings go with the text they head.
        let index = blocks.indexOf(before);
        while (index > 0 && blocks[index - 1]!.matches('.snap')) index--;
        // Never empty the page: Paged.js would loop (“Unable to layout item”).
        if (index === 0) return start ? rangeFrom(start, overflow) : undefined;
        const range = document.createRange();
        range.setStartBefore(outermostStart(blocks[index]!, rendered));
        range.setEnd(overflow.endContainer, overflow.endOffset);
        return range;
      }
      return start ? rangeFrom(start, overflow) : undefined;
    }
  }
  Paged.registerHandlers(BuildIssueKeepRules);
}
