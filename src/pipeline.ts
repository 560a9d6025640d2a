/**
 * build-issue's stages, in the order the data flows through them:
 *
 *   load      issues/<serial>/issue.md + issues/publication.yaml → IssueDocument
 *   render    IssueDocument → HtmlBundle   (unified, Handlebars, styles, subset fonts)
 *   paginate  HtmlBundle → PaginatedPdf    (Paged.js 0.4.3 in headless Chromium)
 *   finish    PaginatedPdf → FinalPdf      (pdf-lib: A4 trim and bleed, padding, bookmarks, metadata, identical bytes)
 *
 * This is the only module that imports every stage. Stages never print and
 * never exit: each returns its value with its diagnostics.
 */
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { loadEdition } from './config/edition.js';
import type { Settings } from './config/settings.js';
import { hasErrors, type Diagnostic, type Result } from './diagnostics.js';
import { checkBinding, planBinding } from './stages/finish/binding.js';
import { finishPdf, type FinalPdf } from './stages/finish/finish.js';
import { documentInfo, issueOutline } from './stages/finish/issue-facts.js';
import { bleedCss } from './stages/finish/sheet.js';
import { editionPlace } from './stages/load/front-matter.js';
import { PUBLICATION_FILE } from './stages/load/load-issue.js';
import type { IssueDocument } from './stages/load/types.js';
import type { LayoutFacts } from './page/types.js';
import { paginate } from './stages/paginate/paginate.js';
import { renderIssue, type RenderOptions } from './stages/render/render-issue.js';
import { comparePrintedPages } from './stages/verify/printed-pages.js';

export interface BuildOutput {
  serial: string;
  pdf?: FinalPdf;
  /** The HTML as it was laid out. */
  html?: string;
  facts?: LayoutFacts;
  document?: IssueDocument;
  diagnostics: Diagnostic[];
}

/** Supplies a browser when a build gets as far as layout: an issue that fails before it never waits for one. */
export type BrowserSource = () => Promise<Browser>;

/** What this build should do beyond the PDF itself. */
export interface BuildRequest {
  /** Audit every line of every page against the typesetting rules (--check). */
  check: boolean;
  /** Articles must start on the pages the printed original gave them (--strict-pages); --check only warns. */
  strictPages?: boolean;
}

/**
 * The stages after load, from an issue already loaded (stage 1: the caller
 * loads it, to see whether it changed since its PDF was built, and imports
 * this module only when it did).
 */
export async function buildIssue(serial: string, loaded: Result<IssueDocument>, settings: Settings, browser: BrowserSource, request: BuildRequest = { check: false }): Promise<BuildOutput> {
  const diagnostics: Diagnostic[] = [];
  const rootDir = process.cwd();
  diagnostics.push(...loaded.diagnostics);
  const doc = loaded.value;
  if (!doc) return { serial, diagnostics };

  const loadedEdition = await loadEdition(settings.editionsDir, doc.meta.edition, editionPlace(doc));
  const edition = loadedEdition.value;
  if (!edition) return { serial, document: doc, diagnostics: [...diagnostics, ...loadedEdition.diagnostics] };

  const renderOptions: RenderOptions = {
    rootDir: settings.packageDir,
    cacheDir: settings.cacheDir,
    publicationFile: path.relative(rootDir, path.join(settings.issuesDir, PUBLICATION_FILE)),
    edition,
    version: settings.version,
    extraCss: bleedCss(settings.print),
  };
  let bundle = await renderIssue(doc, renderOptions);
  diagnostics.push(...bundle.diagnostics);
  if (!bundle.value || hasErrors(diagnostics)) return { serial, document: doc, diagnostics };

  const layout = { audit: request.check, tagged: settings.print.tagged };
  let laidOut = await paginate(bundle.value, await browser(), layout);
  // Saddle stitching: a page count that is not a multiple of 4 is laid out again, the footer on a page of its own.
  const binding = settings.print.pad && laidOut.value ? planBinding(laidOut.value.facts) : undefined;
  if (binding) {
    bundle = await renderIssue(doc, { ...renderOptions, extraCss: `${renderOptions.extraCss}\n${binding.css}` });
    if (!bundle.value) return { serial, document: doc, diagnostics: [...diagnostics, ...bundle.diagnostics] };
    laidOut = await paginate(bundle.value, await browser(), layout);
    if (laidOut.value) laidOut.diagnostics.push(...checkBinding(binding, laidOut.value.facts, doc.file));
  }
  diagnostics.push(...laidOut.diagnostics);
  if (!laidOut.value) return { serial, document: doc, html: bundle.value.html, diagnostics };
  if (request.check || request.strictPages) diagnostics.push(...comparePrintedPages(doc, laidOut.value.facts, { strict: request.strictPages ?? false }));

  const finished = await finishPdf(laidOut.value.pdf, {
    info: documentInfo(doc, settings),
    outline: issueOutline(doc, laidOut.value.facts),
    print: settings.print,
    blankPages: binding?.blankPages ?? 0,
    file: doc.file,
  });
  diagnostics.push(...finished.diagnostics);
  return { serial, pdf: finished.value, html: bundle.value.html, facts: laidOut.value.facts, document: doc, diagnostics };
}
