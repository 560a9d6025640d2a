// Tables while Paged.js lays pages out: a page the table continues onto
// gets a copy of its header row, under a 续表 line, before its first row is
// laid out, so that the page is measured with them (a header added after the
// layout would push the last rows off the page). Paged.js 0.4.3 repeats no
// header. Where a page breaks in a table is keep.ts's to decide, from
// tableBreak.
import { isElement } from './dom.js';
import { linePitch } from './pitch.js';

/**
 * Where a page that overflows inside a table breaks (see tableBreak):
 * before a body row; before the whole table and what goes with it; or
 * inside the first row, where Paged.js found.
 */
export type TableBreak = { row: Element } | { start: Element } | { split: true };

let tablePitch: number | undefined;

// Where a page that overflows inside a table breaks (asked by keep.ts):
//   { row }:   before this body row, the first that does not fit (or the
//              one before it, when the last row of the table would go on
//              alone: `source` is the source Paged.js lays out);
//   { start }: before the whole table, and the caption and headings that go
//              with it (this element): the table begins on this page with
//              room for its header and fewer than two rows (never a header,
//              or one short row, alone at the foot of a page);
//   { split }: where Paged.js found, inside the first row: a row taller than
//              a whole page, which must break inside its cells.
// Undefined when the overflow does not begin in a table or right before one.
export function tableBreak(overflow: Range, rendered: Element, bounds: DOMRect, source: ParentNode): TableBreak | undefined {
  const { startContainer: container, startOffset: offset } = overflow;
  const at = isElement(container) ? (container.childNodes[offset] ?? container) : container;
  const el = isElement(at) ? at : at.parentElement;
  const table = el?.closest<HTMLTableElement>('table.table');
  if (!el || !table) return undefined;
  const rows = [...table.querySelectorAll<HTMLTableRowElement>(':scope > tbody > tr')];
  // A row is on the page, whole, when its cells are (a cell spanning rows may go on: Paged.js repeats it).
  const onPage = (box: Element) => {
    const rects = box.getClientRects();
    return rects.length === 1 && rects[0]!.left < bounds.right && rects[0]!.bottom <= bounds.bottom + 1;
  };
  const fits = (row: HTMLTableRowElement) => {
    const cells = [...row.cells].filter((cell) => cell.rowSpan === 1);
    return (cells.length > 0 ? cells : [row]).every(onPage);
  };
  // Paged.js breaks before a table that fits when what follows it must not be parted from it (break-after: avoid): it goes on alone.
  if (at === table && rows.every(fits) && onPage(table)) {
    return table.nextElementSibling ? { start: table.nextElementSibling } : undefined;
  }
  // The rows that fit on the page: none when the break is above the body (before the table, in its header row).
  const fitting = el.closest('tbody') ? rows.findIndex((row) => !fits(row)) : 0;
  if (fitting < 0) return { split: true };
  // The table and what must not end a page before it (a caption, a heading: Paged.js turns break-after into an attribute), from the top of the page?
  let start: Element = table;
  while (start.previousElementSibling?.matches('.snap, [data-break-after="avoid"]')) start = start.previousElementSibling;
  const before = document.createRange();
  before.setStart(rendered, 0);
  before.setEndBefore(start);
  const atTop = table.hasAttribute('data-split-from') || (before.toString().trim() === '' && !before.cloneContents().querySelector('img'));
  // Never one short row alone under the header, at the foot of a page or at the head of the next (a row of three lines or more may stand alone).
  tablePitch ??= linePitch();
  const pitch = tablePitch;
  const short = (row: Element) => row.getBoundingClientRect().height < 3 * pitch - 1;
  if (!atTop && (fitting === 0 || (fitting === 1 && short(rows[0]!)))) return { start };
  if (fitting === 0) return { split: true };
  const last = source.querySelector(`[data-ref="${rows[fitting]!.getAttribute('data-ref')}"]`)?.nextElementSibling === null;
  return { row: rows[fitting >= 3 && last && short(rows[fitting]!) ? fitting - 1 : fitting]! };
}

export function repeatTableHeaders(): void {
  class BuildIssueTables extends Paged.Handler {
    hasTables = false;

    override afterParsed(parsed: DocumentFragment): void {
      this.hasTables = parsed.querySelector('table.table') !== null;
    }

    override renderNode(clone: Node, node: Node): void {
      if (!this.hasTables) return;
      const el = isElement(clone) ? clone : clone.parentElement;
      const table = el?.closest('table.table');
      if (!table?.hasAttribute('data-split-from')) return;
      const source = (isElement(node) ? node : node.parentElement)!.closest('table')!;
      if (!table.querySelector(':scope > caption')) this.continueTable(table, source);
      // Paged.js carries a cell that spans rows onto the next page by copying it into the page's first row.
      if (isElement(clone) && clone.matches('td') && !clone.parentElement!.previousElementSibling) {
        const ref = (node as Element).getAttribute('data-ref');
        if ((node.getRootNode() as ParentNode).querySelector(`[data-ref="${ref}"]`) !== node) clone.setAttribute('data-repeated', '');
      }
    }

    // The 续表 line, and copies of the column widths and the header row
    // (copies: Paged.js must not take them for the source's own).
    continueTable(table: Element, source: HTMLTableElement): void {
      const label = document.createElement('caption');
      label.className = 'table-continued';
      label.textContent = source.getAttribute('data-continued');
      const copies = [source.querySelector(':scope > colgroup'), source.tHead]
        .filter((part) => part !== null)
        .map((part) => part.cloneNode(true) as Element);
      for (const copy of copies) for (const el of [copy, ...copy.querySelectorAll('[data-ref]')]) el.removeAttribute('data-ref');
      for (const el of [label, ...copies]) el.setAttribute('data-repeated', '');
      table.prepend(label, ...copies);
    }
  }
  Paged.registerHandlers(BuildIssueTables);
}
