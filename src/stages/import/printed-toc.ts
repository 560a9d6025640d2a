import { plainText } from './conversion-blocks.js';
import type { Block } from './types.js';

/** An entry of the printed table of contents, with the line it stands on in the conversion. */
export interface TocEntry {
  column?: string;
  title: string;
  byline?: string;
  page: number;
  line: number;
}

export interface PrintedToc {
  entries: TocEntry[];
  /** Column names as the TOC prints them, without their ● markers. */
  columns: string[];
  /** Blocks [start, end) the TOC occupies in the conversion; empty when there is none. */
  start: number;
  end: number;
}

/** A column marker as printed: ●学习动态, ■ 理论前沿, 【学习动态】. */
const COLUMN_MARK = /^[●•■◆▲★◎○□◇]\s*|^【(.+)】$/;
const LEADER = /\s*(?:[.．·…]{2,}|…)\s*/;
const PAGE = /\s*(\d{1,3})\s*$/;

export function stripColumnMark(text: string): string {
  return text.replace(COLUMN_MARK, (_, bracketed: string | undefined) => bracketed ?? '').trim();
}

export function hasColumnMark(text: string): boolean {
  return COLUMN_MARK.test(text);
}

function isEntry(block: Block | undefined): boolean {
  if (block?.kind !== 'item') return false;
  const text = block.lines.map((line) => line.text).join('\n');
  return PAGE.test(text) && (LEADER.test(text) || /\s\d{1,3}\s*$/.test(text));
}

/** A heading or bold line among the entries: a column name, or the word 目录 itself. */
function isLabel(block: Block | undefined): boolean {
  if (block?.lines.length !== 1 || !(block.kind === 'heading' || (block.kind === 'paragraph' && block.bold))) return false;
  const text = block.lines[0]!.text;
  return /\p{Script=Han}/u.test(text) && text.length <= 20 && !/[。！？；]$/.test(text) && !/\d{4}\s*年/.test(text);
}

const isContentsWord = (text: string) => /^目\s*录$/.test(text);

function readEntry(block: Block, column: string | undefined): TocEntry {
  const text = block.lines.map((line) => line.text).join('\n');
  const page = Number(PAGE.exec(text)![1]);
  const [title = '', byline = ''] = text
    .replace(PAGE, '')
    .split(LEADER)
    .map((part) => part.replace(/\s+/g, ' ').trim());
  return { ...(column ? { column } : {}), title, ...(byline ? { byline } : {}), page, line: block.line };
}

/** Finds the printed TOC: list items ending in page numbers, with the column names set among them. */
export function readPrintedToc(blocks: readonly Block[]): PrintedToc {
  const first = blocks.findIndex(isEntry);
  if (first < 0) return { entries: [], columns: [], start: 0, end: 0 };
  let start = first;
  while (start > 0 && isLabel(blocks[start - 1])) start--;

  const entries: TocEntry[] = [];
  const columns: string[] = [];
  let column: string | undefined;
  let end = start;
  for (let index = start; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (isEntry(block)) {
      entries.push(readEntry(block, column));
      end = index + 1;
    } else if (isLabel(block) && isEntry(blocks.slice(index + 1).find((next) => !isLabel(next)))) {
      const text = plainText(block.lines[0]!.text);
      if (!isContentsWord(text)) columns.push((column = stripColumnMark(text)));
    } else break;
  }
  return { entries, columns, start, end };
}
