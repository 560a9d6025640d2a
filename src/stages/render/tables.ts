import type { Element } from 'hast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { captionLabel, continuedLabel } from '../load/table-caption.js';
import type { BlockCounter } from './types.js';

/** The text of a hast element (mdast-util-to-string reads any unist tree's text). */
const textOf = (node: Element): string => toString(node);

/**
 * Marks a table for the pages: each cell is a block of its own, tracked to
 * the pages by its source line (a lost row is reported at its line, and the
 * header row a continued table repeats is told from a row laid out twice);
 * the paragraph above it that names it is its caption, which goes to the
 * page with the table (.snap) and gives the label a continuation page prints
 * above the repeated header (续表1).
 */
export function markTable(table: Element, previous: Element | undefined, counter: BlockCounter): void {
  const caption = previous?.tagName === 'p' ? captionLabel(textOf(previous)) : undefined;
  if (previous && caption) previous.properties.className = ['table-caption', 'snap'];
  const afterText = previous?.tagName === 'p' && !caption;
  table.properties = {
    ...table.properties,
    className: afterText ? ['table', 'after-text'] : ['table'],
    dataContinued: continuedLabel(caption),
    dataLine: table.position?.start.line ?? 0,
  };
  visit(table, 'element', (cell: Element) => {
    if (cell.tagName !== 'td' && cell.tagName !== 'th') return;
    const block = counter.next(Number(cell.properties.dataLine ?? 0), textOf(cell));
    cell.properties.dataBlock = block.id;
  });
}
