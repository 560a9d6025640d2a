// Table rows, before Paged.js (after the columns have their widths,
// table-columns.ts): a row taller than a page is cut into parts, then every
// row is padded to a whole number of line pitches, so that the rows, each
// page's share of the table and the text after it stay on the page's grid
// (as snap.ts does for headings and images).
import { type TextPosition, textNodesOf } from './dom.js';
import { linePitch, rootLength } from './pitch.js';

// A row taller than what a page holds under the 续表 line and the header
// row cannot go whole onto any page: it is cut, between two lines, into rows
// of some eight lines each, so that a page that begins the row, or goes on
// with it, is filled to within a few lines. The parts read as one row (no
// rule and no padding between them: CSS), each part a whole number of line
// pitches tall as near as its lines allow; the cells of a part keep the
// block ids of the row's, so their characters are counted as one cell's, and
// a cell spanning the row spans every part. (Paged.js 0.4.3 can break inside
// a row itself, but left such a row's text beyond the page, out of sight.)
export function splitTallRows(): void {
  const pitch = linePitch();
  // A page's height less the 续表 line (or the blank line above a table), and a line to spare.
  const room = rootLength('--type-height') - 2 * pitch;
  for (const table of document.querySelectorAll<HTMLTableElement>('main table.table')) {
    const limit = room - (table.tHead?.getBoundingClientRect().height ?? 0);
    for (let r = 0; r < table.rows.length; r++) {
      const row = table.rows[r]!;
      const cells = [...row.cells].filter((cell) => cell.rowSpan === 1);
      if (row.parentElement!.tagName !== 'TBODY' || cells.length === 0) continue;
      const style = getComputedStyle(cells[0]!);
      const lineHeight = parseFloat(style.lineHeight);
      const edge = parseFloat(style.paddingTop) + parseFloat(style.borderTopWidth);
      const lines = partLines(edge, lineHeight, pitch);
      const height = row.getBoundingClientRect().height;
      if (height <= (row.matches('.row-continued') ? edge + lines * lineHeight + pitch : limit)) continue;
      // Measured set from the top (a short cell is centred in the row, below the cut), all before any is cut.
      for (const cell of cells) cell.style.verticalAlign = 'top';
      const cutAt = cells[0]!.getBoundingClientRect().top + edge + (lines + 0.5) * lineHeight;
      const cuts = cells.map((cell) => lineCut(cell, cutAt));
      for (const cell of cells) cell.style.removeProperty('vertical-align');
      const rest = document.createElement('tr');
      rest.className = 'row-continued';
      row.classList.add('row-continues');
      cells.forEach((cell, i) => {
        const part = cell.cloneNode(false);
        const cut = cuts[i];
        if (cut) {
          const range = document.createRange();
          range.setStart(cut.node, cut.offset);
          range.setEndAfter(cell.lastChild!);
          part.appendChild(range.extractContents());
        }
        rest.append(part);
      });
      // Cells of this row and of rows above that span it span the new part too.
      for (let above = 0; above <= r; above++)
        for (const cell of table.rows[above]!.cells) if (cell.rowSpan > 1 && above + cell.rowSpan > r) cell.rowSpan++;
      row.after(rest);
    }
  }
}

// How many lines of a row go in one part: between 6 and 12, those that with
// the part's padding come nearest to a whole number of pitches (the most of
// them, of equals).
function partLines(edge: number, lineHeight: number, pitch: number): number {
  let best: { lines: number; slack: number } | undefined;
  for (let lines = 12; lines >= 6; lines--) {
    const height = edge + lines * lineHeight;
    const slack = Math.ceil(height / pitch - 1e-6) * pitch - height;
    if (!best || slack < best.slack - 0.01) best = { lines, slack };
  }
  return best!.lines;
}

// The text position where the first line of the cell that ends below `bottom` begins.
function lineCut(cell: Element, bottom: number): TextPosition | undefined {
  const probe = document.createRange();
  for (const node of textNodesOf(cell)) {
    for (let i = 0; i < node.length; i++) {
      probe.setStart(node, i);
      probe.setEnd(node, i + 1);
      const rect = probe.getBoundingClientRect();
      if (rect.height > 0 && rect.bottom > bottom) return { node, offset: i };
    }
  }
  return undefined;
}

export function snapTableRows(): void {
  const pitch = linePitch();
  const rows = [...document.querySelectorAll<HTMLTableRowElement>('main table.table tr')];
  // A cell spanning rows can make them taller than their own cells; a second pass pads what the first changed.
  for (let pass = 0; pass < 2; pass++) {
    const heights = rows.map((row) => row.getBoundingClientRect().height);
    rows.forEach((row, i) => {
      const extra = Math.ceil(heights[i]! / pitch - 0.01) * pitch - heights[i]!;
      if (extra <= 0.01) return;
      for (const cell of row.cells) {
        if (cell.rowSpan > 1) continue;
        const style = getComputedStyle(cell);
        cell.style.paddingTop = `${(parseFloat(style.paddingTop) + extra / 2).toFixed(3)}px`;
        cell.style.paddingBottom = `${(parseFloat(style.paddingBottom) + extra / 2).toFixed(3)}px`;
      }
    });
  }
}
