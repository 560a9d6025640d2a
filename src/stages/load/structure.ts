import type { FootnoteDefinition, Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { type Diagnostic, error, type Result } from '../../diagnostics.js';
import { withHint } from '../../message.js';
import { classifyArticle } from './classify-article.js';
import { checkContent, placeOf } from './content-checks.js';
import { contentOf } from './content-model.js';
import { removeIndents } from './indents.js';
import { isNoteDefinition, numberNotes } from './notes.js';
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
 * What an article body may hold is the content model's (content-model.ts):
 * every construct either prints in the house style or is rejected at its line
 * with what to write instead.
 */
const META_LINE = /^(副题|副标题|作者)[：:]\s*(.*)$/;

interface Context {
  file: string;
  diagnostics: Diagnostic[];
}

const lineOf = (node: { position?: { start: { line: number; column: number } } }, ctx: Context) => placeOf(node, ctx.file);

function metaLines(node: RootContent | undefined): Array<[string, string]> | undefined {
  if (node?.type !== 'paragraph') return undefined;
  const lines = toString(node)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const matches = lines.map((line) => META_LINE.exec(line));
  if (matches.length === 0 || matches.some((m) => m === null)) return undefined;
  return matches.map((m) => [m![1] === '作者' ? 'byline' : 'subtitle', m![2]!.trim()]);
}

function headingText(node: Heading): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}

/** Column names and titles print as plain text: any other construct in them is reported, as the content model has it. */
function checkInline(node: Heading, ctx: Context): void {
  visit(node, (inner) => {
    if (inner === node || inner.type === 'text' || inner.type === 'strong' || inner.type === 'emphasis') return;
    const entry = contentOf(inner.type);
    const message = entry.print
      ? {
          zh: '栏目名和标题只印纯文字；这部分请写进文章正文',
          en: 'a column name or title prints as plain text; write this in the article body instead',
        }
      : withHint(entry.message, entry.hint);
    ctx.diagnostics.push(error(entry.print ? 'title-markup' : entry.rule, message, lineOf(inner, ctx)));
  });
}

/** Splits the body into columns and articles, reporting every node that does not fit the format. */
export function readStructure(tree: Root, file: string): Result<Column[]> {
  const ctx: Context = { file, diagnostics: [] };
  const columns: Column[] = [];
  let article: Article | undefined;
  const nodes = tree.children;

  const definitions: FootnoteDefinition[] = [];

  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    const place = lineOf(node, ctx);
    if (isNoteDefinition(node)) {
      ctx.diagnostics.push(...checkContent(node, ctx.file));
      removeIndents(node);
      definitions.push(node);
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
      ctx.diagnostics.push(
        error(
          'content-before-column',
          { zh: '正文要从栏目标题开始，如“# 学习动态”', en: 'the body must start with a column heading, e.g. “# 学习动态”' },
          place,
        ),
      );
      continue;
    }
    if (node.type === 'heading' && node.depth === 2) {
      checkInline(node, ctx);
      const articleIndex = columns.reduce((sum, c) => sum + c.articles.length, 0) + 1;
      article = {
        id: `a${articleIndex}`,
        title: headingText(node),
        body: { type: 'root', children: [] },
        notes: [],
        position: { file, line: place.line },
      };
      column.articles.push(article);
      for (let meta = metaLines(nodes[index + 1]); meta; meta = metaLines(nodes[index + 1])) {
        index++;
        for (const [key, value] of meta) {
          const label = key === 'byline' ? '作者' : '副题';
          if (value === '')
            ctx.diagnostics.push(
              error('empty-meta', { zh: `“${label}：”后面没有内容`, en: `“${label}：” has no text` }, lineOf(nodes[index]!, ctx)),
            );
          else if (article[key as 'byline' | 'subtitle'] !== undefined) {
            ctx.diagnostics.push(
              error(
                'duplicate-meta',
                { zh: `这篇文章已经有“${label}：”了，只能写一行`, en: `the article already has a ${key}` },
                lineOf(nodes[index]!, ctx),
              ),
            );
          } else article[key as 'byline' | 'subtitle'] = value;
        }
      }
      continue;
    }
    if (!article) {
      const message = {
        zh: `栏目“${column.name}”下的文字前面要有文章标题，如“## 标题”`,
        en: `text under column “${column.name}” must follow an article title, e.g. “## 标题”`,
      };
      ctx.diagnostics.push(error('content-before-article', message, place));
      continue;
    }
    if (node.type === 'paragraph' && metaLines(node)) {
      ctx.diagnostics.push(
        error(
          'misplaced-meta',
          { zh: '“副题：”和“作者：”要紧接在文章标题下面', en: '“副题：” and “作者：” lines belong directly under the article title' },
          place,
        ),
      );
      continue;
    }
    ctx.diagnostics.push(...checkContent(node, ctx.file));
    removeIndents(node);
    article.body.children.push(node);
  }

  const articles = columns.flatMap((c) => c.articles);
  for (const a of articles) ctx.diagnostics.push(...classifyArticle(a, file));
  ctx.diagnostics.push(...numberNotes(articles, definitions, file));
  for (const column of columns) {
    if (column.articles.length === 0) {
      ctx.diagnostics.push(
        error('empty-column', { zh: `栏目“${column.name}”下没有文章`, en: `column “${column.name}” has no article` }, column.position),
      );
    }
    for (const a of column.articles) {
      if (!a.body.children.some((n) => n.type === 'paragraph')) {
        ctx.diagnostics.push(
          error('empty-article', { zh: `文章“${a.title}”没有正文段落`, en: `article “${a.title}” has no paragraphs` }, a.position),
        );
      }
    }
  }
  if (columns.length === 0)
    ctx.diagnostics.push(
      error(
        'no-columns',
        { zh: '这一期没有栏目（“# 栏目”），也没有文章', en: 'the issue has no columns (“# 栏目”) and no articles' },
        { file },
      ),
    );
  return { value: columns, diagnostics: ctx.diagnostics };
}
