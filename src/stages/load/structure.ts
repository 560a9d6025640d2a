import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { error, type Diagnostic, type Result } from '../../diagnostics.js';
import type { Article, Column } from './types.js';

/**
 * The Markdown conventions, chosen so an editor types them without thinking:
 *
 *   # 学习动态                      a column (栏目); the ● is the style's, not the source's
 *   ## 标题                         an article title
 *   副题：…                         optional subtitle, on the line after the title
 *   作者：…                         optional byline, on the line after the title or subtitle
 *   ### 小标题                      a section heading inside the article
 *   **夯实阵地，组织强“新”。**正文…   a paragraph that opens in bold is a run-in head
 *
 * Everything else (raw HTML, lists, quotes, code, tables, deeper headings) is
 * rejected with the line it stands on.
 */
const META_LINE = /^(副题|副标题|作者)[：:]\s*(.*)$/;

const REJECTED: Partial<Record<RootContent['type'], string>> = {
  html: 'raw HTML is not allowed in an issue; write the text as Markdown',
  list: 'lists are not part of the issue format; write “一是…二是…” as running text',
  blockquote: 'quotations (“>”) are not part of the issue format; write them as paragraphs',
  code: 'code blocks are not part of the issue format',
  table: 'tables are not part of the issue format',
  thematicBreak: 'a “---” rule is not part of the issue body; the footer is generated',
  definition: 'link definitions are not part of the issue format',
  footnoteDefinition: 'footnotes are not part of the issue format',
};

interface Context {
  file: string;
  diagnostics: Diagnostic[];
}

function lineOf(node: { position?: { start: { line: number; column: number } } }, ctx: Context) {
  return {
    file: ctx.file,
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
  };
}

function metaLines(node: RootContent | undefined): Array<[string, string]> | undefined {
  if (node?.type !== 'paragraph') return undefined;
  const lines = toString(node).split('\n').map((line) => line.trim()).filter(Boolean);
  const matches = lines.map((line) => META_LINE.exec(line));
  if (matches.length === 0 || matches.some((m) => m === null)) return undefined;
  return matches.map((m) => [m![1] === '作者' ? 'byline' : 'subtitle', m![2]!.trim()]);
}

function headingText(node: Heading): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}

function checkInline(node: Paragraph | Heading, ctx: Context): void {
  visit(node, 'html', (html) => {
    ctx.diagnostics.push(error('raw-html', `raw HTML is not allowed in an issue: ${html.value.slice(0, 40)}`, lineOf(html, ctx)));
  });
}

/** Splits the body into columns and articles, reporting every node that does not fit the format. */
export function readStructure(tree: Root, file: string): Result<Column[]> {
  const ctx: Context = { file, diagnostics: [] };
  const columns: Column[] = [];
  let article: Article | undefined;
  const nodes = tree.children;

  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    const place = lineOf(node, ctx);
    const rejected = REJECTED[node.type];
    if (rejected) {
      ctx.diagnostics.push(error(node.type === 'html' ? 'raw-html' : 'unsupported-markdown', rejected, place));
      continue;
    }
    if (node.type === 'heading' && node.depth === 1) {
      checkInline(node, ctx);
      const name = headingText(node).replace(/^[●•·\s]+/, '');
      columns.push({ id: `c${columns.length + 1}`, name, articles: [], position: { file, line: place.line } });
      article = undefined;
      continue;
    }
    const column = columns.at(-1);
    if (!column) {
      ctx.diagnostics.push(error('content-before-column', 'the body must start with a column heading, e.g. “# 学习动态”', place));
      continue;
    }
    if (node.type === 'heading' && node.depth === 2) {
      checkInline(node, ctx);
      const articleIndex = columns.reduce((sum, c) => sum + c.articles.length, 0) + 1;
      article = { id: `a${articleIndex}`, title: headingText(node), body: { type: 'root', children: [] }, position: { file, line: place.line } };
      column.articles.push(article);
      for (let meta = metaLines(nodes[index + 1]); meta; meta = metaLines(nodes[index + 1])) {
        index++;
        for (const [key, value] of meta) {
          if (value === '') ctx.diagnostics.push(error('empty-meta', `“${key === 'byline' ? '作者' : '副题'}：” has no text`, lineOf(nodes[index]!, ctx)));
          else if (article[key as 'byline' | 'subtitle'] !== undefined) ctx.diagnostics.push(error('duplicate-meta', `the article already has a ${key}`, lineOf(nodes[index]!, ctx)));
          else article[key as 'byline' | 'subtitle'] = value;
        }
      }
      continue;
    }
    if (!article) {
      ctx.diagnostics.push(error('content-before-article', `text under column “${column.name}” must follow an article title, e.g. “## 标题”`, place));
      continue;
    }
    if (node.type === 'heading' && node.depth > 3) {
      ctx.diagnostics.push(error('heading-depth', 'use “###” for a section heading; deeper levels are not part of the format', place));
      continue;
    }
    if (node.type === 'paragraph' && metaLines(node)) {
      ctx.diagnostics.push(error('misplaced-meta', '“副题：” and “作者：” lines belong directly under the article title', place));
      continue;
    }
    if (node.type === 'heading' || node.type === 'paragraph') checkInline(node, ctx);
    article.body.children.push(node);
  }

  for (const column of columns) {
    if (column.articles.length === 0) {
      ctx.diagnostics.push(error('empty-column', `column “${column.name}” has no article`, column.position));
    }
    for (const a of column.articles) {
      if (!a.body.children.some((n) => n.type === 'paragraph')) {
        ctx.diagnostics.push(error('empty-article', `article “${a.title}” has no paragraphs`, a.position));
      }
    }
  }
  if (columns.length === 0) ctx.diagnostics.push(error('no-columns', 'the issue has no columns (“# 栏目”) and no articles', { file }));
  return { value: columns, diagnostics: ctx.diagnostics };
}
