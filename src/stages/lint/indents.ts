import { splitFrontMatter } from '../load/front-matter.js';
import type { LineIndex } from './source-map.js';
import type { Fix } from './types.js';

/**
 * Ideographic spaces (全角空格, U+3000) at the start of a line of the Markdown,
 * after any quotation mark or list marker: the indentation an editor typed or
 * pasted from Word. The build removes it (load/indents.ts); lint reports it,
 * and --fix removes it from the file.
 */
const INDENT = /^((?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?)([ \u3000]*\u3000[ \u3000]*)/gmu;

export function indentFindings(source: string, file: string, lines: LineIndex): Fix[] {
  // The front matter's lines are blank in the Markdown the splitter gives; the body starts after them.
  const markdown = splitFrontMatter(source, file).value?.markdown;
  const start = markdown === undefined ? 0 : lines.offset(/^\n*/.exec(markdown)![0].length + 1, 1);
  const fixes: Fix[] = [];
  for (const match of source.slice(start).matchAll(INDENT)) {
    const at = start + match.index + match[1]!.length;
    const old = match[2]!;
    fixes.push({ rule: 'fullwidth-indent', place: lines.place(at), start: at, end: at + old.length, old, replacement: '' });
  }
  return fixes;
}
