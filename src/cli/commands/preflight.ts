import type { Command } from 'commander';
import { diagnosticJson } from '../../diagnostics.js';
import { MAX_BYTES, readInput, readProblem } from '../../io/read-input.js';
import { checkTempDir } from '../../io/scratch.js';
import type { Lang } from '../../message.js';
import type { PreflightReport } from '../../stages/verify/preflight/preflight.js';
import { checkMark, reportLines } from '../../stages/verify/preflight/report.js';
import { helpText } from '../help.js';
import { consoleReporter, type Reporter, reportedAction } from '../reporter.js';

export interface PreflightCommandOptions {
  json?: boolean;
}

const STATUS = { '✓': 'passed', '!': 'warning', '✗': 'failed' } as const;

/** The report as data, for the shop's own tools: each check's status and summary (in the run's language), and every problem found. */
function reportJson(report: PreflightReport, lang: Lang): string {
  const checks = report.checks.map((c) => ({ name: c.name, status: STATUS[checkMark(c)], summary: c.summary[lang] }));
  const diagnostics = report.diagnostics.map((d) => diagnosticJson(d, lang));
  return JSON.stringify({ file: report.file, passed: report.passed, checks, diagnostics }, null, 2);
}

/** `build-issue preflight <file.pdf>`: check any PDF as the print shop would; non-zero exit on a failure. */
export async function runPreflight(file: string, options: PreflightCommandOptions, report: Reporter): Promise<void> {
  // Imported when a preflight runs: `--help` and `--version` load none of it (pdf-lib among it).
  const { preflight } = await import('../../stages/verify/preflight/preflight.js');
  const read = await readInput(file, { maxBytes: MAX_BYTES.pdf });
  if ('problem' in read) return report.failWith([readProblem(read, { file })]);
  const unusable = await checkTempDir(process.env);
  if (unusable) return report.failWith([unusable]);
  const bytes = read.bytes;
  const result = await preflight(bytes, { file, requireMultipleOf4: true });
  if (options.json) report.data(reportJson(result, report.lang));
  else {
    for (const line of reportLines(result, report.lang)) report.data(line);
    report.diagnostics(result.diagnostics);
  }
  // The verdict is the report's last line (or `passed` in the JSON): nothing more to say.
  if (!result.passed) report.failed();
}

export function registerPreflight(program: Command, lang: Lang): void {
  const say = helpText(lang);
  program
    .command('preflight')
    .argument('<file>', say({ zh: '要检查的 PDF', en: 'the PDF to check' }))
    .description(
      say({
        zh: '像印刷厂那样检查一个 PDF：页面尺寸和各种框、页数、字体、色彩空间、图片分辨率、文件语法',
        en: 'check a PDF as a print shop would: page sizes and boxes, page count, fonts, colour spaces, image resolution, syntax',
      }),
    )
    .option(
      '--json',
      say({
        zh: '把报告以 JSON 写到标准输出：每项检查的结果和摘要，以及每个问题',
        en: 'print the report as JSON on stdout: each check’s status and summary, and every problem',
      }),
    )
    .action(reportedAction(lang, (file: string, options: PreflightCommandOptions) => runPreflight(file, options, consoleReporter(lang))));
}
