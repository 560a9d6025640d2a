import path from 'node:path';
import type { Command } from 'commander';
import { resolveSettings, type Settings } from '../../config/settings.js';
import { diagnosticJson, hasErrors, type Place } from '../../diagnostics.js';
import { encodeText } from '../../io/read-input.js';
import { writeAtomic } from '../../io/write-atomic.js';
import type { Lang } from '../../message.js';
import type { LintOptions } from '../../stages/lint/lint-issue.js';
import type { Fix } from '../../stages/lint/types.js';
import { helpText } from '../help.js';
import { consoleReporter, type Reporter, reportedAction } from '../reporter.js';

export interface LintCommandOptions {
  fix: boolean;
  json: boolean;
}

const where = (place: Place) => [place.file, place.line, place.column].filter((part) => part !== undefined).join(':');
const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** Applies the safe fixes and writes the file (atomically); returns what changed. */
async function fixFile(file: string, options: LintOptions): Promise<Fix[]> {
  const [{ applyFixes }, { lintFile }] = await Promise.all([
    import('../../stages/lint/apply-fixes.js'),
    import('../../stages/lint/lint-issue.js'),
  ]);
  const linted = await lintFile(file, { ...options, fonts: false });
  if (linted.source === undefined || !linted.form || linted.fixes.length === 0) return [];
  const fixed = applyFixes(linted.source, linted.fixes);
  await writeAtomic(file, encodeText(fixed.text, linted.form));
  return fixed.applied;
}

/** `build-issue lint <serial|file>`: check an issue's text as a Chinese copy editor would. */
export async function runLint(target: string, options: LintCommandOptions, settings: Settings, report: Reporter): Promise<void> {
  // Imported when lint runs: `--help` and `--version` load none of it.
  const [{ ISSUE_FILE }, { lintFile }] = await Promise.all([
    import('../../stages/load/load-issue.js'),
    import('../../stages/lint/lint-issue.js'),
  ]);
  const file = /^\d+$/.test(target) ? path.join(settings.issuesDir, target, ISSUE_FILE) : path.resolve(target);
  const lintOptions: LintOptions = { ...settings, rootDir: process.cwd(), fonts: true };
  const changed = options.fix ? await fixFile(file, lintOptions) : [];
  const linted = await lintFile(file, lintOptions);
  const errors = linted.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = linted.diagnostics.length - errors;

  if (options.json) {
    const fixed = changed.map((c) => ({ rule: c.rule, ...c.place, old: c.old, new: c.replacement }));
    const diagnostics = linted.diagnostics.map((d) => diagnosticJson(d, report.lang));
    report.data(JSON.stringify({ file: linted.file, errors, warnings, diagnostics, fixed, fixable: linted.fixes.length }, null, 2));
  } else {
    for (const c of changed)
      report.info({
        zh: `${where(c.place)} ${c.rule} 已改：“${c.old}” → “${c.replacement}”`,
        en: `${where(c.place)} ${c.rule} fixed: “${c.old}” → “${c.replacement}”`,
      });
    report.diagnostics(linted.diagnostics);
    const fixable = linted.fixes.length;
    report.info({
      zh: `${linted.file}：${errors} 个错误，${warnings} 个警告${fixable > 0 ? `；其中 ${fixable} 处可用 --fix 自动改正` : ''}`,
      en: `${linted.file}: ${count(errors, 'error')}, ${count(warnings, 'warning')}${fixable > 0 ? `; ${fixable} can be fixed with --fix` : ''}`,
    });
  }
  // The summary line above says how many errors: no second line for the exit code.
  if (hasErrors(linted.diagnostics)) report.failed();
}

export function registerLint(program: Command, lang: Lang): void {
  const say = helpText(lang);
  program
    .command('lint')
    .description(
      say({
        zh: '像中文校对那样检查一期的文字（GB/T 15834 标点、成对的符号、空格、混入的西文、字体缺字）',
        en: 'check an issue’s text as a Chinese copy editor would (GB/T 15834 punctuation, pairs, spaces, stray Latin, missing glyphs)',
      }),
    )
    .argument(
      '<serial|file>',
      say({
        zh: '一期的总期号（检查 issues/<serial>/issue.md），或一个 Markdown 文件的路径',
        en: 'an issue’s serial (lints issues/<serial>/issue.md) or the path of a Markdown file',
      }),
    )
    .option(
      '--fix',
      say({ zh: '改正确定无误的问题，并说明改了什么', en: 'apply the fixes that are certainly right, and say what changed' }),
      false,
    )
    .option('--json', say({ zh: '把检查结果以 JSON 写到标准输出', en: 'print the findings as JSON on stdout' }), false)
    .action(
      reportedAction(lang, (target: string, options: LintCommandOptions) =>
        runLint(target, options, resolveSettings(process.env, process.cwd()), consoleReporter(lang)),
      ),
    );
}
