import { availableParallelism } from 'node:os';
import path from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { findEngines } from '../../config/engines.js';
import { environmentProblems, resolveSettings, type Settings } from '../../config/settings.js';
import { checkTempDir, removeStaleScratch, removeStaleTemps } from '../../io/scratch.js';
import type { Lang, Message } from '../../message.js';
import { selectIssues } from '../batch/select.js';
import { parseShard, shardOf } from '../batch/shard.js';
import { summaryCounts, summaryJson, summaryTable } from '../batch/summary.js';
import type { BatchOptions } from '../batch/types.js';
import { helpText } from '../help.js';
import { abortOnInterrupt } from '../interrupts.js';
import { bleedParser, type PrintFlags, printOptions } from '../print-flags.js';
import { consoleReporter, reportedAction } from '../reporter.js';

export interface BuildOptions extends BatchOptions, PrintFlags {
  all: boolean;
  shard?: string;
  json: boolean;
  /** -V, --version: the root command is the build command, so its action prints the versions. */
  version?: boolean;
}

function jobsParser(lang: Lang): (value: string) => number {
  return (value) => {
    const jobs = Number(value);
    if (!Number.isInteger(jobs) || jobs < 1)
      throw new InvalidArgumentError({ zh: '要写一个不小于 1 的整数', en: 'a whole number of at least 1' }[lang]);
    return jobs;
  };
}

/** What runs killed outright (kill -9) left: scratch folders in the temporary folder, half-written files beside the outputs and in the font cache. */
async function removeLeftovers(settings: Settings, output: string | undefined): Promise<void> {
  const outputDirs = [settings.distDir, ...(output ? [path.dirname(path.resolve(output))] : [])];
  await removeStaleScratch();
  await removeStaleTemps([...outputDirs, ...outputDirs.map((dir) => path.join(dir, '.build-issue')), settings.cacheDir]);
}

/** `build-issue 450 451 453`, `build-issue 440-453`, `build-issue --all`: each issue to dist/<serial>.pdf. */
export async function runBuild(args: readonly string[], options: BuildOptions, settings: Settings, lang: Lang): Promise<void> {
  // Imported when a build runs: `--help` and `--version` load none of the build's code.
  const [{ listIssues }, { createProgress, isLiveTerminal }, { runBatch }] = await Promise.all([
    import('../../stages/load/load-issue.js'),
    import('../batch/progress.js'),
    import('../batch/run-batch.js'),
  ]);
  const report = consoleReporter(lang);
  const selection = selectIssues(args, options.all, await listIssues(settings.issuesDir));
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const problems: Message[] = [...selection.problems, ...(shard && !('index' in shard) ? [shard] : [])];
  const serials = shard && 'index' in shard ? shardOf(selection.serials, shard) : selection.serials;
  if (options.output && serials.length > 1)
    problems.push({ zh: '-o/--output 只能指定一个 PDF，只用于排一期', en: '-o/--output names one PDF: use it with a single issue' });
  for (const problem of problems) report.fail(problem);
  if (problems.length > 0) return;
  const unusable = [...environmentProblems(process.env), ...[await checkTempDir(process.env)].filter((d) => d !== undefined)];
  if (unusable.length > 0) return report.failWith(unusable);
  await removeLeftovers(settings, options.output);

  const controller = new AbortController();
  const stopListening = abortOnInterrupt(controller, () => report.fail({ zh: '已中断', en: 'interrupted' }));
  const started = performance.now();
  const progress = createProgress(serials.length, { live: isLiveTerminal(process.stderr, process.env), json: options.json, lang });
  try {
    // The engines' versions key the build cache and go into each PDF: found once for the run.
    const engines = await findEngines(settings, process.env, controller.signal);
    const outcomes = await runBatch(serials, options, { ...settings, engines }, progress, controller.signal);
    const seconds = (performance.now() - started) / 1000;
    if (options.json) report.data(summaryJson(outcomes, seconds, lang));
    else if (serials.length > 1) report.data(`\n${summaryTable(outcomes, lang)}\n${summaryCounts(outcomes, seconds)[lang]}`);
    const failed = outcomes.filter((o) => o.status === 'failed').length;
    if (controller.signal.aborted) {
      report.fail({
        zh: `已中断：${serials.length} 期中完成了 ${outcomes.length} 期`,
        en: `interrupted after ${outcomes.length} of ${serials.length} issues`,
      });
      process.exitCode = 130;
    } else if (failed > 0 && serials.length > 1)
      report.fail({ zh: `${serials.length} 期中有 ${failed} 期没有排成`, en: `${failed} of ${serials.length} issues not built` });
  } finally {
    stopListening();
  }
}

/** The default command: `build-issue [serials...] [options]`. */
export function registerBuild(program: Command, lang: Lang): void {
  const say = helpText(lang);
  const cores = availableParallelism();
  program
    .argument(
      '[serials...]',
      say({ zh: '要排的期：总期号如 453，或范围如 440-453', en: 'issues to build: serials (总期号) such as 453, ranges such as 440-453' }),
    )
    .option('--all', say({ zh: '排 issues/ 下的每一期', en: 'build every issue under issues/' }), false)
    .addOption(
      new Option('-j, --jobs <n>', say({ zh: '同时排几期', en: 'issues laid out at once' }))
        .argParser(jobsParser(lang))
        .default(cores, say({ zh: `本机的核数，${cores}`, en: `the machine’s cores, ${cores}` })),
    )
    .option(
      '--force',
      say({
        zh: '输入自上次排版以来没有改动的期也重新排',
        en: 'rebuild issues whose inputs are unchanged since their PDF was built',
      }),
      false,
    )
    .option(
      '--shard <i/n>',
      say({
        zh: '选中的期分成 n 份，只排第 i 份（供 CI 矩阵用）',
        en: 'build only the i-th of n slices of the selected issues (for CI matrices)',
      }),
    )
    .option(
      '--json',
      say({
        zh: '摘要以 JSON 写到标准输出（其余各行写到标准错误）',
        en: 'print the summary as JSON on stdout (other lines go to stderr)',
      }),
      false,
    )
    .option(
      '-o, --output <file>',
      say({
        zh: 'PDF 写到这个文件，不写到 dist/<serial>.pdf（只排一期时可用）',
        en: 'write the PDF here instead of dist/<serial>.pdf (one issue only)',
      }),
    )
    .option(
      '--keep-html',
      say({ zh: '同时在 PDF 旁写出排版所用的 HTML', en: 'also write the HTML that was laid out, next to the PDF' }),
      false,
    )
    .option(
      '--check',
      say({
        zh: '按排版规则逐页逐行检查，并把各篇文章的起始页与印本目录（前置信息 printed:）对照',
        en: 'audit every line of every page against the typesetting rules, and compare article pages with the printed TOC (front matter printed:)',
      }),
      false,
    )
    .option(
      '--strict-pages',
      say({
        zh: '有文章的起始页与印本目录不符时，算作没有排成',
        en: 'fail when an article starts on another page than the printed TOC gives it',
      }),
      false,
    )
    .option(
      '--bleed <length>',
      say({
        zh: 'A4 成品尺寸外的出血，如 3mm（BleedBox 和 TrimBox 随之设定）',
        en: 'bleed around the A4 trim, e.g. 3mm (BleedBox and TrimBox set to match)',
      }),
      bleedParser(lang),
      0,
    )
    .option(
      '--marks',
      say({ zh: '在出血外画裁切线，纸张相应放大', en: 'draw crop marks outside the bleed, on a sheet grown to hold them' }),
      false,
    )
    .option(
      '--no-pad',
      say({
        zh: '不在版记前补空白页凑成 4 的倍数',
        en: 'do not pad to a multiple of 4 pages with blank pages before the footer',
      }),
    )
    .option(
      '--grayscale',
      say({ zh: '用 Ghostscript 转成单色（DeviceGray）', en: 'convert to one colour (DeviceGray) with Ghostscript' }),
      false,
    )
    .option(
      '--tagged',
      say({
        zh: '生成带标签的 PDF（含供读屏软件用的结构树；文件更大，排得更慢）',
        en: 'write a tagged PDF (a structure tree for screen readers; larger and slower to build)',
      }),
      false,
    )
    .option(
      '--proof',
      say({
        zh: '同时把各页的 PNG 图和一张总览图写到 dist/<serial>.proof/',
        en: 'also write PNG images of the pages and a contact sheet to dist/<serial>.proof/',
      }),
      false,
    )
    .option(
      '--no-lint',
      say({
        zh: '排版前不检查文字（否则检查出错误时不排版）',
        en: 'build without linting the issue’s text first (lint errors otherwise stop the build)',
      }),
    )
    .action(
      reportedAction(lang, async (args: string[], options: BuildOptions) => {
        const settings = resolveSettings(process.env, process.cwd(), { print: printOptions(options) });
        if (!options.version) return runBuild(args, options, settings, lang);
        const { printVersions } = await import('./doctor.js');
        return printVersions(settings, consoleReporter(lang));
      }),
    );
}
