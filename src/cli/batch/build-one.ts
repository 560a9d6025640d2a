import { rm } from 'node:fs/promises';
import path from 'node:path';
import { inputDigester } from '../../build-cache/inputs.js';
import { manifestFile, recordedOutputs, sha256, upToDate, writeManifest, type Manifest } from '../../build-cache/manifest.js';
import type { Settings } from '../../config/settings.js';
import { hasErrors, type Diagnostic } from '../../diagnostics.js';
import { checkOutput, withWriteLock, writeProblem } from '../../io/outputs.js';
import { makeFolder, writeAtomic } from '../../io/write-atomic.js';
import { loadIssue } from '../../stages/load/load-issue.js';
import type { Reporter } from '../reporter.js';
import { BrowserUnavailable, type SharedBrowser } from '../../browser/shared-browser.js';

/** The build command's options that act on each issue. */
export interface IssueOptions {
  /** Write the PDF here instead of dist/<serial>.pdf (single issue only). */
  output?: string;
  keepHtml: boolean;
  /** Build even when the inputs are unchanged since the PDF was written. */
  force: boolean;
  /** Audit every line of every page against the typesetting rules (--check). */
  check: boolean;
  /** Fail when an article starts on another page than in the printed original (--strict-pages). */
  strictPages: boolean;
  /** Lint the issue's text first and stop on its errors; --no-lint turns this off. */
  lint: boolean;
  /** Also write PNG proofs of the pages and a contact sheet next to the PDF (--proof). */
  proof: boolean;
}

/** What a run needs to build any one of its issues; shared by all of them. */
export interface IssueContext {
  settings: Settings;
  options: IssueOptions;
  browser: SharedBrowser;
  digest: ReturnType<typeof inputDigester>;
  /** For lines beside the summary (e.g. where the HTML was kept); never for diagnostics. */
  report: Reporter;
}

export type IssueStatus = 'built' | 'skipped' | 'failed';

export interface IssueResult {
  serial: string;
  status: IssueStatus;
  pages?: number;
  /** The PDF (absolute path): written when built, untouched when skipped or failed. */
  output: string;
  diagnostics: Diagnostic[];
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

/** The folders a build reads from, where no output may go. */
function inputFolders(settings: Settings): string[] {
  return [settings.issuesDir, ...['templates', 'styles', 'fonts'].map((folder) => path.join(settings.editionsDir, folder)), path.join(settings.packageDir, 'fonts')];
}

/**
 * Writes the PDF, its checksum and its record, under a lock that makes a
 * second build of the same PDF wait its turn (so all three come from one
 * build, the last). The old checksum goes first: a run killed in between
 * leaves a PDF without one, never one that does not match (and the record,
 * written last, makes the next run build it again).
 */
async function writeBuilt(output: string, pdf: Uint8Array, checksum: string, manifest: Manifest | undefined): Promise<Diagnostic | undefined> {
  try {
    await makeFolder(path.dirname(manifestFile(output)));
    await withWriteLock(`${manifestFile(output)}.lock`, async () => {
      await rm(`${output}.sha256`, { force: true });
      await writeAtomic(output, pdf);
      await writeAtomic(`${output}.sha256`, checksum);
      if (manifest) await writeManifest(output, manifest);
    });
    return undefined;
  } catch (cause) {
    return writeProblem(output, cause);
  }
}

/** --proof: page images and a contact sheet of the PDF as written. */
async function proofStep(output: string, ctx: IssueContext): Promise<Diagnostic[]> {
  const { proofDir, writeProofs } = await import('../../stages/proof/proof.js');
  const proofs = await writeProofs(output, await ctx.browser.get());
  if (proofs.value) ctx.report.info(`proofs: ${path.relative(process.cwd(), proofDir(output))}/ (${proofs.value.length - 1} pages and contact-sheet.png)`);
  return proofs.diagnostics;
}

/**
 * One issue through the whole build: skip if unchanged, build, write its files
 * atomically, record what they were built from. Steps that act on one issue
 * (lint before, checks after) belong in this function.
 */
export async function buildOne(serial: string, ctx: IssueContext, doneWithBrowser: () => void): Promise<IssueResult> {
  const { settings, options } = ctx;
  const output = path.resolve(options.output ?? path.join(settings.distDir, `${serial}.pdf`));
  const htmlFile = output.replace(/\.pdf$/i, '') + '.html';
  const wanted = options.keepHtml ? [output, `${output}.sha256`, htmlFile] : [output, `${output}.sha256`];
  const misplaced = await checkOutput(output, inputFolders(settings));
  if (misplaced) return { serial, status: 'failed', output, diagnostics: [misplaced] };

  // An audit reports on the layout itself, so asking for one lays the issue out again.
  const mustBuild = options.force || options.check || options.strictPages;
  // Chromium boots (about half a second) while the issue is loaded, linted and
  // rendered: at once when the build cannot be skipped, else once the inputs
  // are known to have changed.
  if (mustBuild) ctx.browser.warm();
  // Loaded once: its edition keys the inputs digest, and the pipeline builds from it; a bad issue falls through to the build that reports it.
  const loaded = await loadIssue(serial, { issuesDir: settings.issuesDir, rootDir: process.cwd(), defaultEdition: settings.defaultEdition });
  const doc = loaded.value;
  const inputs = doc && (await ctx.digest({ issueDir: doc.dir, edition: doc.meta.edition, variant: outputVariant(settings) }));
  if (inputs && !mustBuild) {
    const pages = await upToDate(output, inputs, wanted, process.cwd());
    if (pages !== undefined) {
      const proofs = options.proof ? await proofStep(output, ctx) : [];
      return { serial, status: 'skipped', pages, output, diagnostics: [...loaded.diagnostics, ...proofs] };
    }
  }
  if (doc) ctx.browser.warm();
  // Imported only now, so that a skipped build loads none of the code that lays out, writes and checks PDFs.
  const [{ buildIssue }, { lintLoaded }, { checkPrintReady }, { sha256Line }] = await Promise.all([
    import('../../pipeline.js'),
    import('../../stages/lint/lint-issue.js'),
    import('../../stages/verify/preflight/print-ready.js'),
    import('../../stages/finish/checksum.js'),
  ]);
  // Lint warnings are printed with the build's diagnostics; its errors stop the build before layout.
  const linted = options.lint && doc ? lintLoaded(doc) : [];
  if (hasErrors(linted)) return { serial, status: 'failed', output, diagnostics: linted };

  const result = await buildIssue(serial, loaded, settings, ctx.browser.get, { check: options.check, strictPages: options.strictPages }).catch((cause: unknown) => {
    if (cause instanceof BrowserUnavailable) return { serial, diagnostics: cause.diagnostics, html: undefined, pdf: undefined };
    throw cause;
  });
  // Past layout: when no other issue needs Chromium, it can close while this one is checked and written.
  // --proof draws its contact sheet with the browser, after the PDF is written.
  if (!options.proof) doneWithBrowser();
  result.diagnostics.unshift(...linted);
  if (options.keepHtml && result.html) {
    const kept = await writeAtomic(htmlFile, result.html).then(() => undefined, (cause: unknown) => writeProblem(htmlFile, cause));
    if (kept) result.diagnostics.push(kept);
    else ctx.report.info(`kept the laid-out HTML: ${path.relative(process.cwd(), htmlFile)}`);
  }
  if (!result.pdf || hasErrors(result.diagnostics)) return { serial, status: 'failed', output, diagnostics: result.diagnostics };
  // The print shop's preflight, on every build; a PDF that fails it is not written.
  const ready = await checkPrintReady(result.pdf, output, settings.print);
  for (const line of ready.lines) ctx.report.info(line);
  result.diagnostics.push(...ready.diagnostics);
  if (!ready.passed) return { serial, status: 'failed', output, diagnostics: result.diagnostics };

  const pdf = result.pdf;
  const checksum = sha256Line(pdf.bytes, output);
  // Every file in `wanted` must be recorded, or the issue is never up to date.
  const outputs: Record<string, string> = { [output]: sha256(pdf.bytes), [`${output}.sha256`]: sha256(checksum) };
  if (options.keepHtml && result.html) outputs[htmlFile] = sha256(result.html);
  const unwritten = await writeBuilt(output, pdf.bytes, checksum, inputs ? { inputs, pages: pdf.pageCount, outputs: recordedOutputs(process.cwd(), outputs) } : undefined);
  if (unwritten) return { serial, status: 'failed', output, diagnostics: [...result.diagnostics, unwritten] };
  if (options.proof) result.diagnostics.push(...(await proofStep(output, ctx)));
  return { serial, status: 'built', pages: result.pdf.pageCount, output, diagnostics: result.diagnostics };
}
