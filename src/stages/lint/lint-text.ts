import { type Diagnostic, diagnostic, warning } from '../../diagnostics.js';
import { indentFindings } from './indents.js';
import { checkText } from './rules/index.js';
import { issueSegments, type LoadedText } from './segments.js';
import { exactRange, lineIndex, toSource } from './source-map.js';
import type { Fix } from './types.js';

export interface TextLint {
  diagnostics: Diagnostic[];
  fixes: Fix[];
}

/** Runs the copy editor's rules over every printed text of an issue file, with positions in the file. */
export function lintText(source: string, file: string, loaded?: LoadedText): TextLint {
  const lines = lineIndex(source, file);
  const diagnostics: Diagnostic[] = [];
  const fixes: Fix[] = [];
  for (const segment of issueSegments(source, file, lines, loaded)) {
    for (const finding of checkText(segment.text, segment.rules)) {
      const { at } = toSource(segment.spans, finding.offset);
      const place = lines.place(at);
      diagnostics.push(diagnostic(finding.severity, finding.rule, finding.message, place));
      const end = finding.offset + finding.length;
      if (finding.fix === undefined || !exactRange(segment.spans, finding.offset, end)) continue;
      const start = at;
      const stop = toSource(segment.spans, end).at;
      fixes.push({ rule: finding.rule, place, start, end: stop, old: source.slice(start, stop), replacement: finding.fix });
    }
  }
  for (const fix of indentFindings(source, file, lines)) {
    const message = {
      zh: '这一行用全角空格缩进；版式会自动首行缩进，排版时会去掉这些空格',
      en: 'ideographic spaces (全角空格) indent this line; the style indents paragraphs itself, and the build removes them',
    };
    diagnostics.push(warning(fix.rule, message, fix.place));
    fixes.push(fix);
  }
  diagnostics.sort((a, b) => a.line! - b.line! || a.column! - b.column!);
  return { diagnostics, fixes };
}
