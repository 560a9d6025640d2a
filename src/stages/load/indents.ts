import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';

/** What editors type or paste from Word to indent a paragraph: ideographic spaces (全角空格), perhaps after spaces. */
const INDENT = /^[ \u3000]*\u3000[ \u3000]*/u;
const LINE_INDENT = /\n[ \u3000]*\u3000[ \u3000]*/gu;

/**
 * Removes the ideographic spaces (U+3000) an editor indented a paragraph or
 * one of its lines with: the style sheet indents paragraphs, and the spaces
 * would push the first line two characters further in. An ideographic space
 * inside a line is text and prints (lint --fix removes the indents from the
 * file: lint/rules/fullwidth-indent.ts).
 */
export function removeIndents(tree: Nodes): void {
  visit(tree, 'text', (text, index, parent) => {
    const lineStart = index === 0 || parent?.children[index! - 1]?.type === 'break';
    if (lineStart) text.value = text.value.replace(INDENT, '');
    text.value = text.value.replace(LINE_INDENT, '\n');
  });
}
