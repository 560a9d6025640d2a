import path from 'node:path';
import type { Edition } from '../../config/edition.js';
import { type Diagnostic, hasErrors, type Result } from '../../diagnostics.js';
import type { IssueDocument } from '../load/types.js';
import { chineseDate } from './dates.js';
import { displayHtml, headlineHtml } from './display/display-html.js';
import { type PreparedFont, prepareFonts } from './fonts.js';
import { inlineImages } from './images.js';
import { blockCounter, markdownToHtml } from './markdown-to-html.js';
import { pageScript } from './page-script.js';
import { collectRoleTexts, issueLine } from './role-texts.js';
import { compileTemplates } from './templates.js';
import type { Block } from './types.js';

export interface ArticleEntry {
  id: string;
  column: string;
  title: string;
  line: number;
}

/** Stage 2's output: one self-contained HTML document, and what must reach the pages. */
export interface HtmlBundle {
  html: string;
  blocks: Block[];
  articles: ArticleEntry[];
  /** The issue's file, for messages after layout. */
  file: string;
}

export interface RenderOptions {
  rootDir: string;
  cacheDir: string;
  publicationFile: string;
  edition: Edition;
  /** The build-issue version, written into the document's generator meta. */
  version: string;
  /** CSS after the edition's own: the print options' bleed, the binding layout (see stages/finish). Default none. */
  extraCss?: string;
}

function fontFaceCss(fonts: readonly PreparedFont[]): string {
  return fonts
    .map(
      (f) =>
        `@font-face { font-family: "${f.family}"; font-weight: ${f.weight}; font-style: normal; ` +
        `src: url(data:font/ttf;base64,${f.ttf.toString('base64')}) format("truetype"); }`,
    )
    .join('\n');
}

/** Stage 2: IssueDocument → HtmlBundle (unified for the Markdown, Handlebars for the page, fonts subset and inlined). */
export async function renderIssue(doc: IssueDocument, options: RenderOptions): Promise<Result<HtmlBundle>> {
  const { edition } = options;
  // The templates' own text is set in the body's font (every other family's fallback), which must carry it.
  const templateText = {
    role: 'body',
    text: edition.templateChars,
    place: { file: path.relative(process.cwd(), edition.templatesDir) || edition.templatesDir },
  };
  const fonts = await prepareFonts([...collectRoleTexts(doc, options.publicationFile), templateText], edition.generated, {
    rootDir: options.rootDir,
    families: edition.families,
    roles: edition.roles,
    cacheDir: options.cacheDir,
  });
  if (!fonts.value) return { diagnostics: fonts.diagnostics };

  const diagnostics: Diagnostic[] = [...fonts.diagnostics];
  const counter = blockCounter();
  const articles: ArticleEntry[] = [];
  const columns = [];
  for (const column of doc.columns) {
    const columnBlock = counter.next(column.position.line, column.name);
    const articleViews = [];
    for (const article of column.articles) {
      const withImages = await inlineImages(article.body, doc.dir, doc.file);
      diagnostics.push(...withImages.diagnostics);
      articles.push({ id: article.id, column: column.name, title: article.title, line: article.position.line });
      articleViews.push({
        id: article.id,
        titleBlock: counter.next(article.position.line, article.title).id,
        titleHtml: headlineHtml(article.title),
        subtitleBlock: article.subtitle ? counter.next(article.position.line + 1, article.subtitle).id : null,
        subtitleHtml: article.subtitle ? headlineHtml(article.subtitle) : null,
        /** The TOC entry: a subtitle that opens with a dash runs on after the title; any other sits after a space. */
        tocTitleHtml: displayHtml(
          article.subtitle ? `${article.title}${article.subtitle.startsWith('——') ? '' : ' '}${article.subtitle}` : article.title,
        ),
        bylineBlock: article.byline ? counter.next(article.position.line + 1, article.byline).id : null,
        bylineHtml: article.byline ? displayHtml(article.byline) : null,
        bodyHtml: await markdownToHtml(withImages.body, counter, article.notes),
        line: article.position.line,
      });
    }
    columns.push({ id: column.id, name: column.name, block: columnBlock.id, line: column.position.line, articles: articleViews });
  }

  if (hasErrors(diagnostics)) return { diagnostics };

  const line = issueLine(doc);
  const title = `${doc.publication.name.join('')} ${line.year}${line.number}（${line.serial}）`;
  const render = await compileTemplates(edition.templatesDir);
  const html = render({
    title,
    generator: `build-issue ${options.version}`,
    edition: edition.name,
    publication: doc.publication,
    issue: { ...line, date: chineseDate(doc.meta.date), printRun: doc.meta.printRun, distribution: doc.meta.distribution },
    columns,
    fontFaces: fontFaceCss(fonts.value),
    css: options.extraCss ? `${edition.css}\n${options.extraCss}` : edition.css,
    layoutScript: await pageScript(),
  });
  return { value: { html, blocks: counter.blocks, articles, file: doc.file }, diagnostics };
}
