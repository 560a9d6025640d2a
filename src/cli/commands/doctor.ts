import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Command } from 'commander';
import { BROWSER_ENV, findBrowser } from '../../config/browser.js';
import { loadEdition } from '../../config/edition.js';
import { findEngines, type Engines } from '../../config/engines.js';
import { resolveSettings, type Settings } from '../../config/settings.js';
import { readFontSource } from '../../stages/render/font-source.js';
import { consoleReporter, reportedAction, type Reporter } from '../reporter.js';

/** The major versions of Node that build-issue is tested on (package.json's engines says the same). */
export const SUPPORTED_NODE = [20, 22, 24];

/** The programs build-issue calls, and what for; none is needed for a plain build. */
const TOOLS: { command: string; args: string[]; use: string }[] = [
  { command: 'qpdf', args: ['--version'], use: 'preflight: the file structure check' },
  { command: 'gs', args: ['--version'], use: '--grayscale' },
  { command: 'pdftoppm', args: ['-v'], use: 'poppler-utils: --proof' },
  { command: 'pdfinfo', args: ['-v'], use: 'poppler-utils: the tests' },
  { command: 'pdffonts', args: ['-v'], use: 'poppler-utils: the tests' },
  { command: 'pdftotext', args: ['-v'], use: 'poppler-utils: the tests' },
  { command: 'mutool', args: ['-v'], use: 'mupdf-tools: the tests' },
];

/** A program's version from what it prints, or undefined when it is not installed. */
function toolVersion(command: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 10_000 }, (cause, stdout, stderr) => {
      if ((cause as NodeJS.ErrnoException | null)?.code === 'ENOENT') return resolve(undefined);
      resolve(/\d+(?:\.\d+)+/.exec(`${stdout}\n${stderr}`)?.[0] ?? 'version unknown');
    });
  });
}

const chromiumLine = (engines: Engines, executable: string | undefined) =>
  executable ? `${engines.chromium ?? 'Chromium (its version unknown: --version printed none)'} (${executable})` : 'Chromium: none found';

/** `build-issue --version`: build-issue's version and the engines' it lays pages out with. */
export async function printVersions(settings: Settings, report: Reporter): Promise<void> {
  const [engines, browser] = await Promise.all([findEngines(settings, process.env), findBrowser(process.env)]);
  report.info(`build-issue ${engines.buildIssue}`);
  report.info(chromiumLine(engines, browser.path));
  report.info(`Paged.js ${engines.pagedjs}`);
  report.info(`Node ${process.versions.node}`);
}

/**
 * `build-issue doctor`: what a build runs with on this machine and whether
 * each part is there: Node, the browser (where its path came from), Paged.js,
 * the default edition's fonts with their digests, and the programs called for
 * preflight, --grayscale and --proof. Exits non-zero when a build could not run.
 */
export async function runDoctor(settings: Settings, report: Reporter): Promise<void> {
  const [engines, browser, loadedEdition, tools] = await Promise.all([
    findEngines(settings, process.env),
    findBrowser(process.env),
    loadEdition(settings.editionsDir, settings.defaultEdition, { file: path.join('styles', settings.defaultEdition) }),
    Promise.all(TOOLS.map(async (tool) => ({ ...tool, version: await toolVersion(tool.command, tool.args) }))),
  ]);
  const edition = loadedEdition.value;
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  const problems: string[] = [];

  report.info(`${mark(true)} build-issue ${engines.buildIssue} (${settings.packageDir})`);
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  const nodeSupported = SUPPORTED_NODE.includes(nodeMajor);
  report.info(`${mark(nodeSupported)} Node ${process.versions.node} (${process.execPath}); supported: ${SUPPORTED_NODE.join(', ')}`);
  if (!nodeSupported) problems.push(`Node ${nodeMajor} is not one build-issue is tested on`);

  const named = BROWSER_ENV.find((name) => process.env[name]);
  const from = named ? `from ${named}` : 'found at a default path';
  report.info(`${mark(engines.chromium !== undefined)} ${chromiumLine(engines, browser.path)}${browser.path ? `, ${from}` : ''}`);
  if (!browser.path) problems.push(browser.diagnostics[0]?.message ?? 'no browser');
  else if (!engines.chromium) problems.push(`${browser.path} --version printed no version`);
  report.info(`${mark(true)} Paged.js ${engines.pagedjs}`);

  if (!edition) {
    const missing = loadedEdition.diagnostics.some((d) => d.rule === 'edition-missing');
    report.info(`${mark(false)} edition ${settings.defaultEdition}: ${missing ? `not found under ${settings.editionsDir}` : 'its files are wrong'}`);
    if (!missing) report.diagnostics(loadedEdition.diagnostics);
    problems.push(`edition ${settings.defaultEdition} is ${missing ? 'missing' : 'wrong'}`);
  } else {
    report.info(`  fonts in the catalogue (fonts/fonts.json), with their sha256:`);
    for (const [family, font] of Object.entries(edition.families)) {
      const source = await readFontSource(path.join(settings.packageDir, font.file), settings.cacheDir);
      report.info(`  ${mark(source !== undefined)} ${family}: ${font.file} ${source ? source.digest.slice(0, 16) : 'missing'}`);
      if (!source) problems.push(`font file ${font.file} is missing`);
    }
  }

  for (const tool of tools) report.info(`${tool.version ? mark(true) : '-'} ${tool.command} ${tool.version ?? 'not installed'} (${tool.use})`);
  for (const problem of problems) report.fail(problem);
}

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('say what a build runs with here: Node, the browser and its version, Paged.js, the fonts and their digests, qpdf, Ghostscript, poppler, MuPDF')
    .action(reportedAction(() => runDoctor(resolveSettings(process.env, process.cwd()), consoleReporter())));
}
