import { type Diagnostic, warning } from '../../diagnostics.js';
import { enumeratorOf } from '../load/conventions.js';
import { captionLabel } from '../load/table-caption.js';
import type { PrintedPageBreak } from '../load/types.js';
import { plainText } from './conversion-blocks.js';
import type { ImportedBlock, ImportedColumn, ImportedParagraph, SourceText } from './types.js';

/**
 * Mends paragraphs a printed page break split: a paragraph that ends
 * mid-sentence is joined with the paragraph after it, and a fragment the
 * conversion printed on both sides of the break (深入学 | 学习贯彻) is kept
 * once. Each join is a printed page break, recorded with its page.
 */

/** Marks after which a paragraph may end: 。！？…；： and closing quotes or brackets after them. */
const ENDS_SENTENCE = /[。！？!?…；;：:][”’」』）)》】]*$/;
const MAX_FRAGMENT = 8;
const BREAK_CONTEXT = 10;
// Made on first use: it loads ICU's Chinese dictionary (7 ms), which every start of the CLI paid.
let words: Intl.Segmenter | undefined;

export const paragraphText = (paragraph: ImportedParagraph) => paragraph.pieces.map((piece) => piece.text).join('');

/** A paragraph that begins a block of its own, never the rest of the one before: a run-in head, a numbered paragraph, a table's caption, 注：. */
function opensBlock(text: string): boolean {
  const plain = plainText(text);
  return text.startsWith('**') || enumeratorOf(plain) !== undefined || captionLabel(plain) !== undefined || /^注[：:]/.test(plain);
}

export function endsMidSentence(text: string): boolean {
  return !ENDS_SENTENCE.test(plainText(text));
}

/** Han characters standing alone as words: a cut word leaves one behind. */
function strayCharacters(text: string): number {
  words ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...words.segment(text)].filter((s) => s.isWordLike && /^\p{Script=Han}$/u.test(s.segment)).length;
}

/**
 * The fragment at the end of `before` that `after` repeats at its start, if
 * keeping it once reads better. One repeated character may be Chinese as
 * written (同学 | 学习, 常 | 常学习), so it goes only when the word
 * segmenter finds fewer cut words without it; two or more are a conversion's.
 */
export function duplicatedFragment(before: string, after: string): string | undefined {
  for (let length = Math.min(MAX_FRAGMENT, before.length, after.length); length > 0; length--) {
    const fragment = after.slice(0, length);
    if (!/^\p{Script=Han}+$/u.test(fragment) || !before.endsWith(fragment)) continue;
    const left = before.slice(-MAX_FRAGMENT);
    const right = after.slice(length, length + MAX_FRAGMENT);
    const once = strayCharacters(left + right);
    const twice = strayCharacters(left + fragment + right);
    return once < twice || (length > 1 && once <= twice) ? fragment : undefined;
  }
  return undefined;
}

function dropStart(piece: SourceText, count: number): SourceText {
  return { ...piece, text: piece.text.slice(count), column: piece.column + count };
}

export interface Joined {
  columns: ImportedColumn[];
  pageBreaks: PrintedPageBreak[];
  report: Diagnostic[];
}

/**
 * Joins split paragraphs in every article. Pages are counted from the printed
 * TOC: the article's printed first page, plus one for each break since.
 */
export function joinPageBreaks(columns: readonly ImportedColumn[], file: string): Joined {
  const pageBreaks: PrintedPageBreak[] = [];
  const report: Diagnostic[] = [];
  let page: number | undefined;
  const joinedColumns = columns.map((column) => ({
    ...column,
    articles: column.articles.map((article) => {
      if (article.printedPage !== undefined && page !== undefined && page > article.printedPage) {
        const message = {
          zh: `按这篇文章之前的接续处算，它应从第 ${page} 页开始，印本目录却说第 ${article.printedPage} 页：其中某处可能不是分页`,
          en: `the joins before this article count to page ${page}, but the printed TOC starts it on page ${article.printedPage}: one of them may not be a page break`,
        };
        report.push(warning('import-breaks-exceed', message, { file, line: article.title.line }));
      }
      page = article.printedPage ?? page;
      const body: ImportedBlock[] = [];
      for (const block of article.body) {
        const previous = body.at(-1);
        // A table's rows went on across pages of their own.
        if (block.kind === 'table' && page !== undefined) page += block.pageBreaks;
        const continues = block.kind === 'paragraph' && previous?.kind === 'paragraph' && !opensBlock(block.pieces[0]!.text);
        if (!continues || !endsMidSentence(paragraphText(previous))) {
          body.push(block.kind === 'paragraph' ? { ...block, pieces: [...block.pieces] } : block);
          continue;
        }
        const before = paragraphText(previous);
        const [first, ...more] = block.pieces;
        const fragment = duplicatedFragment(before, first!.text);
        previous.pieces.push(fragment ? dropStart(first!, fragment.length) : first!, ...more);
        const after = plainText(before).slice(-BREAK_CONTEXT);
        if (page !== undefined) pageBreaks.push({ page: ++page, after });
        const where = { file, line: first!.line, column: first!.column };
        const line = previous.pieces[0]!.line;
        const message = {
          zh: `已接到上一段（第 ${line} 行）：上一段在句中“…${after}”处断开，是印本的分页${page === undefined ? '' : `（第 ${page} 页从这里开始）`}`,
          en: `joined to the paragraph above (line ${line}), which ended mid-sentence at “…${after}”: a printed page break${page === undefined ? '' : ` (page ${page} began here)`}`,
        };
        report.push(warning('import-joined', message, where));
        if (fragment) {
          const sides = `…${before.slice(-4)} | ${first!.text.slice(0, fragment.length + 4)}…`;
          const kept = `…${before.slice(-4)}${first!.text.slice(fragment.length, fragment.length + 4)}…`;
          const message = {
            zh: `“${fragment}”在分页两边各出现一次（${sides}）；只保留一次：${kept}`,
            en: `“${fragment}” stood on both sides of the break (${sides}); kept once: ${kept}`,
          };
          report.push(warning('import-duplicate-removed', message, where));
        }
      }
      return { ...article, body };
    }),
  }));
  return { columns: joinedColumns, pageBreaks, report };
}
