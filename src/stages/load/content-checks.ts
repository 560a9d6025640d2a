import type { Nodes, Parents, RootContent } from 'mdast';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import { type Diagnostic, error } from '../../diagnostics.js';
import { type Message, withHint } from '../../message.js';
import { type ContentType, contentOf } from './content-model.js';
import { tableGrid } from './table-grid.js';

/** Where a node stands, for its diagnostics. */
export function placeOf(node: { position?: { start: { line: number; column: number } } }, file: string) {
  return { file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

/** A printed construct in a place where it cannot print: the rule, what is wrong and what to write instead. */
interface Misplaced {
  rule: string;
  message: Message;
  hint: Message;
}

type PlaceCheck<T extends ContentType> = (node: Extract<RootContent, { type: T }>, ancestors: readonly Parents[]) => Misplaced | undefined;

const isBlank = (node: RootContent) => node.type === 'text' && node.value.trim() === '';

const inside = (ancestors: readonly Parents[], type: Parents['type']) => ancestors.some((a) => a.type === type);

const NESTED_BLOCK: Misplaced = {
  rule: 'misplaced-block',
  message: { zh: '这种块不能放在列表、引文或注释里', en: 'this block cannot stand inside a list, quotation or note' },
  hint: { zh: '空一行后单独写，不要缩进，也不要加“>”', en: 'put it on a line of its own, after a blank line, without indentation or “>”' },
};

/** Constructs that print only where the house style can set them. */
const PLACE_CHECKS: { [T in ContentType]?: PlaceCheck<T> } = {
  heading: (node, ancestors) => {
    if (ancestors.length > 0) return NESTED_BLOCK;
    if (node.depth > 3) {
      return {
        rule: 'heading-depth',
        message: { zh: '刊物格式没有四级及更深的标题', en: 'deeper headings are not part of the format' },
        hint: { zh: '小标题用“###”', en: 'use “###” for a section heading' },
      };
    }
    return undefined;
  },
  table: (_node, ancestors) => (ancestors.length > 0 ? NESTED_BLOCK : undefined),
  blockquote: (_node, ancestors) => (ancestors.length > 0 ? NESTED_BLOCK : undefined),
  footnoteDefinition: (_node, ancestors) => (ancestors.length > 0 ? NESTED_BLOCK : undefined),
  listItem: (node) =>
    typeof node.checked === 'boolean'
      ? {
          rule: 'unsupported-markdown',
          message: { zh: '任务列表的复选框（“[ ]”）印不出来', en: 'a task list’s check box (“[ ]”) does not print' },
          hint: { zh: '去掉复选框，只写条目', en: 'write the item without it' },
        }
      : undefined,
  list: (_node, ancestors) => {
    if (inside(ancestors, 'footnoteDefinition')) return NESTED_BLOCK;
    if (ancestors.filter((a) => a.type === 'list').length >= 2) {
      return {
        rule: 'list-depth',
        message: { zh: '列表只能嵌套一层', en: 'lists nest one level only' },
        hint: { zh: '第三层请写成所在条目里的正文', en: 'write the third level as running text in its item' },
      };
    }
    return undefined;
  },
  image: (_node, ancestors) => {
    const parent = ancestors.at(-1);
    const alone =
      parent?.type === 'paragraph' &&
      parent.children.every((c) => c.type === 'image' || isBlank(c)) &&
      parent.children.filter((c) => c.type === 'image').length === 1;
    return alone && ancestors.length === 1
      ? undefined
      : {
          rule: 'image-inline',
          message: { zh: '夹在句子里的图片印不出来', en: 'an image inside a sentence does not print' },
          hint: {
            zh: '空一行后单独一行写“![图1 说明](file.png)”，方括号里的文字印作图注',
            en: 'put “![图1 说明](file.png)” on a line of its own, after a blank line; its alt text prints as the caption',
          },
        };
  },
};

/**
 * Checks one block of an article body and everything inside it against the
 * content model: each node that does not print is reported at its line and
 * column with what to write instead (and what it holds is not reported again).
 */
export function checkContent(block: RootContent, file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  visitParents(block as Nodes, (node, ancestors) => {
    if (node.type === 'root') return;
    const entry = contentOf(node.type);
    if (!entry.print) {
      diagnostics.push(error(entry.rule, withHint(entry.message, entry.hint), placeOf(node, file)));
      return SKIP;
    }
    const check = PLACE_CHECKS[node.type] as PlaceCheck<typeof node.type> | undefined;
    const misplaced = check?.(node as never, ancestors as Parents[]);
    if (misplaced) {
      diagnostics.push(error(misplaced.rule, withHint(misplaced.message, misplaced.hint), placeOf(node, file)));
      return SKIP;
    }
    if (node.type === 'table') {
      // At the cell's text (the cell itself begins at its “|”).
      for (const { rule, message, hint, node: cell } of tableGrid(node).problems)
        diagnostics.push(error(rule, withHint(message, hint), placeOf(cell.children[0] ?? cell, file)));
    }
    return undefined;
  });
  return diagnostics;
}
