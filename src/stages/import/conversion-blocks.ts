import type { Heading, Paragraph, RootContent, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../load/parse-markdown.js';
import type { Block, SourceText } from './types.js';

/** A heading or paragraph that is one bold run, as conversions mark emphasised lines. */
function isBoldOnly(node: Heading | Paragraph): boolean {
  const children = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return children.length === 1 && children[0]!.type === 'strong';
}

/** The block's Markdown as written, one entry per line, without the hard-break spaces at line ends. */
function rawLines(text: string, node: RootContent): Block['lines'] {
  const start = node.position!.start;
  return text
    .slice(start.offset, node.position!.end.offset)
    .split('\n')
    .map((line, index) => ({ text: line.trim(), line: start.line + index, column: index === 0 ? start.column : 1 }))
    .filter((line) => line.text !== '');
}

/** A table cell's Markdown as written (escaped “\|” kept), without the “|” around it, where it stands. */
function cellText(text: string, cell: TableCell): SourceText {
  const first = cell.children[0]?.position?.start;
  const last = cell.children.at(-1)?.position?.end;
  const at = first ?? { line: cell.position!.start.line, column: cell.position!.start.column + 1 };
  return { text: first && last ? text.slice(first.offset, last.offset).trim() : '', line: at.line, column: at.column };
}

/**
 * The conversion as a flat list of blocks with their lines: headings (with
 * their level, whatever it was), paragraphs, list items (a printed TOC is a
 * list), tables and rules (`---` around the distribution footer).
 */
export function readBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const node of parseMarkdown(text).children) {
    const line = node.position!.start.line;
    if (node.type === 'heading') {
      const plain = toString(node).replace(/\s+/g, ' ').trim();
      blocks.push({
        kind: 'heading',
        depth: node.depth,
        bold: isBoldOnly(node),
        line,
        lines: [{ text: plain, line, column: node.position!.start.column }],
      });
    } else if (node.type === 'paragraph') {
      blocks.push({ kind: 'paragraph', depth: 0, bold: isBoldOnly(node), line, lines: rawLines(text, node) });
    } else if (node.type === 'list') {
      node.children.forEach((item, index) => {
        const lines = item.children.flatMap((child) => rawLines(text, child));
        const marker = node.ordered ? `${(node.start ?? 1) + index}.` : '-';
        blocks.push({ kind: 'item', depth: 0, bold: false, line: item.position!.start.line, lines, marker });
      });
    } else if (node.type === 'table') {
      blocks.push({
        kind: 'table',
        depth: 0,
        bold: false,
        line,
        lines: [],
        rows: node.children.map((row) => row.children.map((cell) => cellText(text, cell))),
      });
    } else if (node.type === 'thematicBreak') {
      blocks.push({ kind: 'rule', depth: 0, bold: false, line, lines: [] });
    } else {
      blocks.push({ kind: 'other', depth: 0, bold: false, line, lines: rawLines(text, node) });
    }
  }
  return blocks;
}

/** Text without the bold marks (`**`) a conversion sets around emphasised lines. */
export const plainText = (text: string) => text.replace(/\*\*/g, '').trim();

/** A block's text on one line: its lines joined, as a title or a masthead entry reads. */
export function blockText(block: Block): string {
  return block.lines.map((line) => line.text).join(' ');
}
