/**
 * The build of one issue: every step, in the order the data flows through them.
 *
 *   load      issues/<serial>/issue.md + issues/publication.yaml → IssueDocument
 *             (the rest is skipped when the inputs are those the PDF was built from: build-cache/)
 *   lint      the issue's text, as a copy editor marks it; its errors stop the build
 *   render    IssueDocument → HtmlBundle   (unified, Handlebars, styles, subset fonts, the page script)
 *   paginate  HtmlBundle → PaginatedPdf    (Paged.js 0.4.3 in headless Chromium, through browser/)
 *   finish    PaginatedPdf → FinalPdf      (pdf-lib: A4 trim and bleed, padding, bookmarks, metadata, identical bytes)
 *   verify    article pages against the printed TOC (--check), then the print shop's preflight
 *   write     the PDF and its checksum (and the HTML, --keep-html), each atomically
 *   record    what the PDF was built from, so that an unchanged issue is skipped next time
 *   proof     PNGs of the pages and a contact sheet (--proof)
 *
 * This is the only module that imports every stage. Stages never print and
 * never exit: each returns its value with its diagnostics, and so does this;
 * the CLI reports them. The steps after the skip are imported when an issue
 * gets to them, so that a skipped build loads none of the code that lays
 * out, writes or checks PDFs.
 */
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { type BrowserLease, BrowserUnavailable } from './browser/shared-browser.js';
import type { InputDigester } from './build-cache/inputs.js';
import { recordedOutputs, sha256, upToDate } from './build-cache/manifest.js';
import { writeBuilt } from './build-cache/write-built.js';
import { loadEdition } from './config/edition.js';
import type { Settings } from './config/settings.js';
import { type Diagnostic, hasErrors } from './diagnostics.js';
import { checkOutput, writeProblem } from './io/outputs.js';
import { writeAtomic } from './io/write-atomic.js';
import type { Message } from './message.js';
import type { FinalPdf } from './stages/finish/finish.js';
import { editionPlace } from './stages/load/front-matter.js';
import { loadIssue, PUBLICATION_FILE } from './stages/load/load-issue.js';
import type { IssueDocument } from './stages/load/types.js';
import type { RenderOptions } from './stages/render/render-issue.js';

/** What a build of one issue is asked for beyond the PDF itself (the build command's options). */
export interface BuildRequest {
  /** Write the PDF here instead of dist/<serial>.pdf. */
  output?: string;
  /** Also write the HTML that was laid out, next to the PDF (--keep-html). */
  keepHtml: boolean;
  /** Build even when the inputs are unchanged since the PDF was written. */
  force: boolean;
  /** Audit every line of every page against the typesetting rules, and compare article pages with the printed TOC (--check). */
  check: boolean;
  /** Fail when an article starts on another page than in the printed original (--strict-pages). */
  strictPages: boolean;
  /** Lint the issue's text first and stop on its errors; --no-lint turns this off. */
  lint: boolean;
  /** Also write PNG proofs of the pages and a contact sheet next to the PDF (--proof). */
  proof: boolean;
}

/** One issue's build: what is asked, the run's settings and input digests, and the issue's lease of the run's browser. */
export interface BuildRun {
  request: BuildRequest;
  settings: Settings;
  digest: InputDigester;
  browser: BrowserLease;
  /** Hears the count of pages laid out so far, as each is added (laying out again for binding counts from 1 again). */
  onPage?: (pages: number) => void;
}

export type IssueStatus = 'built' | 'skipped' | 'failed';

export interface IssueResult {
  serial: string;
  status: IssueStatus;
  pages?: number;
  /** The --check audit ran on this build's pages (so no finding means it found nothing). */
  checked?: boolean;
  /** The PDF (absolute path): written when built, untouched when skipped or failed. */
  output: string;
  diagnostics: Diagnostic[];
  /** Lines for the report beside the diagnostics: what was kept, the preflight's verdict, where the proofs are. */
  notes: Message[];
}

/** What a step adds to the issue's report. */
interface Report {
  diagnostics: Diagnostic[];
  notes: Message[];
}

/** The files a build writes: the PDF, its checksum, and the HTML when it is kept. */
interface OutputFiles {
  pdf: string;
  checksum: string;
  html?: string;
}

function outputFiles(serial: string, { request, settings }: BuildRun): OutputFiles {
  const pdf = path.resolve(request.output ?? path.join(settings.distDir, `${serial}.pdf`));
  return { pdf, checksum: `${pdf}.sha256`, html: request.keepHtml ? `${pdf.replace(/\.pdf$/i, '')}.html` : undefined };
}

/** The folders a build reads from, where no output may go. */
function inputFolders(settings: Settings): string[] {
  return [
    settings.issuesDir,
    ...['templates', 'styles', 'fonts'].map((folder) => path.join(settings.editionsDir, folder)),
    path.join(settings.packageDir, 'fonts'),
  ];
}

/**
 * The settings that shape the PDF (date, print options, the engines' versions
 * …), so a change to any of them rebuilds. Where files are does not; the tool
 * and the issue's edition are digested separately. A setting added later
 * counts by default, which errs towards rebuilding.
 */
function outputVariant(settings: Settings): Record<string, unknown> {
  const { packageDir, issuesDir, distDir, cacheDir, editionsDir, defaultEdition, version, ...shaping } = settings;
  return shaping;
}

/** What render to verify make of a loaded issue: the PDF, the HTML it was laid out from, and what they found. */
export interface Made {
  pdf?: FinalPdf;
  html?: string;
  diagnostics: Diagnostic[];
}

/** What steps render to verify need of a build: its settings, its layout checks, and a browser when layout begins. */
interface MakeRun {
  settings: Settings;
  request: Pick<BuildRequest, 'check' | 'strictPages'>;
  browser: Pick<BrowserLease, 'get'>;
  onPage?: BuildRun['onPage'];
}

/** Steps render, paginate, finish and the layout's own verify. */
async function makePdf(doc: IssueDocument, run: MakeRun): Promise<Made> {
  const { settings, request } = run;
  const [
    { renderIssue },
    { paginate },
    { checkBinding, planBinding },
    { finishPdf },
    { documentInfo, issueOutline },
    { bleedCss },
    { comparePrintedPages },
  ] = await Promise.all([
    import('./stages/render/render-issue.js'),
    import('./stages/paginate/paginate.js'),
    import('./stages/finish/binding.js'),
    import('./stages/finish/finish.js'),
    import('./stages/finish/issue-facts.js'),
    import('./stages/finish/sheet.js'),
    import('./stages/verify/printed-pages.js'),
  ]);
  const edition = await loadEdition(settings.editionsDir, doc.meta.edition, editionPlace(doc));
  if (!edition.value) return { diagnostics: edition.diagnostics };

  const renderOptions: RenderOptions = {
    rootDir: settings.packageDir,
    cacheDir: settings.cacheDir,
    publicationFile: path.relative(process.cwd(), path.join(settings.issuesDir, PUBLICATION_FILE)),
    edition: edition.value,
    version: settings.version,
    extraCss: bleedCss(settings.print),
  };
  let bundle = await renderIssue(doc, renderOptions);
  const diagnostics = [...bundle.diagnostics];
  if (!bundle.value || hasErrors(diagnostics)) return { diagnostics };

  const layout = { audit: request.check, tagged: settings.print.tagged, onPage: run.onPage };
  let laidOut = await paginate(bundle.value, await run.browser.get(), layout);
  // Saddle stitching: a page count that is not a multiple of 4 is laid out again, the footer on a page of its own.
  const binding = settings.print.pad && laidOut.value ? planBinding(laidOut.value.facts) : undefined;
  if (binding) {
    bundle = await renderIssue(doc, { ...renderOptions, extraCss: `${renderOptions.extraCss}\n${binding.css}` });
    if (!bundle.value) return { diagnostics: [...diagnostics, ...bundle.diagnostics] };
    laidOut = await paginate(bundle.value, await run.browser.get(), layout);
    if (laidOut.value) laidOut.diagnostics.push(...checkBinding(binding, laidOut.value.facts, doc.file));
  }
  diagnostics.push(...laidOut.diagnostics);
  if (!laidOut.value) return { html: bundle.value.html, diagnostics };
  if (request.check || request.strictPages)
    diagnostics.push(...comparePrintedPages(doc, laidOut.value.facts, { strict: request.strictPages }));

  const finished = await finishPdf(laidOut.value.pdf, {
    info: documentInfo(doc, settings),
    outline: issueOutline(doc, laidOut.value.facts),
    print: settings.print,
    blankPages: binding?.blankPages ?? 0,
    file: doc.file,
  });
  diagnostics.push(...finished.diagnostics);
  return { pdf: finished.value, html: bundle.value.html, diagnostics };
}

/** Step proof: page images and a contact sheet of the PDF as written. */
async function proof(pdfFile: string): Promise<Report> {
  const { proofDir, writeProofs } = await import('./stages/proof/proof.js');
  const proofs = await writeProofs(pdfFile);
  const dir = path.relative(process.cwd(), proofDir(pdfFile));
  const pages = (proofs.value?.length ?? 1) - 1;
  const notes = proofs.value
    ? [{ zh: `校样：${dir}/（${pages} 页和 contact-sheet.png）`, en: `proofs: ${dir}/ (${pages} pages and contact-sheet.png)` }]
    : [];
  return { diagnostics: proofs.diagnostics, notes };
}

/** One issue through every step. A failure is a result with its diagnostics, and leaves the files of an earlier build as they were. */
export async function buildIssue(serial: string, run: BuildRun): Promise<IssueResult> {
  const { settings, request } = run;
  const files = outputFiles(serial, run);
  const output = files.pdf;
  const failed = (report: Report): IssueResult => ({ serial, status: 'failed', output, ...report });
  const misplaced = await checkOutput(output, inputFolders(settings));
  if (misplaced) return failed({ diagnostics: [misplaced], notes: [] });

  // An audit reports on the layout itself, so asking for one lays the issue out again.
  const mustBuild = request.force || request.check || request.strictPages;
  // Chromium boots while the issue is loaded, linted and rendered: at once
  // when the build cannot be skipped, else once the inputs have changed.
  if (mustBuild) run.browser.warm();
  const loaded = await loadIssue(serial, {
    issuesDir: settings.issuesDir,
    rootDir: process.cwd(),
    defaultEdition: settings.defaultEdition,
  });
  const doc = loaded.value;
  if (!doc) return failed({ diagnostics: loaded.diagnostics, notes: [] });
  const inputs = await run.digest({ issueDir: doc.dir, edition: doc.meta.edition, variant: outputVariant(settings) });
  if (!mustBuild) {
    const pages = await upToDate(output, inputs, [files.pdf, files.checksum, ...(files.html ? [files.html] : [])], process.cwd());
    if (pages !== undefined) {
      const proofs = request.proof ? await proof(output) : { diagnostics: [], notes: [] };
      return { serial, status: 'skipped', pages, output, diagnostics: [...loaded.diagnostics, ...proofs.diagnostics], notes: proofs.notes };
    }
  }
  run.browser.warm();
  const [{ lintLoaded }, { checkPrintReady }, { sha256Line }] = await Promise.all([
    import('./stages/lint/lint-issue.js'),
    import('./stages/verify/preflight/print-ready.js'),
    import('./stages/finish/checksum.js'),
  ]);

  // Lint warnings are reported with the build's diagnostics; its errors stop the build before layout.
  const linted = request.lint ? lintLoaded(doc) : [];
  if (hasErrors(linted)) return failed({ diagnostics: linted, notes: [] });

  const made = await makePdf(doc, run).catch((cause: unknown): Made => {
    if (cause instanceof BrowserUnavailable) return { diagnostics: cause.diagnostics };
    throw cause;
  });
  // Past layout: when no other issue needs Chromium, it can close while this one is checked and written.
  run.browser.release();
  const diagnostics = [...linted, ...loaded.diagnostics, ...made.diagnostics];
  const notes: Message[] = [];
  // Step write, for the HTML: kept even when the build fails, as it is what to look at then.
  if (files.html && made.html) {
    const html = files.html;
    const kept = await writeAtomic(html, made.html).then(
      () => undefined,
      (cause: unknown) => writeProblem(html, cause),
    );
    if (kept) diagnostics.push(kept);
    else {
      const kept = path.relative(process.cwd(), html);
      notes.push({ zh: `排版用的 HTML 已保存：${kept}`, en: `kept the laid-out HTML: ${kept}` });
    }
  }
  if (!made.pdf || hasErrors(diagnostics)) return failed({ diagnostics, notes });

  // Step verify, the print shop's preflight, on every build: a PDF that fails it is not written.
  const ready = await checkPrintReady(made.pdf, output, settings.print);
  notes.push(...ready.lines);
  diagnostics.push(...ready.diagnostics);
  if (!ready.passed) return failed({ diagnostics, notes });

  // Steps write and record. Every file the skip looks for must be recorded, or the issue is never up to date.
  const checksum = sha256Line(made.pdf.bytes, files.pdf);
  const outputs: Record<string, string> = { [files.pdf]: sha256(made.pdf.bytes), [files.checksum]: sha256(checksum) };
  if (files.html && made.html) outputs[files.html] = sha256(made.html);
  const unwritten = await writeBuilt(files.pdf, made.pdf.bytes, checksum, {
    inputs,
    pages: made.pdf.pageCount,
    outputs: recordedOutputs(process.cwd(), outputs),
  });
  if (unwritten) return failed({ diagnostics: [...diagnostics, unwritten], notes });

  if (request.proof) {
    const proofs = await proof(output);
    diagnostics.push(...proofs.diagnostics);
    notes.push(...proofs.notes);
  }
  return { serial, status: 'built', pages: made.pdf.pageCount, checked: request.check, output, diagnostics, notes };
}

/**
 * The preview's build: load, lint (whose errors stop it, as they stop a
 * build), then render to finish as a build makes its PDF. No skip, no
 * preflight, nothing written: the PDF stays in memory, and
 * dist/<serial>.pdf comes only from `build-issue <serial>`.
 */
export async function previewIssue(serial: string, settings: Settings, browser: () => Promise<Browser>): Promise<Made> {
  const loaded = await loadIssue(serial, {
    issuesDir: settings.issuesDir,
    rootDir: process.cwd(),
    defaultEdition: settings.defaultEdition,
  });
  const doc = loaded.value;
  if (!doc) return { diagnostics: loaded.diagnostics };
  const { lintLoaded } = await import('./stages/lint/lint-issue.js');
  const linted = lintLoaded(doc);
  if (hasErrors(linted)) return { diagnostics: [...loaded.diagnostics, ...linted] };
  const made = await makePdf(doc, { settings, request: { check: false, strictPages: false }, browser: { get: browser } });
  return { ...made, diagnostics: [...loaded.diagnostics, ...linted, ...made.diagnostics] };
}
