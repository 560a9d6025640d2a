import { type Engines, producerLine } from '../../config/engines.js';
import type { LayoutFacts } from '../../page/types.js';
import type { IssueDocument } from '../load/types.js';
import { issueLine } from '../render/role-texts.js';
import type { DocumentInfo } from './metadata.js';
import type { OutlineEntry } from './outline.js';

/** The date a build writes into its PDF: SOURCE_DATE_EPOCH when set, else midnight of the issue's date in Beijing. */
export function documentDate(doc: IssueDocument, sourceDateEpoch: number | undefined): Date {
  if (sourceDateEpoch !== undefined) return new Date(sourceDateEpoch * 1000);
  return new Date(`${doc.meta.date}T00:00:00+08:00`);
}

/** Title, author, subject and keywords of the issue, as the PDF's Info and XMP carry them. */
export function documentInfo(doc: IssueDocument, options: { version: string; sourceDateEpoch?: number; engines?: Engines }): DocumentInfo {
  const line = issueLine(doc);
  const name = doc.publication.name.join('');
  return {
    title: `${name} ${line.year}${line.number}（${line.serial}）`,
    author: doc.publication.publishers.join('、'),
    subject: `${name}，${doc.columns.flatMap((c) => c.articles.map((a) => a.title)).join('；')}`,
    keywords: doc.columns.map((c) => c.name),
    creator: `build-issue ${options.version}`,
    producer: options.engines ? producerLine(options.engines) : `build-issue ${options.version}`,
    date: documentDate(doc, options.sourceDateEpoch),
    language: 'zh-CN',
  };
}

/** Bookmarks: each column, opening at its first article's page, with its articles under it. */
export function issueOutline(doc: IssueDocument, facts: Pick<LayoutFacts, 'articles'>): OutlineEntry[] {
  return doc.columns.map((column) => {
    const children = column.articles.map((article) => ({ title: article.title, page: facts.articles[article.id] ?? 0, children: [] }));
    return { title: column.name, page: children[0]?.page ?? 0, children };
  });
}
