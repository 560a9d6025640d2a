import path from 'node:path';
import type { Diagnostic } from '../../diagnostics.js';
import { type DecodedText, readTextInput } from '../../io/read-input.js';
import type { IssueDocument } from '../load/types.js';
import { type GlyphOptions, lintGlyphs } from './glyphs.js';
import { lintText, type TextLint } from './lint-text.js';

export interface FileLint extends TextLint {
  /** The file as messages name it. */
  file: string;
  /** Its text as linted (LF line ends, no byte order mark), absent when it could not be read; the fixes apply to it. */
  source?: string;
  /** How the file wrote its text, to write it back the same way. */
  form?: Omit<DecodedText, 'text'>;
}

export interface LintOptions extends GlyphOptions {
  /** Also check that the issue's fonts can set every character (slower: it reads the fonts). */
  fonts: boolean;
}

async function lintSource(file: string, rootDir: string): Promise<FileLint> {
  const shown = path.relative(rootDir, file) || file;
  const read = await readTextInput(file, shown);
  if (!read.value) return { file: shown, diagnostics: read.diagnostics, fixes: [] };
  const { text: source, ...form } = read.value;
  return { file: shown, source, form, ...lintText(source, shown) };
}

/**
 * The lint stage: an issue file → what a Chinese copy editor would mark in it
 * (GB/T 15834 punctuation, GB/T 15835 numbers, pairs, spaces, splits, stray
 * Latin words, characters the fonts lack), with the fixes that are certainly right.
 */
export async function lintFile(file: string, options: LintOptions): Promise<FileLint> {
  const linted = await lintSource(file, options.rootDir);
  if (linted.source !== undefined && options.fonts) linted.diagnostics.push(...(await lintGlyphs(file, options)));
  return linted;
}

/**
 * The step a build runs first: the issue's text, so that errors stop the build
 * before its layout, read as the load stage read it (parsing it again took
 * 0.1 s for an issue of 62 pages). Its fonts are left to the render stage,
 * which checks them with the same rule (glyph-missing) on its way to
 * subsetting them.
 */
export function lintLoaded(doc: IssueDocument): Diagnostic[] {
  return lintText(doc.source.text, doc.file, { markdown: doc.source.markdown, columns: doc.columns }).diagnostics;
}
