import type { Nodes, Paragraph, Root, RootContent, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import { isScalar, parseDocument } from 'yaml';
import { splitFrontMatter } from '../load/front-matter.js';
import { parseMarkdown } from '../load/parse-markdown.js';
import { readStructure } from '../load/structure.js';
import { captionLabel } from '../load/table-caption.js';
import type { Column } from '../load/types.js';
import { CHINESE_TEXT_RULES, LIST_RULES, RUNNING_TEXT_RULES, type TextRule } from './rules/index.js';
import { type LineIndex, locate, type Span } from './source-map.js';

/** One piece of the issue's text, the rules that apply to it, and where it stands in the file. */
export interface Segment {
  text: string;
  rules: readonly TextRule[];
  spans: Span[];
}

/** The front-matter values that are printed as text: the distribution lines of the footer. */
const PRINTED_FIELDS = [
  ['distribution', 'report'],
  ['distribution', 'send'],
];

function frontMatterSegments(source: string, yaml: string, lines: LineIndex): Segment[] {
  const doc = parseDocument(yaml);
  const yamlStart = lines.offset(2, 1);
  const segments: Segment[] = [];
  for (const path of PRINTED_FIELDS) {
    const node = doc.getIn(path, true);
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) continue;
    const spans = locate(node.value, 0, source, yamlStart + node.range[0], yamlStart + node.range[1]);
    segments.push({ text: node.value, rules: LIST_RULES, spans });
  }
  return segments;
}

/** A block's text as it is printed: its text nodes in order, a hard break as a line end (inline code, not Chinese text, is left out). */
function blockSegment(block: Nodes, rules: readonly TextRule[], source: string, lines: LineIndex): Segment {
  let text = '';
  const spans: Span[] = [];
  visit(block, (node) => {
    if (node.type === 'break') text += '\n';
    if (node.type !== 'text') return;
    const { start, end } = node.position!;
    spans.push(...locate(node.value, text.length, source, lines.offset(start.line, start.column), lines.offset(end.line, end.column)));
    text += node.value;
  });
  return { text, rules, spans };
}

/**
 * The rules for each paragraph of an article body, by where it stands and the
 * convention it follows (load/conventions.ts): running text ends with a
 * terminal mark, but list items, note and annex lines, signatures, notes and
 * table cells need not.
 */
function rulesFor(ancestors: readonly Nodes[], node: Paragraph | TableCell): readonly TextRule[] {
  if (node.type === 'tableCell') return CHINESE_TEXT_RULES;
  if (node.data?.kind !== undefined) return LIST_RULES;
  const within = (type: Nodes['type']) => ancestors.some((a) => a.type === type);
  return within('listItem') || within('footnoteDefinition') ? LIST_RULES : RUNNING_TEXT_RULES;
}

/** The printed paragraphs (and table cells) of a block of an article body. */
function bodySegments(block: Nodes, source: string, lines: LineIndex): Segment[] {
  const segments: Segment[] = [];
  visitParents(block, (node, ancestors) => {
    if (node.type !== 'paragraph' && node.type !== 'tableCell') return;
    segments.push(blockSegment(node, rulesFor(ancestors, node), source, lines));
    return SKIP;
  });
  return segments;
}

/** A table's caption (表1　…) is a headline of the table below it. */
const isCaption = (block: Paragraph, next: RootContent | undefined) =>
  next?.type === 'table' && captionLabel(toString(block)) !== undefined;

/**
 * Body paragraphs are running text; titles, subtitles, bylines, headings and
 * table captions are headlines, which may hold a space (a two-part headline,
 * a byline's name) and end without a mark. The structure reader of the load stage decides which
 * is which, as it does for the build.
 */
function markdownSegments(tree: Root, file: string, source: string, lines: LineIndex, known?: readonly Column[]): Segment[] {
  const columns = known ?? readStructure(tree, file).value ?? [];
  const body = new Set<RootContent>(columns.flatMap((c) => c.articles.flatMap((a) => a.body.children)));
  const segments: Segment[] = [];
  tree.children.forEach((block, index) => {
    if (block.type === 'heading') segments.push(blockSegment(block, CHINESE_TEXT_RULES, source, lines));
    else if (block.type === 'paragraph' && isCaption(block, tree.children[index + 1]))
      segments.push(blockSegment(block, CHINESE_TEXT_RULES, source, lines));
    else if (body.has(block) || block.type === 'footnoteDefinition') segments.push(...bodySegments(block, source, lines));
    else if (block.type === 'paragraph') segments.push(blockSegment(block, CHINESE_TEXT_RULES, source, lines));
  });
  return segments;
}

/** An issue the load stage has read already: its Markdown parsed, and the columns it found in it. */
export interface LoadedText {
  markdown: Root;
  columns: readonly Column[];
}

/**
 * Every piece of printed text in an issue file. A file without front matter
 * (a draft, an import) is linted as Markdown throughout; whether it needs front
 * matter is the load stage's question.
 */
export function issueSegments(source: string, file: string, lines: LineIndex, loaded?: LoadedText): Segment[] {
  const split = splitFrontMatter(source, file).value;
  const tree = loaded?.markdown ?? parseMarkdown(split?.markdown ?? source);
  return [
    ...(split ? frontMatterSegments(source, split.yaml, lines) : []),
    ...markdownSegments(tree, file, source, lines, loaded?.columns),
  ];
}
