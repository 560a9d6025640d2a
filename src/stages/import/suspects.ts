import { type Diagnostic, warning } from '../../diagnostics.js';
import { brackets, checkText, halfwidthPunctuation, latinWords, type TextRule } from '../lint/rules/index.js';
import type { SourceText } from './types.js';

/**
 * Slips a conversion leaves in Chinese text, found but never mended: the
 * import lists them and an editor decides. The rules are the copy editor's
 * (stages/lint/rules).
 */
const SUSPECT_RULES: readonly TextRule[] = [latinWords, halfwidthPunctuation, brackets];

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
  return checkText(text, SUSPECT_RULES).map((finding) =>
    warning(finding.rule, finding.message, { file, ...locate(pieces, finding.offset) }),
  );
}
