import type { Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { IssueDocument } from '../load/types.js';
import { chineseDate } from './dates.js';
import type { RoleText } from './fonts.js';

/** The issue line of the masthead and TOC: 2023年 第9期 · 总第453期. */
export function issueLine(doc: IssueDocument): { year: string; number: string; serial: string } {
  return { year: `${doc.meta.year}年`, number: `第${doc.meta.number}期`, serial: `总第${doc.meta.serial}期` };
}

function bodyTexts(body: Root, file: string): RoleText[] {
  const texts: RoleText[] = [];
  visitParents(body, 'text', (node, ancestors) => {
    const within = (type: string) => ancestors.some((a) => a.type === type);
    const role = within('heading') ? 'heading' : within('strong') ? 'runin' : within('emphasis') ? 'emphasis' : 'body';
    const start = node.position?.start;
    texts.push({ role, text: node.value, place: { file, line: start?.line, column: start?.column } });
  });
  return texts;
}

/** Every piece of text in the issue with the role whose font sets it, for the coverage check and subsetting. */
export function collectRoleTexts(doc: IssueDocument, publicationFile: string): RoleText[] {
  const { publication: pub, meta, file } = doc;
  const line = issueLine(doc);
  const atPublication = { file: publicationFile };
  const atMeta = { file, line: 2 };
  const texts: RoleText[] = [
    ...pub.name.map((text) => ({ role: 'masthead', text, place: atPublication })),
    { role: 'label', text: pub.classification, place: atPublication },
    { role: 'toc', text: pub.publishers.join(''), place: atPublication },
    { role: 'toc', text: `${line.year}${line.number}${line.serial}${chineseDate(meta.date)}`, place: atMeta },
    { role: 'footer', text: `报：${meta.distribution.report}发：${meta.distribution.send}共印：${meta.printRun}份`, place: atMeta },
    { role: 'footer', text: Object.values(pub.office).join('') + '编辑电话地址传真邮编邮箱：', place: atPublication },
  ];
  for (const column of doc.columns) {
    texts.push({ role: 'column', text: column.name, place: column.position });
    texts.push({ role: 'toc', text: column.name, place: column.position });
    for (const article of column.articles) {
      const meta = [article.title, article.subtitle ?? '', article.byline ?? ''].join('');
      texts.push({ role: 'toc', text: meta, place: article.position });
      texts.push({ role: 'title', text: article.title, place: article.position });
      if (article.subtitle) texts.push({ role: 'subtitle', text: article.subtitle, place: { file, line: article.position.line + 1 } });
      if (article.byline) texts.push({ role: 'byline', text: article.byline, place: { file, line: article.position.line + 1 } });
      texts.push(...bodyTexts(article.body, file));
    }
  }
  return texts;
}
