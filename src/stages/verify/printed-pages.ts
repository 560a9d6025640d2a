import { type Diagnostic, error, warning } from '../../diagnostics.js';
import type { LayoutFacts } from '../../page/types.js';
import { pairTocEntries } from '../load/printed-record.js';
import type { IssueDocument } from '../load/types.js';

/**
 * For an issue that carries its printed TOC (front matter `printed.toc`):
 * each article's first page in this layout against the page the printed
 * original gave it. Entries are paired with articles by title, compared
 * without spacing or punctuation, so an entry that runs the subtitle on after
 * the title still finds its article. Every difference is reported: as a
 * warning, or as an error when pages must match (--strict-pages).
 */
export function comparePrintedPages(doc: IssueDocument, facts: Pick<LayoutFacts, 'articles'>, options: { strict: boolean }): Diagnostic[] {
  const toc = doc.meta.printed?.toc ?? [];
  if (toc.length === 0) return [];
  const report = options.strict ? error : warning;
  const articles = doc.columns.flatMap((column) => column.articles);
  const pairs = pairTocEntries(
    toc.map((entry) => entry.title),
    articles.map((article) => article.title),
  );
  const diagnostics: Diagnostic[] = [];
  pairs.forEach((index, entryIndex) => {
    const entry = toc[entryIndex]!;
    const article = articles[index];
    if (!article) {
      const message = {
        zh: `印本目录里的“${entry.title}”（第 ${entry.page} 页）在本期找不到对应的文章`,
        en: `the printed TOC's “${entry.title}” (page ${entry.page}) names no article of this issue`,
      };
      diagnostics.push(report('printed-toc-unmatched', message, { file: doc.file }));
      return;
    }
    const page = facts.articles[article.id];
    if (page !== entry.page) {
      const message = {
        zh: `“${article.title}”从第 ${page ?? '？'} 页开始，印本在第 ${entry.page} 页`,
        en: `“${article.title}” starts on page ${page ?? '(none)'}; the printed issue has it on page ${entry.page}`,
      };
      diagnostics.push(report('printed-page-differs', message, article.position));
    }
  });
  articles.forEach((article, index) => {
    if (!pairs.includes(index))
      diagnostics.push(
        report(
          'printed-toc-missing',
          { zh: `“${article.title}”不在印本目录里`, en: `“${article.title}” is not in the printed TOC` },
          article.position,
        ),
      );
  });
  return diagnostics;
}
