import { Document, isMap, isScalar } from 'yaml';
import type { Publication } from '../load/types.js';
import { paragraphText } from './page-breaks.js';
import type { ImportedArticle, ImportedBlock, ImportedIssue, SourceText } from './types.js';

/** Comments an editor reads above the fields the import filled in. */
const FIELD_COMMENTS: Record<string, string> = {
  distribution: ' 报： and 发： lines of the printed footer',
  print_run: ' 共印：…份',
  printed: ' the printed original: its TOC (pages as printed) and the pages that began inside a paragraph',
};

function frontMatter(issue: ImportedIssue, conversion: string): string {
  const { meta } = issue;
  const doc = new Document({
    serial: meta.serial,
    year: meta.year,
    number: meta.number,
    date: meta.date,
    distribution: meta.distribution,
    print_run: meta.printRun,
    // A conversion without a printed TOC has no page numbers to keep.
    ...(meta.printed.toc.length > 0 ? { printed: { toc: meta.printed.toc, page_breaks: meta.printed.pageBreaks } } : {}),
  });
  doc.commentBefore = ` 总第${meta.serial}期 · ${meta.year}年第${meta.number}期, imported from ${conversion}`;
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && FIELD_COMMENTS[String(pair.key.value)]) pair.key.commentBefore = FIELD_COMMENTS[String(pair.key.value)];
    }
  }
  return doc.toString({ lineWidth: 0 });
}

/** A table as pipe-table rows: the header, the delimiter row, the body (a “|” in a cell escaped). */
function tableMarkdown(rows: readonly SourceText[][]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/(?<!\\)\|/g, '\\|')).join(' | ')} |`;
  const [head, ...body] = rows.map((row) => row.map((cell) => cell.text));
  return [line(head!), line(head!.map(() => '---')), ...body.map(line)].join('\n');
}

function blockMarkdown(block: ImportedBlock): string {
  if (block.kind === 'section') return `### ${block.heading.text}`;
  if (block.kind === 'paragraph') return paragraphText(block);
  if (block.kind === 'item') return `${block.marker} ${block.text.text}`;
  if (block.kind === 'lines') return block.lines.map((line) => line.text).join('\n');
  return tableMarkdown(block.rows);
}

function article(a: ImportedArticle): string[] {
  const head = [`## ${a.title.text}`, ...(a.subtitle ? [`副题：${a.subtitle.text}`] : []), ...(a.byline ? [`作者：${a.byline.text}`] : [])];
  return [head.join('\n'), ...a.body.map(blockMarkdown)];
}

/** The issue in the project's source format (see docs/editors.md, “The source format”). */
export function issueMarkdown(issue: ImportedIssue, conversion: string): string {
  const body = issue.columns.flatMap((column) => [`# ${column.name.text}`, ...column.articles.flatMap(article)]);
  return `---\n${frontMatter(issue, conversion)}---\n\n${body.join('\n\n')}\n`;
}

/** issues/publication.yaml, for a project that has none yet. */
export function publicationYaml(publication: Publication): string {
  const doc = new Document(publication);
  doc.commentBefore = " What every issue of the publication shares, read from an imported issue's masthead and footer.";
  return doc.toString({ lineWidth: 0 });
}
