import type { Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { type TableGrid, tableGrid } from '../../load/table-grid.js';

/**
 * How a table's cells print: the grid of its merged cells (load/table-grid.ts)
 * and each column's alignment. The table's handler lays the table out once;
 * its rows' and cells' handlers read their part of it.
 *
 * Alignment: what the editor asked for in the delimiter row (`:---:` centre,
 * `---:` right, `:---` left); otherwise a column whose every body cell is a
 * number is set with its numbers aligned on the units digit (and the decimal
 * point), centred as a block in the column, and any other column is set
 * flush left (ragged: justified, a narrow cell's lines would be spread
 * apart). Group cells spanning columns start at the left, header cells are
 * centred.
 */
export type CellAlign = 'left' | 'center' | 'right' | 'number';

export interface CellPlacement {
  header: boolean;
  /** The column it starts in, from 0. */
  column: number;
  rowSpan: number;
  colSpan: number;
  align: CellAlign;
}

/** A number as a column of figures holds: 12 · 3.5 · 1,234 · −2.5% · 98‰. */
const NUMBER = /^[+\-−－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[%‰]?$/u;
/** Cells that say “none” in a column of figures: they take no part in deciding it. */
const NO_FIGURE = /^(?:|[—–\-－/／]+|无)$/u;

const layouts = new WeakMap<Table, TableGrid>();
const placements = new WeakMap<TableCell, CellPlacement>();

const textOf = (cell: TableCell | undefined) => (cell ? toString(cell).trim() : '');

function figureColumns(grid: TableGrid): boolean[] {
  return Array.from({ length: grid.columns }, (_, column) => {
    const texts = grid.rows
      .slice(1)
      .flatMap((row) => row.filter((cell) => cell.column === column && cell.colSpan === 1).map((cell) => textOf(cell.node)))
      .filter((text) => !NO_FIGURE.test(text));
    return texts.length > 0 && texts.every((text) => NUMBER.test(text));
  });
}

/** Lays the table out (once) and records how each of its cells prints. */
export function layoutOf(table: Table): TableGrid {
  const known = layouts.get(table);
  if (known) return known;
  const grid = tableGrid(table);
  const figures = figureColumns(grid);
  for (const row of grid.rows) {
    for (const cell of row) {
      if (!cell.node) continue;
      const header = cell.row === 0;
      const asked = table.align?.[cell.column];
      const figure = figures[cell.column] && cell.colSpan === 1 && NUMBER.test(textOf(cell.node));
      const align: CellAlign = header
        ? 'center'
        : asked
          ? asked
          : cell.colSpan > 1
            ? 'left'
            : figure
              ? 'number'
              : figures[cell.column]
                ? 'center'
                : 'left';
      placements.set(cell.node, { header, column: cell.column, rowSpan: cell.rowSpan, colSpan: cell.colSpan, align });
    }
  }
  layouts.set(table, grid);
  return grid;
}

/** How a cell prints, once its table is laid out; undefined for a cell merged into another. */
export const placementOf = (cell: TableCell): CellPlacement | undefined => placements.get(cell);

/** A figure split at its units digit: the part the column's figures align their right edges on, and the rest (“.5%”). */
export function figureParts(text: string): [string, string] {
  const units = /^[+\-−－]?[\d,]+/u.exec(text)?.[0] ?? '';
  return [units, text.slice(units.length)];
}
