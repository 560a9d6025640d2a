import { warning, type Diagnostic } from '../../diagnostics.js';
import type { SourceText } from './types.js';

/**
 * Slips a conversion leaves in Chinese text, found but never mended: the
 * import lists them and an editor decides. (The `lint` command has its own
 * copy-editing rules; these are the import report's.)
 */
export interface Suspect {
  rule: 'import-latin-word' | 'import-half-width' | 'import-unbalanced';
  /** UTF-16 offset in the text. */
  index: number;
  message: string;
}

const HAN = '\\p{Script=Han}';
/** A Latin word between Chinese characters (思想 and 行动); all-capital acronyms such as GDP are Chinese usage. */
const LATIN_WORD = new RegExp(`(?<=${HAN}\\s*)(?![A-Z]{2,}\\b)[A-Za-z]+(?=\\s*${HAN})`, 'gu');
/** Half-width punctuation touching Chinese characters. */
const HALF_WIDTH = new RegExp(`(?<=${HAN})[,.;:?!()"']|[,.;:?!()"'](?=${HAN})`, 'gu');
const FULL_WIDTH: Record<string, string> = { ',': '，', '.': '。', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）', '"': '“ ”', "'": '‘ ’' };
const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '（': '）', '《': '》', '【': '】', '「': '」', '『': '』', '(': ')' };
const CLOSERS = new Map(Object.entries(PAIRS).map(([open, close]) => [close, open]));

const around = (text: string, index: number, length: number) => text.slice(Math.max(0, index - 4), index + length + 4).replace(/\n/g, ' ');

/** Quotes and brackets that open without closing, or close without opening, in one paragraph. */
function unbalanced(text: string): Suspect[] {
  const open: Array<{ mark: string; index: number }> = [];
  const found: Suspect[] = [];
  for (let index = 0; index < text.length; index++) {
    const mark = text[index]!;
    if (PAIRS[mark]) open.push({ mark, index });
    const opener = CLOSERS.get(mark);
    if (opener === undefined) continue;
    if (open.at(-1)?.mark === opener) open.pop();
    else found.push({ rule: 'import-unbalanced', index, message: `${mark} closes nothing opened before it in this paragraph (${around(text, index, 1)})` });
  }
  for (const { mark, index } of open) {
    found.push({ rule: 'import-unbalanced', index, message: `${mark} opens and is not closed in this paragraph (${around(text, index, 1)})` });
  }
  return found;
}

export function findSuspects(text: string): Suspect[] {
  const latin = [...text.matchAll(LATIN_WORD)].map((m): Suspect => ({
    rule: 'import-latin-word',
    index: m.index!,
    message: `Latin word “${m[0]}” inside Chinese text (${around(text, m.index!, m[0].length)}): a conversion error? left as it is`,
  }));
  const halfWidth = [...text.matchAll(HALF_WIDTH)].map((m): Suspect => ({
    rule: 'import-half-width',
    index: m.index!,
    message: `half-width “${m[0]}” inside Chinese text (${around(text, m.index!, 1)}); full-width ${FULL_WIDTH[m[0]]} expected? left as it is`,
  }));
  return [...latin, ...halfWidth, ...unbalanced(text)].sort((a, b) => a.index - b.index);
}

/** Where an offset into the joined pieces stands in the conversion. */
function locate(pieces: readonly SourceText[], offset: number): { line: number; column: number } {
  let start = 0;
  for (const piece of pieces) {
    if (offset < start + piece.text.length) {
      const before = piece.text.slice(0, offset - start).split('\n');
      return before.length === 1
        ? { line: piece.line, column: piece.column + offset - start }
        : { line: piece.line + before.length - 1, column: before.at(-1)!.length + 1 };
    }
    start += piece.text.length;
  }
  const last = pieces.at(-1)!;
  return { line: last.line, column: last.column };
}

/** The suspects of one text made of conversion pieces, as report entries at their lines in the conversion. */
export function reportSuspects(pieces: readonly SourceText[], file: string): Diagnostic[] {
  const text = pieces.map((piece) => piece.text).join('');
  return findSuspects(text).map((suspect) => warning(suspect.rule, suspect.message, { file, ...locate(pieces, suspect.index) }));
}
