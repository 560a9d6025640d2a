import { error, warning, type Diagnostic, type Result } from '../../diagnostics.js';
import { pairTocEntries, titleKey } from '../load/printed-record.js';
import { blockText, plainText } from './conversion-blocks.js';
import { hasColumnMark, stripColumnMark, type PrintedToc, type TocEntry } from './printed-toc.js';
import type { Block, ImportedArticle, ImportedColumn, SourceText } from './types.js';

/**
 * Finds columns, articles, subtitles, bylines, section headings and run-in
 * heads in the conversion's body, whatever heading levels it used: a column
 * is a heading marked ● (or named so in the printed TOC), an article title is
 * a heading the printed TOC lists, any other heading inside an article is a
 * section heading (or, when it is a whole sentence, a run-in head).
 */

/** A run-in head is a sentence: 夯实阵地，组织强“新”。 */
const SENTENCE_END = /[。！？]$/;
/** `副题：…`, or a line that opens with a dash: ——《新阶段新特点新探索·2023》出版发行. */
const SUBTITLE_LINE = /^副标?题[：:]|^[—－]/;
const BYLINE_LINE = /^(?:作者|文)\s*[：:／/]\s*/;

interface Walk {
  file: string;
  toc: PrintedToc;
  columns: ImportedColumn[];
  diagnostics: Diagnostic[];
}

function isColumnHeading(block: Block, toc: PrintedToc): boolean {
  const text = plainText(blockText(block));
  const named = toc.columns.some((column) => titleKey(column) === titleKey(text));
  if (block.kind === 'heading') return hasColumnMark(text) || named;
  return block.kind === 'paragraph' && block.lines.length === 1 && text.length <= 20 && hasColumnMark(text);
}

/** Headings the printed TOC names, each paired with its entry. */
function titlesFromToc(blocks: readonly Block[], toc: PrintedToc): Map<number, TocEntry> {
  const candidates = blocks.flatMap((block, index) => (block.kind === 'heading' && !block.bold && !isColumnHeading(block, toc) ? [index] : []));
  const pairs = pairTocEntries(toc.entries.map((entry) => entry.title), candidates.map((index) => blockText(blocks[index]!)));
  return new Map(pairs.flatMap((pair, entry) => (pair < 0 ? [] : [[candidates[pair]!, toc.entries[entry]!] as const])));
}

/** Without a printed TOC: within a column, headings as high as its first one are titles. */
function titlesByLevel(blocks: readonly Block[], toc: PrintedToc): Map<number, TocEntry | undefined> {
  const titles = new Map<number, undefined>();
  let depth = 0;
  blocks.forEach((block, index) => {
    if (isColumnHeading(block, toc)) depth = 0;
    else if (block.kind === 'heading' && !block.bold && !SENTENCE_END.test(blockText(block)) && (depth === 0 || block.depth <= depth)) {
      depth = block.depth;
      titles.set(index, undefined);
    }
  });
  return titles;
}

/** The title as the TOC spells it, when the two differ only in spacing (a heading wrapped onto two printed lines). */
function printedSpelling(title: SourceText, entry: TocEntry | undefined, walk: Walk): string {
  if (!entry) return title.text;
  const length = titleKey(title.text).length;
  let end = 0;
  while (end < entry.title.length && titleKey(entry.title.slice(0, end)).length < length) end++;
  const printed = entry.title.slice(0, end).trim();
  const squeeze = (text: string) => text.replace(/\s+/g, '');
  if (printed === title.text || squeeze(printed) !== squeeze(title.text)) return title.text;
  walk.diagnostics.push(warning('import-title-respaced', `title spaced as the printed TOC has it (line ${entry.line}): “${title.text}” → “${printed}”`, { file: walk.file, line: title.line, column: title.column }));
  return printed;
}

/**
 * Takes the subtitle and byline lines that follow a title. They may be
 * headings or plain lines; the TOC entry says what to expect.
 * @returns the index of the first block after them, and what is left of a paragraph they shared.
 */
function takeMeta(blocks: readonly Block[], from: number, article: ImportedArticle, entry: TocEntry | undefined, walk: Walk) {
  const subtitleKey = entry ? titleKey(entry.title).slice(titleKey(article.title.text).length) : '';
  for (let index = from; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block.kind !== 'paragraph' && block.kind !== 'heading') return { next: index };
    for (const [at, line] of block.lines.entries()) {
      const text = plainText(line.text);
      const isSubtitle = !article.subtitle && !article.byline && ((subtitleKey !== '' && titleKey(text) === subtitleKey) || SUBTITLE_LINE.test(text));
      const isByline = !article.byline && block.kind === 'paragraph' &&
        ((entry?.byline !== undefined && titleKey(text) === titleKey(entry.byline)) || BYLINE_LINE.test(text) ||
          (walk.toc.entries.length === 0 && text.length <= 30 && !/[。，；！？]/.test(text)));
      if (isSubtitle) article.subtitle = { ...line, text: text.replace(/^副标?题[：:]\s*/, '') };
      else if (isByline) article.byline = { ...line, text: text.replace(BYLINE_LINE, '') };
      else return { next: at === 0 ? index : index + 1, rest: at === 0 ? undefined : { ...block, line: line.line, lines: block.lines.slice(at) } };
    }
  }
  return { next: blocks.length };
}

function paragraph(block: Block): SourceText {
  const first = block.lines[0]!;
  return { text: block.lines.map((line) => line.text).join('\n'), line: first.line, column: first.column };
}

export function recogniseStructure(blocks: readonly Block[], toc: PrintedToc, file: string): Result<ImportedColumn[]> {
  const walk: Walk = { file, toc, columns: [], diagnostics: [] };
  /** Block index → the printed TOC entry naming it, for the headings that are article titles. */
  const titles: Map<number, TocEntry | undefined> = toc.entries.length > 0 ? titlesFromToc(blocks, toc) : titlesByLevel(blocks, toc);
  if (toc.entries.length === 0) walk.diagnostics.push(warning('import-no-toc', 'no printed TOC found: articles are told from sections by heading level', { file, line: 1 }));
  let article: ImportedArticle | undefined;

  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    const place = { file, line: block.line };
    if (isColumnHeading(block, toc)) {
      walk.columns.push({ name: { ...block.lines[0]!, text: stripColumnMark(plainText(blockText(block))) }, articles: [] });
      article = undefined;
      continue;
    }
    const column = walk.columns.at(-1);
    if (!column) {
      walk.diagnostics.push(error('import-unplaced', 'text before the first column (a heading marked ●, or named in the printed TOC)', place));
      continue;
    }
    if (block.kind !== 'heading' && block.kind !== 'paragraph' && block.kind !== 'item' && block.kind !== 'table') {
      walk.diagnostics.push(error('import-unsupported', 'a block in the body has no place in the issue format; rewrite it as paragraphs', place));
      continue;
    }
    if (block.kind === 'item' || block.kind === 'table') {
      if (!article) walk.diagnostics.push(error('import-unplaced', `text under column “${column.name.text}” before its first article title`, place));
      else if (block.kind === 'item') article.body.push({ kind: 'item', marker: block.marker!, text: paragraph(block) });
      else article.body.push({ kind: 'table', rows: block.rows!, pageBreaks: 0 });
      continue;
    }
    const isTitle = titles.has(index) || (!article && block.kind === 'heading');
    if (isTitle) {
      const entry = titles.get(index);
      if (!titles.has(index) && toc.entries.length > 0) walk.diagnostics.push(warning('import-not-in-toc', `“${blockText(block)}” is not in the printed TOC; taken as an article title`, place));
      const title = block.lines[0]!;
      article = { title: { ...title, text: printedSpelling(title, entry, walk) }, body: [], ...(entry ? { printedPage: entry.page } : {}) };
      column.articles.push(article);
      const meta = takeMeta(blocks, index + 1, article, entry, walk);
      if (meta.rest) article.body.push({ kind: 'paragraph', pieces: [paragraph(meta.rest)] });
      index = meta.next - 1;
      continue;
    }
    if (!article) {
      walk.diagnostics.push(error('import-unplaced', `text under column “${column.name.text}” before its first article title`, place));
      continue;
    }
    if (block.kind === 'heading' || (block.bold && block.lines.length === 1)) {
      const heading = { ...block.lines[0]!, text: plainText(blockText(block)) };
      const next = blocks[index + 1];
      if (SENTENCE_END.test(heading.text) && next?.kind === 'paragraph' && !next.bold) {
        article.body.push({ kind: 'paragraph', pieces: [{ ...heading, text: `**${heading.text}**` }, paragraph(next)] });
        index++;
      } else article.body.push({ kind: 'section', heading });
      continue;
    }
    article.body.push({ kind: 'paragraph', pieces: [paragraph(block)] });
  }
  for (const [index, entry] of toc.entries.entries()) {
    if (![...titles.values()].includes(entry)) {
      walk.diagnostics.push(warning('import-toc-unmatched', `printed TOC entry ${index + 1} “${entry.title}” (page ${entry.page}) names no heading of the body`, { file, line: entry.line }));
    }
  }
  return { value: walk.columns, diagnostics: walk.diagnostics };
}
