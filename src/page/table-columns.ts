// Table columns (styles/<edition>/55-table.css; the HTML from
// render/content/table*.ts), before Paged.js, on the text as it will be set:
// a column's figures get boxes as wide as the column's widest, so they align
// on the units digit and the decimal point; then the columns are given their
// widths, the same on every page the table is on.

/** A cell's text set on one line, and where it is. */
interface CellLine {
  column: number;
  row: Element | null;
  span: number;
  /** The text's width on one line (px). */
  text: number;
  /** The cell's padding and rule around its text (px). */
  inset: number;
}

const sum = (list: readonly number[]) => list.reduce((a, b) => a + b, 0);

export function alignTableFigures(): void {
  for (const table of document.querySelectorAll('main table.table')) {
    const columns = new Map<string | null, Element[]>();
    for (const cell of table.querySelectorAll('td.align-number')) {
      const column = cell.getAttribute('data-column');
      if (!columns.has(column)) columns.set(column, []);
      columns.get(column)!.push(cell);
    }
    for (const cells of columns.values()) {
      for (const part of ['.units', '.decimals']) {
        const boxes = cells.map((cell) => cell.querySelector<HTMLElement>(part)!);
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
export function fitTableColumns(): void {
  const probe = document.createRange();
  for (const table of document.querySelectorAll<HTMLTableElement>('main table.table')) {
    const cells = [...table.querySelectorAll<HTMLTableCellElement>('td, th')].filter((cell) => cell.colSpan === 1);
    const columnOf = (cell: Element) => Number(cell.getAttribute('data-column'));
    const columns = Math.max(...cells.map(columnOf)) + 1;
    const widthsAt = (width: string, measure: (most: number, cell: Element) => number) => {
      table.style.width = width;
      const widths: number[] = new Array(columns).fill(0);
      for (const cell of cells) widths[columnOf(cell)] = measure(widths[columnOf(cell)]!, cell);
      return widths;
    };
    const widest = (most: number, cell: Element) => Math.max(most, cell.getBoundingClientRect().width);
    const wanted = widthsAt('max-content', widest);
    // Each cell's text on one line, and the cell's padding and rule around it.
    table.style.width = 'max-content';
    const lines: CellLine[] = cells.map((cell) => {
      probe.selectNodeContents(cell);
      const style = getComputedStyle(cell);
      const inset = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + parseFloat(style.borderLeftWidth);
      return { column: columnOf(cell), row: cell.parentElement, span: cell.rowSpan, text: probe.getBoundingClientRect().width, inset };
    });
    const least = widthsAt('0', widest);
    table.style.width = '';
    const room = table.getBoundingClientRect().width;
    const widths: (number | undefined)[] = new Array(columns);
    const given = () => sum(widths.filter((w): w is number => w !== undefined));
    if (sum(wanted) <= room) {
      for (const [c, w] of wanted.entries()) widths[c] = w + ((room - sum(wanted)) * w) / sum(wanted);
    } else {
      let free = wanted.map((_, c) => c);
      for (let narrow: number[] = [-1]; narrow.length > 0; ) {
        const left = room - given();
        narrow = free.filter((c) => wanted[c]! <= left / free.length);
        for (const c of narrow) widths[c] = wanted[c];
        free = free.filter((c) => !narrow.includes(c));
      }
      const left = room - given();
      const text = free.map((c) => sum(lines.filter((l) => l.column === c).map((l) => l.text)));
      for (const [i, c] of free.entries()) widths[c] = Math.min(wanted[c]!, Math.max(least[c]!, (left * text[i]!) / sum(text)));
      shortenTable(lines, widths as number[], free, least, wanted);
    }
    const colgroup = document.createElement('colgroup');
    for (const width of widths as number[]) {
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
function tableLines(cells: readonly CellLine[], widths: readonly number[]): number {
  const rows = new Map<Element | null, number>();
  for (const { column, row, span, text, inset } of cells) {
    const lines = Math.max(1, Math.ceil((text - 0.5) / (widths[column]! - inset))) / span;
    rows.set(row, Math.max(rows.get(row) ?? 1, lines));
  }
  let total = 0;
  for (const lines of rows.values()) total += lines;
  return total;
}

// Pairs of the free columns trade width, a pixel at a time, while a trade
// makes the table shorter (the widths are changed in place).
function shortenTable(
  cells: readonly CellLine[],
  widths: number[],
  free: readonly number[],
  least: readonly number[],
  wanted: readonly number[],
): void {
  for (let changed = true, rounds = 0; changed && rounds < 20; rounds++) {
    changed = false;
    for (const a of free) {
      for (const b of free.filter((c) => c > a)) {
        const both = widths[a]! + widths[b]!;
        const start = widths[a]!;
        let best = { lines: tableLines(cells, widths), width: start };
        for (let w = Math.max(least[a]!, both - wanted[b]!); w <= Math.min(wanted[a]!, both - least[b]!); w++) {
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
