import { Document, isMap, isScalar } from 'yaml';
import type { Publication } from '../load/types.js';
import { paragraphText } from './page-breaks.js';
import type { ImportedArticle, ImportedIssue } from './types.js';

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

function article(a: ImportedArticle): string[] {
  const head = [`## ${a.title.text}`, ...(a.subtitle ? [`副题：${a.subtitle.text}`] : []), ...(a.byline ? [`作者：${a.byline.text}`] : [])];
  return [head.join('\n'), ...a.body.map((block) => (block.kind === 'section' ? `### ${block.heading.text}` : paragraphText(block)))];
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
