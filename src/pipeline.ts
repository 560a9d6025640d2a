/**
 * build-issue's stages, in the order the data flows through them:
 *
 *   load      issues/<serial>/issue.md + issues/publication.yaml → IssueDocument
 *   render    IssueDocument → HtmlBundle   (unified, Handlebars, styles, subset fonts)
 *   paginate  HtmlBundle → PaginatedPdf    (Paged.js 0.4.3 in headless Chromium)
 *   finish    PaginatedPdf → FinalPdf      (pdf-lib: A4 boxes, metadata, identical bytes)
 *
 * This is the only module that imports every stage. Stages never print and
 * never exit: each returns its value with its diagnostics.
 */
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { loadEdition } from './config/edition.js';
import type { Settings } from './config/settings.js';
import { error, hasErrors, type Diagnostic } from './diagnostics.js';
import { finishPdf, type FinalPdf } from './stages/finish/finish.js';
import { loadIssue, PUBLICATION_FILE } from './stages/load/load-issue.js';
import type { IssueDocument } from './stages/load/types.js';
import { paginate, type LayoutFacts } from './stages/paginate/paginate.js';
import { renderIssue } from './stages/render/render-issue.js';
import { issueLine } from './stages/render/role-texts.js';

export interface BuildOutput {
  serial: string;
  pdf?: FinalPdf;
  /** The HTML as it was laid out. */
  html?: string;
  facts?: LayoutFacts;
  document?: IssueDocument;
  diagnostics: Diagnostic[];
}

/** Supplies a browser only when a build gets as far as layout, so a bad issue never starts one. */
export type BrowserSource = () => Promise<Browser>;

function documentDate(doc: IssueDocument, settings: Pick<Settings, 'sourceDateEpoch'>): Date {
  if (settings.sourceDateEpoch !== undefined) return new Date(settings.sourceDateEpoch * 1000);
  return new Date(`${doc.meta.date}T00:00:00+08:00`);
}

export async function buildIssue(serial: string, settings: Settings, browser: BrowserSource): Promise<BuildOutput> {
  const diagnostics: Diagnostic[] = [];
  const rootDir = process.cwd();
  const loaded = await loadIssue(serial, { issuesDir: settings.issuesDir, rootDir, defaultEdition: settings.defaultEdition });
  diagnostics.push(...loaded.diagnostics);
  const doc = loaded.value;
  if (!doc) return { serial, diagnostics };

  const edition = await loadEdition(settings.packageDir, doc.meta.edition);
  if (!edition) {
    diagnostics.push(error('edition-missing', `style edition “${doc.meta.edition}” does not exist (styles/${doc.meta.edition})`, { file: doc.file, line: 2 }));
    return { serial, document: doc, diagnostics };
  }

  const bundle = await renderIssue(doc, {
    rootDir: settings.packageDir,
    cacheDir: settings.cacheDir,
    publicationFile: path.relative(rootDir, path.join(settings.issuesDir, PUBLICATION_FILE)),
    edition,
    version: settings.version,
  });
  diagnostics.push(...bundle.diagnostics);
  if (!bundle.value || hasErrors(diagnostics)) return { serial, document: doc, diagnostics };

  const laidOut = await paginate(bundle.value, await browser());
  diagnostics.push(...laidOut.diagnostics);
  if (!laidOut.value) return { serial, document: doc, html: bundle.value.html, diagnostics };

  const line = issueLine(doc);
  const name = doc.publication.name.join('');
  const pdf = await finishPdf(laidOut.value.pdf, {
    title: `${name} ${line.year}${line.number}（${line.serial}）`,
    author: doc.publication.publishers.join('、'),
    subject: `${name}，${doc.columns.flatMap((c) => c.articles.map((a) => a.title)).join('；')}`,
    keywords: doc.columns.map((c) => c.name),
    creator: `build-issue ${settings.version}`,
    date: documentDate(doc, settings),
    language: 'zh-CN',
  });
  return { serial, pdf, html: laidOut.value.html, facts: laidOut.value.facts, document: doc, diagnostics };
}
