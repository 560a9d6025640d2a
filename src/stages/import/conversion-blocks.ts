import type { Heading, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../load/parse-markdown.js';
import type { Block } from './types.js';

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

/**
 * The conversion as a flat list of blocks with their lines: headings (with
 * their level, whatever it was), paragraphs, list items (a printed TOC is a
 * list) and rules (`---` around the distribution footer).
 */
export function readBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const node of parseMarkdown(text).children) {
    const line = node.position!.start.line;
    if (node.type === 'heading') {
      const plain = toString(node).replace(/\s+/g, ' ').trim();
      blocks.push({ kind: 'heading', depth: node.depth, bold: isBoldOnly(node), line, lines: [{ text: plain, line, column: node.position!.start.column }] });
    } else if (node.type === 'paragraph') {
      blocks.push({ kind: 'paragraph', depth: 0, bold: isBoldOnly(node), line, lines: rawLines(text, node) });
    } else if (node.type === 'list') {
      for (const item of node.children) {
        const lines = item.children.flatMap((child) => rawLines(text, child));
        blocks.push({ kind: 'item', depth: 0, bold: false, line: item.position!.start.line, lines });
      }
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
