import path from 'node:path';
import { Argument, type Command, InvalidArgumentError } from 'commander';
import { type Clock, localDay, systemClock } from '../../clock.js';
import { resolveSettings, type Settings } from '../../config/settings.js';
import type { Lang } from '../../message.js';
import { helpText } from '../help.js';
import { consoleReporter, type Reporter, reportedAction } from '../reporter.js';

export interface DateOption {
  /** YYYY-MM-DD; default today, on the clock. */
  date?: string;
}

export interface InitOptions extends DateOption {
  serial: number;
}

/** --date: a calendar date written YYYY-MM-DD, as the front matter takes it. */
function dateParser(lang: Lang): (value: string) => string {
  return (value) => {
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
    if (!valid)
      throw new InvalidArgumentError(
        { zh: '要写日历上的日期，格式 YYYY-MM-DD，如 2024-01-15', en: 'a calendar date written YYYY-MM-DD, e.g. 2024-01-15' }[lang],
      );
    return value;
  };
}

function serialParser(lang: Lang): (value: string) => number {
  return (value) => {
    if (!/^[1-9]\d{0,5}$/.test(value))
      throw new InvalidArgumentError({ zh: '要写 1 到 999999 之间的整数', en: 'a whole number from 1 to 999999' }[lang]);
    return Number(value);
  };
}

/** `build-issue new <serial>`: the next issue's file, from the issue before it. */
export async function runNew(
  serial: string,
  options: DateOption,
  settings: Settings,
  report: Reporter,
  clock: Clock = systemClock,
): Promise<void> {
  const { newIssue } = await import('../../scaffold/new-issue.js');
  const made = await newIssue(serial, { ...settings, rootDir: process.cwd(), date: options.date ?? localDay(clock.now()) });
  report.diagnostics(made.diagnostics);
  if (!made.value) return report.failed();
  const { file, facts, previous } = made.value;
  const issue = `${facts.year}年第${facts.number}期（总第${facts.serial}期）`;
  report.info({
    zh: `${file}：${issue}，日期 ${facts.date}，发送范围和印数同第 ${previous} 期`,
    en: `${file}: ${issue}, dated ${facts.date}, distribution and print run as in issue ${previous}`,
  });
  report.info({
    zh: `下一步：把示例文字改写成本期内容，用 build-issue preview ${serial} 随时看排出的页面`,
    en: `next: write the issue over the sample text, and watch its pages with: build-issue preview ${serial}`,
  });
}

/** `build-issue init [dir]`: a new publication's folder. */
export async function runInit(dir: string, options: InitOptions, report: Reporter, clock: Clock = systemClock): Promise<void> {
  const target = path.resolve(dir);
  const settings = resolveSettings(process.env, target);
  const { initPublication } = await import('../../scaffold/init.js');
  const made = await initPublication({
    ...settings,
    dir: target,
    rootDir: process.cwd(),
    serial: options.serial,
    date: options.date ?? localDay(clock.now()),
  });
  report.diagnostics(made.diagnostics);
  if (!made.value) return report.failed();
  for (const file of made.value.files) report.info({ zh: `已写入 ${file}`, en: `wrote ${file}` });
  const cd = path.relative(process.cwd(), target);
  const then = `${cd ? `cd ${cd} && ` : ''}build-issue preview ${options.serial}`;
  report.info({ zh: `下一步：填写 ${made.value.files[0]}，然后运行 ${then}`, en: `next: fill in ${made.value.files[0]}, then ${then}` });
}

export function registerNew(program: Command, lang: Lang): void {
  const say = helpText(lang);
  program
    .command('new')
    .description(
      say({
        zh: '开始下一期：照上一期写出 issues/<serial>/issue.md，附有每种写法的示例',
        en: 'start the next issue: issues/<serial>/issue.md from the issue before it, with a sample of every construct',
      }),
    )
    .argument('<serial>', say({ zh: '新一期的总期号，如 454', en: 'the new issue’s serial (总期号), e.g. 454' }))
    .option('--date <YYYY-MM-DD>', say({ zh: '这一期的日期（默认：今天）', en: 'the issue’s date (default: today)' }), dateParser(lang))
    .action(
      reportedAction(lang, (serial: string, options: DateOption) =>
        runNew(serial, options, resolveSettings(process.env, process.cwd()), consoleReporter(lang)),
      ),
    );
  program
    .command('init')
    .description(
      say({
        zh: '开始一份新刊物：写出每个字段都有注释的 issues/publication.yaml，和能排出来的第一期',
        en: 'start a new publication: issues/publication.yaml with every field commented, and a first issue that builds',
      }),
    )
    .addArgument(
      new Argument('[dir]', say({ zh: '刊物的文件夹，没有就新建', en: 'the publication’s folder (made if missing)' })).default(
        '.',
        say({ zh: '当前文件夹', en: 'the current folder' }),
      ),
    )
    .option('--serial <n>', say({ zh: '第一期的总期号', en: 'the first issue’s serial (总期号)' }), serialParser(lang), 1)
    .option(
      '--date <YYYY-MM-DD>',
      say({ zh: '第一期的日期（默认：今天）', en: 'the first issue’s date (default: today)' }),
      dateParser(lang),
    )
    .action(reportedAction(lang, (dir: string, options: InitOptions) => runInit(dir, options, consoleReporter(lang))));
}
