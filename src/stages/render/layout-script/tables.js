// Tables (styles/<edition>/55-table.css; the HTML from render/content/table*.ts).
//
// Before Paged.js, on the text as it will be set: a column's figures get
// boxes as wide as the column's widest, so they align on the units digit and
// the decimal point; the columns are given their widths (fitTableColumns);
// then every row is padded to a whole number of line pitches, so the rows,
// each page's share of the table and the text after it stay on the page's
// grid (as snap.js does for headings and images).
//
// While Paged.js lays pages out: a page the table continues onto gets a copy
// of its header row, under a 续表 line, before its first row is laid out, so
// that the page is measured with them (a header added after the layout
// would push the last rows off the page). Paged.js 0.4.3 repeats no header.
// Where a page breaks in a table is keep.js's to decide, from tableBreak.

function alignTableFigures() {
  for (const table of document.querySelectorAll('main table.table')) {
    const columns = new Map();
    for (const cell of table.querySelectorAll('td.align-number')) {
      const column = cell.getAttribute('data-column');
      if (!columns.has(column)) columns.set(column, []);
      columns.get(column).push(cell);
    }
    for (const cells of columns.values()) {
      for (const part of ['.units', '.decimals']) {
        const boxes = cells.map((cell) => cell.querySelector(part));
        const widest = Math.max(...boxes.map((box) => box.getBoundingClientRect().width));
        for (const box of boxes) box.style.minWidth = `${widest.toFixed(3)}px`;
      }
    }
  }
}

// Each column's width, fixed for every page the table is on (a <colgroup>,
// which a continuation page copies). When every cell fits on one line, each
// column is as wide as its widest cell, and the room left is shared out in
// proportion. Otherwise, a narrow column (a number, a date, a short name:
// its widest cell no wider than an even share of the room left) keeps its
// one-line width, and the other columns share the rest as makes the table
// shortest: its lines counted from each cell's text set on one line and the
// width it would have (a CJK text breaks between any two characters), pairs
// of columns trading width until no trade saves a line; from a start in
// proportion to the text each column holds (as LaTeX's tabulary shares),
// which also settles ties. No column is narrower than its longest
// unbreakable run nor wider than its widest cell. Widths are Chromium's own:
// the table is laid out as wide as its content wants (max-content), then as
// narrow as it can be (min-content).
function fitTableColumns() {
  const probe = document.createRange();
  const sum = (list) => list.reduce((a, b) => a + b, 0);
  for (const table of document.querySelectorAll('main table.table')) {
    const cells = [...table.querySelectorAll('td, th')].filter((cell) => cell.colSpan === 1);
    const columnOf = (cell) => Number(cell.getAttribute('data-column'));
    const columns = Math.max(...cells.map(columnOf)) + 1;
    const widthsAt = (width, measure) => {
      table.style.width = width;
      const widths = new Array(columns).fill(0);
      for (const cell of cells) widths[columnOf(cell)] = measure(widths[columnOf(cell)], cell);
      return widths;
    };
    const widest = (most, cell) => Math.max(most, cell.getBoundingClientRect().width);
    const wanted = widthsAt('max-content', widest);
    // Each cell's text on one line, and the cell's padding and rule around it.
    table.style.width = 'max-content';
    const lines = cells.map((cell) => {
      probe.selectNodeContents(cell);
      const style = getComputedStyle(cell);
      const inset = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + parseFloat(style.borderLeftWidth);
      return { column: columnOf(cell), row: cell.parentElement, span: cell.rowSpan, text: probe.getBoundingClientRect().width, inset };
    });
    const least = widthsAt('0', widest);
    table.style.width = '';
    const room = table.getBoundingClientRect().width;
    const widths = new Array(columns);
    if (sum(wanted) <= room) {
      wanted.forEach((w, c) => (widths[c] = w + ((room - sum(wanted)) * w) / sum(wanted)));
    } else {
      let free = wanted.map((w, c) => c);
      for (let narrow = [undefined]; narrow.length > 0; ) {
        const left = room - sum(widths.filter((w) => w !== undefined));
        narrow = free.filter((c) => wanted[c] <= left / free.length);
        for (const c of narrow) widths[c] = wanted[c];
        free = free.filter((c) => !narrow.includes(c));
      }
      const left = room - sum(widths.filter((w) => w !== undefined));
      const text = free.map((c) => sum(lines.filter((l) => l.column === c).map((l) => l.text)));
      free.forEach((c, i) => (widths[c] = Math.min(wanted[c], Math.max(least[c], (left * text[i]) / sum(text)))));
      shortenTable(lines, widths, free, least, wanted);
    }
    const colgroup = document.createElement('colgroup');
    for (const width of widths) {
      const col = document.createElement('col');
      col.style.width = `${width.toFixed(3)}px`;
      colgroup.append(col);
    }
    table.prepend(colgroup);
    // Laid out at these widths from now on (CSS: a table with a <colgroup>); an inline style would make Paged.js take the table for one not displayed.
    table.removeAttribute('style');
  }
}

// The table's height in lines at these widths: each row as tall as its
// tallest cell (a cell spanning rows shares its lines among them).
function tableLines(cells, widths) {
  const rows = new Map();
  for (const { column, row, span, text, inset } of cells) {
    const lines = Math.max(1, Math.ceil((text - 0.5) / (widths[column] - inset))) / span;
    rows.set(row, Math.max(rows.get(row) ?? 1, lines));
  }
  let total = 0;
  for (const lines of rows.values()) total += lines;
  return total;
}

// Pairs of the free columns trade width, a pixel at a time, while a trade
// makes the table shorter (the widths are changed in place).
function shortenTable(cells, widths, free, least, wanted) {
  for (let changed = true, rounds = 0; changed && rounds < 20; rounds++) {
    changed = false;
    for (const a of free) {
      for (const b of free.filter((c) => c > a)) {
        const both = widths[a] + widths[b];
        const start = widths[a];
        let best = { lines: tableLines(cells, widths), width: start };
        for (let w = Math.max(least[a], both - wanted[b]); w <= Math.min(wanted[a], both - least[b]); w++) {
          widths[a] = w;
          widths[b] = both - w;
          const lines = tableLines(cells, widths);
          if (lines < best.lines - 1e-9) best = { lines, width: w };
        }
        widths[a] = best.width;
        widths[b] = both - best.width;
        if (best.width !== start) changed = true;
      }
    }
  }
}

// A length of the style (a CSS variable of :root) in pixels.
function rootLength(name) {
  const probe = document.createElement('div');
  probe.style.height = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  document.body.append(probe);
  const height = probe.getBoundingClientRect().height;
  probe.remove();
  return height;
}

// A row taller than what a page holds under the 续表 line and the header
// row cannot go whole onto any page: it is cut, between two lines, into rows
// of some eight lines each, so that a page that begins the row, or goes on
// with it, is filled to within a few lines. The parts read as one row (no
// rule and no padding between them: CSS), each part a whole number of line
// pitches tall as near as its lines allow; the cells of a part keep the
// block ids of the row's, so their characters are counted as one cell's, and
// a cell spanning the row spans every part. (Paged.js 0.4.3 can break inside
// a row itself, but left such a row's text beyond the page, out of sight.)
function splitTallRows() {
  const pitch = rootLength('--pitch');
  // A page's height less the 续表 line (or the blank line above a table), and a line to spare.
  const room = rootLength('--type-height') - 2 * pitch;
  for (const table of document.querySelectorAll('main table.table')) {
    const limit = room - (table.tHead?.getBoundingClientRect().height ?? 0);
    for (let r = 0; r < table.rows.length; r++) {
      const row = table.rows[r];
      const cells = [...row.cells].filter((cell) => cell.rowSpan === 1);
      if (row.parentElement.tagName !== 'TBODY' || cells.length === 0) continue;
      const style = getComputedStyle(cells[0]);
      const lineHeight = parseFloat(style.lineHeight);
      const edge = parseFloat(style.paddingTop) + parseFloat(style.borderTopWidth);
      const lines = partLines(edge, lineHeight, pitch);
      const height = row.getBoundingClientRect().height;
      if (height <= (row.matches('.row-continued') ? edge + lines * lineHeight + pitch : limit)) continue;
      // Measured set from the top (a short cell is centred in the row, below the cut), all before any is cut.
      for (const cell of cells) cell.style.verticalAlign = 'top';
      const cutAt = cells[0].getBoundingClientRect().top + edge + (lines + 0.5) * lineHeight;
      const cuts = cells.map((cell) => lineCut(cell, cutAt));
      for (const cell of cells) cell.style.removeProperty('vertical-align');
      const rest = document.createElement('tr');
      rest.className = 'row-continued';
      row.classList.add('row-continues');
      cells.forEach((cell, i) => {
        const part = cell.cloneNode(false);
        if (cuts[i]) {
          const range = document.createRange();
          range.setStart(cuts[i].node, cuts[i].offset);
          range.setEndAfter(cell.lastChild);
          part.append(range.extractContents());
        }
        rest.append(part);
      });
      // Cells of this row and of rows above that span it span the new part too.
      for (let above = 0; above <= r; above++) for (const cell of table.rows[above].cells) if (cell.rowSpan > 1 && above + cell.rowSpan > r) cell.rowSpan++;
      row.after(rest);
    }
  }
}

// How many lines of a row go in one part: between 6 and 12, those that with
// the part's padding come nearest to a whole number of pitches (the most of
// them, of equals).
function partLines(edge, lineHeight, pitch) {
  let best;
  for (let lines = 12; lines >= 6; lines--) {
    const height = edge + lines * lineHeight;
    const slack = Math.ceil(height / pitch - 1e-6) * pitch - height;
    if (!best || slack < best.slack - 0.01) best = { lines, slack };
  }
  return best.lines;
}

// The text position where the first line of the cell that ends below `bottom` begins.
function lineCut(cell, bottom) {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  const probe = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      probe.setStart(node, i);
      probe.setEnd(node, i + 1);
      const rect = probe.getBoundingClientRect();
      if (rect.height > 0 && rect.bottom > bottom) return { node, offset: i };
    }
  }
  return undefined;
}

function snapTableRows() {
  const pitch = rootLength('--pitch');
  const rows = [...document.querySelectorAll('main table.table tr')];
  // A cell spanning rows can make them taller than their own cells; a second pass pads what the first changed.
  for (let pass = 0; pass < 2; pass++) {
    const heights = rows.map((row) => row.getBoundingClientRect().height);
    rows.forEach((row, i) => {
      const extra = Math.ceil(heights[i] / pitch - 0.01) * pitch - heights[i];
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

// Where a page that overflows inside a table breaks (asked by keep.js):
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
function tableBreak(overflow, rendered, bounds, source) {
  const { startContainer: container, startOffset: offset } = overflow;
  const at = container.nodeType === Node.ELEMENT_NODE ? (container.childNodes[offset] ?? container) : container;
  const el = at.nodeType === Node.ELEMENT_NODE ? at : at.parentElement;
  const table = el?.closest('table.table');
  if (!table) return undefined;
  const rows = [...table.querySelectorAll(':scope > tbody > tr')];
  // A row is on the page, whole, when its cells are (a cell spanning rows may go on: Paged.js repeats it).
  const onPage = (box) => {
    const rects = box.getClientRects();
    return rects.length === 1 && rects[0].left < bounds.right && rects[0].bottom <= bounds.bottom + 1;
  };
  const fits = (row) => {
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
  let start = table;
  while (start.previousElementSibling?.matches('.snap, [data-break-after="avoid"]')) start = start.previousElementSibling;
  const before = document.createRange();
  before.setStart(rendered, 0);
  before.setEndBefore(start);
  const atTop = table.hasAttribute('data-split-from') || (before.toString().trim() === '' && !before.cloneContents().querySelector('img'));
  // Never one short row alone under the header, at the foot of a page or at the head of the next (a row of three lines or more may stand alone).
  tablePitch ??= rootLength('--pitch');
  const short = (row) => row.getBoundingClientRect().height < 3 * tablePitch - 1;
  if (!atTop && (fitting === 0 || (fitting === 1 && short(rows[0])))) return { start };
  if (fitting === 0) return { split: true };
  const last = source.querySelector(`[data-ref="${rows[fitting].getAttribute('data-ref')}"]`)?.nextElementSibling === null;
  return { row: rows[fitting >= 3 && last && short(rows[fitting]) ? fitting - 1 : fitting] };
}

let tablePitch;

function repeatTableHeaders() {
  class BuildIssueTables extends Paged.Handler {
    afterParsed(parsed) {
      this.hasTables = parsed.querySelector('table.table') !== null;
    }

    renderNode(clone, node) {
      if (!this.hasTables) return;
      const el = clone.nodeType === Node.ELEMENT_NODE ? clone : clone.parentElement;
      const table = el?.closest('table.table');
      if (!table?.hasAttribute('data-split-from')) return;
      const source = (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement).closest('table');
      if (!table.querySelector(':scope > caption')) this.continueTable(table, source);
      // Paged.js carries a cell that spans rows onto the next page by copying it into the page's first row.
      if (clone.nodeType === Node.ELEMENT_NODE && clone.matches('td') && !clone.parentElement.previousElementSibling) {
        const ref = node.getAttribute('data-ref');
        if (node.getRootNode().querySelector(`[data-ref="${ref}"]`) !== node) clone.setAttribute('data-repeated', '');
      }
    }

    // The 续表 line, and copies of the column widths and the header row
    // (copies: Paged.js must not take them for the source's own).
    continueTable(table, source) {
      const label = document.createElement('caption');
      label.className = 'table-continued';
      label.textContent = source.getAttribute('data-continued');
      const copies = [source.querySelector(':scope > colgroup'), source.tHead].filter(Boolean).map((part) => part.cloneNode(true));
      for (const copy of copies) for (const el of [copy, ...copy.querySelectorAll('[data-ref]')]) el.removeAttribute('data-ref');
      for (const el of [label, ...copies]) el.setAttribute('data-repeated', '');
      table.prepend(label, ...copies);
    }
  }
  Paged.registerHandlers(BuildIssueTables);
}
