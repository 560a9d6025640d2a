import { warning, type Diagnostic } from '../../diagnostics.js';
import { brackets, checkText, halfwidthPunctuation, latinWords, type Finding, type TextRule } from '../lint/rules/index.js';
import type { SourceText } from './types.js';

/**
 * Slips a conversion leaves in Chinese text, found but never mended: the
 * import lists them and an editor decides. The rules are the copy editor's
 * (stages/lint/rules), and one of the import's own for a scar lint reports
 * only as stray spaces.
 */

/** 思想 and 行动: a lowercase word set off by spaces between Chinese characters (lint's latin-word sees words touching Chinese). */
const SPACED_WORD = /(?<=\p{Script=Han}[ \u3000]+)[a-z]+(?=[ \u3000]+\p{Script=Han})/gu;

export function spacedLatinWords(text: string): Finding[] {
  return [...text.matchAll(SPACED_WORD)].map((match) => ({
    rule: 'import-latin-word',
    severity: 'warning',
    offset: match.index,
    length: match[0].length,
    message: `Latin word “${match[0]}” inside Chinese text (${text.slice(Math.max(0, match.index - 4), match.index + match[0].length + 4)}): a conversion error?`,
  }));
}

const SUSPECT_RULES: readonly TextRule[] = [spacedLatinWords, latinWords, halfwidthPunctuation, brackets];

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

/** The suspects of a text made of conversion pieces, at their places in the conversion: all warnings, since nothing is changed. */
export function reportSuspects(pieces: readonly SourceText[], file: string): Diagnostic[] {
  const text = pieces.map((piece) => piece.text).join('');
  return checkText(text, SUSPECT_RULES).map((finding) => warning(finding.rule, finding.message, { file, ...locate(pieces, finding.offset) }));
}
