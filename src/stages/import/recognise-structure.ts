import { type Diagnostic, error, type Result, warning } from '../../diagnostics.js';
import type { Message } from '../../message.js';
import { pairTocEntries, titleKey } from '../load/printed-record.js';
import { blockText, plainText } from './conversion-blocks.js';
import { hasColumnMark, type PrintedToc, stripColumnMark, type TocEntry } from './printed-toc.js';
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

/** Text under a column before any article title. */
const unplacedUnder = (column: string): Message => ({
  zh: `栏目“${column}”下、第一篇文章标题之前有文字`,
  en: `text under column “${column}” before its first article title`,
});
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
  const candidates = blocks.flatMap((block, index) =>
    block.kind === 'heading' && !block.bold && !isColumnHeading(block, toc) ? [index] : [],
  );
  const pairs = pairTocEntries(
    toc.entries.map((entry) => entry.title),
    candidates.map((index) => blockText(blocks[index]!)),
  );
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
  const message = {
    zh: `标题已按印本目录（第 ${entry.line} 行）的空格写：“${title.text}” → “${printed}”`,
    en: `title spaced as the printed TOC has it (line ${entry.line}): “${title.text}” → “${printed}”`,
  };
  walk.diagnostics.push(warning('import-title-respaced', message, { file: walk.file, line: title.line, column: title.column }));
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
      const isSubtitle =
        !article.subtitle && !article.byline && ((subtitleKey !== '' && titleKey(text) === subtitleKey) || SUBTITLE_LINE.test(text));
      const isByline =
        !article.byline &&
        block.kind === 'paragraph' &&
        ((entry?.byline !== undefined && titleKey(text) === titleKey(entry.byline)) ||
          BYLINE_LINE.test(text) ||
          (walk.toc.entries.length === 0 && text.length <= 30 && !/[。，；！？]/.test(text)));
      if (isSubtitle) article.subtitle = { ...line, text: text.replace(/^副标?题[：:]\s*/, '') };
      else if (isByline) article.byline = { ...line, text: text.replace(BYLINE_LINE, '') };
      else
        return {
          next: at === 0 ? index : index + 1,
          rest: at === 0 ? undefined : { ...block, line: line.line, lines: block.lines.slice(at) },
        };
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
  if (toc.entries.length === 0) {
    const message = {
      zh: '没有找到印本目录：按标题级别区分文章和小节',
      en: 'no printed TOC found: articles are told from sections by heading level',
    };
    walk.diagnostics.push(warning('import-no-toc', message, { file, line: 1 }));
  }
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
      const message = {
        zh: '第一个栏目之前有文字（栏目是带 ● 的标题，或印本目录里列出的标题）',
        en: 'text before the first column (a heading marked ●, or named in the printed TOC)',
      };
      walk.diagnostics.push(error('import-unplaced', message, place));
      continue;
    }
    if (block.kind !== 'heading' && block.kind !== 'paragraph' && block.kind !== 'item' && block.kind !== 'table') {
      const message = {
        zh: '正文里的这一块不合刊物格式；请改写成段落',
        en: 'a block in the body has no place in the issue format; rewrite it as paragraphs',
      };
      walk.diagnostics.push(error('import-unsupported', message, place));
      continue;
    }
    if (block.kind === 'item' || block.kind === 'table') {
      if (!article) walk.diagnostics.push(error('import-unplaced', unplacedUnder(column.name.text), place));
      else if (block.kind === 'item') article.body.push({ kind: 'item', marker: block.marker!, text: paragraph(block) });
      else article.body.push({ kind: 'table', rows: block.rows!, pageBreaks: 0 });
      continue;
    }
    const isTitle = titles.has(index) || (!article && block.kind === 'heading');
    if (isTitle) {
      const entry = titles.get(index);
      if (!titles.has(index) && toc.entries.length > 0) {
        const text = blockText(block);
        walk.diagnostics.push(
          warning(
            'import-not-in-toc',
            { zh: `“${text}”不在印本目录里；当作文章标题`, en: `“${text}” is not in the printed TOC; taken as an article title` },
            place,
          ),
        );
      }
      const title = block.lines[0]!;
      article = { title: { ...title, text: printedSpelling(title, entry, walk) }, body: [], ...(entry ? { printedPage: entry.page } : {}) };
      column.articles.push(article);
      const meta = takeMeta(blocks, index + 1, article, entry, walk);
      if (meta.rest) article.body.push({ kind: 'paragraph', pieces: [paragraph(meta.rest)] });
      index = meta.next - 1;
      continue;
    }
    if (!article) {
      walk.diagnostics.push(error('import-unplaced', unplacedUnder(column.name.text), place));
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
      const message = {
        zh: `印本目录第 ${index + 1} 条“${entry.title}”（第 ${entry.page} 页）在正文里找不到对应的标题`,
        en: `printed TOC entry ${index + 1} “${entry.title}” (page ${entry.page}) names no heading of the body`,
      };
      walk.diagnostics.push(warning('import-toc-unmatched', message, { file, line: entry.line }));
    }
  }
  return { value: walk.columns, diagnostics: walk.diagnostics };
}
