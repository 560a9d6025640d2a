import type { Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * Merged cells in a pipe table, as an editor types them:
 *
 *   | 序号 | 改革举措 | 牵头单位 |
 *   | --- | --- | --- |
 *   | 一、知识产权保护方面（共2项） | < | < |     “<”: the cell to the left spans into this one
 *   | 1 | 健全快速维权机制 | 省市场监管局 |
 *   | 2 | 完善纠纷调解机制 | ^ |                 “^”: the cell above spans down into this one
 *
 * A cell holding only `^` (or the full-width ＾) belongs to the cell above,
 * one holding only `<` (＜) to the cell on its left; merged cells are
 * rectangles. The table's grid says which cells print and how far each
 * spans, or what is wrong with the merges, at the cell that breaks them.
 */
const MERGE_UP = /^[\^＾]$/u;
const MERGE_LEFT = /^[<＜]$/u;

/** A cell that prints: where it starts in the grid and how far it spans. */
export interface GridCell {
  /** The cell as written; undefined for a cell a short row left out (it prints empty). */
  node: TableCell | undefined;
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
}

/** A merge that cannot print, at the cell written with it. */
export interface GridProblem {
  rule: 'table-merge' | 'table-row-cells';
  message: string;
  hint: string;
  node: TableCell;
}

export interface TableGrid {
  /** Columns, as many as the header row has cells. */
  columns: number;
  /** Row by row, the cells that print (a merged-away cell is in its owner's span). */
  rows: GridCell[][];
  /** Whether the first row holds any text: a table whose first row is empty has no header. */
  header: boolean;
  problems: GridProblem[];
}

const textOf = (cell: TableCell | undefined) => (cell ? toString(cell).trim() : '');

const HINT_UP = 'write “^” only under a cell of the body, in every column of the merged cell';
const HINT_LEFT = 'write “<” only to the right of a cell, in every row of the merged cell';

/** The grid of a GFM table: which cells print, and how far each spans. */
export function tableGrid(table: Table): TableGrid {
  const columns = table.children[0]?.children.length ?? 0;
  const header = table.children[0]?.children.some((cell) => textOf(cell) !== '') ?? false;
  const problems: GridProblem[] = [];
  const rows: GridCell[][] = [];
  /** For each row, the cell each column belongs to. */
  const owners: GridCell[][] = [];
  const problem = (node: TableCell, rule: GridProblem['rule'], message: string, hint: string) => problems.push({ rule, message, hint, node });

  table.children.forEach((row, r) => {
    const printed: GridCell[] = [];
    const owner: GridCell[] = [];
    row.children.slice(columns).forEach((extra) =>
      problem(extra, 'table-row-cells', `this row has ${row.children.length} cells, the header ${columns}: the cells beyond the header's would not print`, 'remove the extra “|” cells, or add the column to the header row'),
    );
    for (let c = 0; c < columns; c++) {
      const node = row.children[c];
      const text = textOf(node);
      const above = owners[r - 1]?.[c];
      const left = owner[c - 1];
      if (node && MERGE_UP.test(text)) {
        if (r <= 1) {
          problem(node, 'table-merge', r === 0 ? '“^” in the header row has no cell above it to merge with' : '“^” in the first row of the body would merge it with the header row', HINT_UP);
        } else if (above && above.column === c && above.row + above.rowSpan === r) {
          above.rowSpan++;
          owner[c] = above;
          continue;
        } else if (above && above.column < c && owner[above.column] === above) {
          owner[c] = above;
          continue;
        } else {
          problem(node, 'table-merge', '“^” here would make the merged cell above it no rectangle', HINT_UP);
        }
      } else if (node && MERGE_LEFT.test(text)) {
        if (c === 0) {
          problem(node, 'table-merge', '“<” in the first column has no cell to its left to merge with', HINT_LEFT);
        } else if (left && left.row === r && left.column + left.colSpan === c) {
          left.colSpan++;
          owner[c] = left;
          continue;
        } else if (left && left.row < r && c < left.column + left.colSpan) {
          owner[c] = left;
          continue;
        } else {
          problem(node, 'table-merge', '“<” here would make the merged cell to its left no rectangle', HINT_LEFT);
        }
      }
      const cell: GridCell = { node, row: r, column: c, rowSpan: 1, colSpan: 1 };
      printed.push(cell);
      owner[c] = cell;
    }
    // A merged cell that reaches into this row must cover its whole width here too.
    for (const cell of new Set(owner)) {
      if (cell.row === r) continue;
      for (let c = cell.column; c < cell.column + cell.colSpan; c++) {
        const node = row.children[c];
        if (owner[c] !== cell && node) problem(node, 'table-merge', `the merged cell above spans ${cell.colSpan} columns here, but this cell is not merged into it`, HINT_UP);
      }
    }
    rows.push(printed);
    owners.push(owner);
  });
  return { columns, rows, header, problems };
}
