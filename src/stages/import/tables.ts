import { type Diagnostic, warning } from '../../diagnostics.js';
import type { ImportedBlock, ImportedTable, SourceText } from './types.js';

/**
 * Tables as conversions leave them, mended into the issue format
 * (docs/editors.md, Tables):
 *
 * - a table a printed page break split is joined back into one: two tables of
 *   as many columns with nothing between them but the page's number (left out
 *   before: page-numbers.ts) and a “续表” line; the second's first row is
 *   dropped when it repeats the header, and kept as a row when it does not;
 * - merged cells, which a conversion leaves empty, are written as merged: a
 *   row's empty leading cells (a continuation row, its grouping cells merged
 *   with the ones above) as “^”; a row with text in its first cell only, or
 *   with the same text in every cell (a group row such as
 *   一、知识产权保护方面（共5项）), as one cell spanning the row, “<”.
 *
 * Each change is reported at its line, for the archivist to check against the
 * printed page.
 */
const CONTINUED = /^续表\s*[0-9０-９一二三四五六七八九十.．-]*$/u;

const texts = (row: readonly SourceText[]) => row.map((cell) => cell.text);
const sameRow = (a: readonly SourceText[], b: readonly SourceText[]) => texts(a).join('\u0000') === texts(b).join('\u0000');
const isContinuedLine = (block: ImportedBlock | undefined) =>
  block?.kind === 'paragraph' && block.pieces.length === 1 && CONTINUED.test(block.pieces[0]!.text.trim());

/** A cell that another may merge into from below: a cell of its own column only (not part of a cell spanning columns). */
const mergeable = (row: readonly SourceText[], column: number) =>
  row[column]!.text !== '' && row[column]!.text !== '<' && row[column + 1]?.text !== '<';

/** The table's rows with merged cells written as merged, and what was changed. */
function markMerges(table: ImportedTable, file: string): Diagnostic[] {
  const report: Diagnostic[] = [];
  const width = table.rows[0]!.length;
  table.rows.forEach((row, r) => {
    while (row.length < width) row.push({ text: '', line: row.at(-1)!.line, column: row.at(-1)!.column });
    if (r === 0) return;
    const where = { file, line: row[0]!.line, column: row[0]!.column };
    const filled = row.filter((cell) => cell.text !== '');
    const groupRow = filled.length === 1 && row[0]!.text !== '';
    const oneTextEverywhere = filled.length === width && new Set(texts(row)).size === 1;
    if (width > 1 && (groupRow || oneTextEverywhere)) {
      for (const cell of row.slice(1)) cell.text = '<';
      const message = {
        zh: `“${row[0]!.text}”占满整行（分组行）：其余格已写成“<”`,
        en: `“${row[0]!.text}” spans the row (a group row): written with “<” in the other cells`,
      };
      report.push(warning('import-table-merged', message, where));
      return;
    }
    const above = table.rows[r - 1]!;
    let merged = 0;
    while (merged < width - 1 && row[merged]!.text === '' && filled.length > 0 && mergeable(above, merged)) row[merged++]!.text = '^';
    const empty = merged === 1 ? 'first cell is' : `first ${merged} cells are`;
    const message = {
      zh: `这一行前 ${merged} 格是空的：当作与上面的格合并（“^”）`,
      en: `the row's ${empty} empty: taken as merged with the cell above (“^”)`,
    };
    if (merged > 0) report.push(warning('import-table-merged', message, where));
  });
  return report;
}

/** Joins the tables of an article body that printed page breaks split, and marks their merged cells. */
export function mendTables(body: readonly ImportedBlock[], file: string): { body: ImportedBlock[]; report: Diagnostic[] } {
  const report: Diagnostic[] = [];
  const mended: ImportedBlock[] = [];
  const copy = (rows: readonly SourceText[][]) => rows.map((row) => row.map((cell) => ({ ...cell })));
  for (let index = 0; index < body.length; index++) {
    const table = mended.at(-1);
    let next = index;
    while (isContinuedLine(body[next])) next++;
    const part = body[next];
    if (table?.kind !== 'table' || part?.kind !== 'table' || part.rows[0]!.length !== table.rows[0]!.length) {
      const block = body[index]!;
      mended.push(block.kind === 'table' ? { ...block, rows: copy(block.rows) } : block);
      continue;
    }
    const repeated = sameRow(part.rows[0]!, table.rows[0]!);
    table.rows.push(...copy(repeated ? part.rows.slice(1) : part.rows));
    table.pageBreaks += 1 + part.pageBreaks;
    const at = part.rows[0]![0]!;
    const line = table.rows[0]![0]!.line;
    const message = {
      zh: `上面的表格（第 ${line} 行）在印本分页后接续到这里：已合成一个表${repeated ? '，这里重复的表头行已去掉' : ''}`,
      en: `the table above (line ${line}) goes on here after a printed page break: joined into one${repeated ? ', its header row repeated here left out' : ''}`,
    };
    report.push(warning('import-table-joined', message, { file, line: at.line, column: at.column }));
    index = next;
  }
  for (const block of mended) if (block.kind === 'table') report.push(...markMerges(block, file));
  return { body: mended, report };
}
