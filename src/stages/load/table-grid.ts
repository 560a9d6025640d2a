import type { Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Message } from '../../message.js';

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
  message: Message;
  hint: Message;
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

const HINT_UP: Message = {
  zh: '“^”只能写在表体单元格的下方，并且合并格的每一列都要写',
  en: 'write “^” only under a cell of the body, in every column of the merged cell',
};
const HINT_LEFT: Message = {
  zh: '“<”只能写在单元格的右边，并且合并格的每一行都要写',
  en: 'write “<” only to the right of a cell, in every row of the merged cell',
};

/** The grid of a GFM table: which cells print, and how far each spans. */
export function tableGrid(table: Table): TableGrid {
  const columns = table.children[0]?.children.length ?? 0;
  const header = table.children[0]?.children.some((cell) => textOf(cell) !== '') ?? false;
  const problems: GridProblem[] = [];
  const rows: GridCell[][] = [];
  /** For each row, the cell each column belongs to. */
  const owners: GridCell[][] = [];
  const problem = (node: TableCell, rule: GridProblem['rule'], message: Message, hint: Message) =>
    problems.push({ rule, message, hint, node });

  table.children.forEach((row, r) => {
    const printed: GridCell[] = [];
    const owner: GridCell[] = [];
    for (const extra of row.children.slice(columns)) {
      problem(
        extra,
        'table-row-cells',
        {
          zh: `这一行有 ${row.children.length} 格，表头只有 ${columns} 格：多出的格印不出来`,
          en: `this row has ${row.children.length} cells, the header ${columns}: the cells beyond the header's would not print`,
        },
        { zh: '删去多出的“|”格，或在表头加上这一列', en: 'remove the extra “|” cells, or add the column to the header row' },
      );
    }
    for (let c = 0; c < columns; c++) {
      const node = row.children[c];
      const text = textOf(node);
      const above = owners[r - 1]?.[c];
      const left = owner[c - 1];
      if (node && MERGE_UP.test(text)) {
        if (r <= 1) {
          const message =
            r === 0
              ? { zh: '表头行里的“^”上面没有可合并的格', en: '“^” in the header row has no cell above it to merge with' }
              : { zh: '表体第一行的“^”会把它和表头合并', en: '“^” in the first row of the body would merge it with the header row' };
          problem(node, 'table-merge', message, HINT_UP);
        } else if (above && above.column === c && above.row + above.rowSpan === r) {
          above.rowSpan++;
          owner[c] = above;
          continue;
        } else if (above && above.column < c && owner[above.column] === above) {
          owner[c] = above;
          continue;
        } else {
          problem(
            node,
            'table-merge',
            { zh: '这里写“^”，上面合并出的格就不是矩形了', en: '“^” here would make the merged cell above it no rectangle' },
            HINT_UP,
          );
        }
      } else if (node && MERGE_LEFT.test(text)) {
        if (c === 0) {
          problem(
            node,
            'table-merge',
            { zh: '第一列的“<”左边没有可合并的格', en: '“<” in the first column has no cell to its left to merge with' },
            HINT_LEFT,
          );
        } else if (left && left.row === r && left.column + left.colSpan === c) {
          left.colSpan++;
          owner[c] = left;
          continue;
        } else if (left && left.row < r && c < left.column + left.colSpan) {
          owner[c] = left;
          continue;
        } else {
          problem(
            node,
            'table-merge',
            { zh: '这里写“<”，左边合并出的格就不是矩形了', en: '“<” here would make the merged cell to its left no rectangle' },
            HINT_LEFT,
          );
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
        if (owner[c] !== cell && node) {
          const message = {
            zh: `上面的合并格在这里跨 ${cell.colSpan} 列，这一格却没有并进去`,
            en: `the merged cell above spans ${cell.colSpan} columns here, but this cell is not merged into it`,
          };
          problem(node, 'table-merge', message, HINT_UP);
        }
      }
    }
    rows.push(printed);
    owners.push(owner);
  });
  return { columns, rows, header, problems };
}
