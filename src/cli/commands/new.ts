import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { localDay, systemClock, type Clock } from '../../clock.js';
import { resolveSettings, type Settings } from '../../config/settings.js';
import { consoleReporter, reportedAction, type Reporter } from '../reporter.js';

export interface DateOption {
  /** YYYY-MM-DD; default today, on the clock. */
  date?: string;
}

export interface InitOptions extends DateOption {
  serial: number;
}

/** --date: a calendar date written YYYY-MM-DD, as the front matter takes it. */
export function parseDate(value: string): string {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!valid) throw new InvalidArgumentError('a calendar date written YYYY-MM-DD, e.g. 2024-01-15');
  return value;
}

function parseSerial(value: string): number {
  const serial = Number(value);
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new InvalidArgumentError('a whole number from 1 to 999999');
  return serial;
}

/** `build-issue new <serial>`: the next issue's file, from the issue before it. */
export async function runNew(serial: string, options: DateOption, settings: Settings, report: Reporter, clock: Clock = systemClock): Promise<void> {
  const { newIssue } = await import('../../scaffold/new-issue.js');
  const made = await newIssue(serial, { ...settings, rootDir: process.cwd(), date: options.date ?? localDay(clock.now()) });
  report.diagnostics(made.diagnostics);
  if (!made.value) return report.failed();
  const { file, facts, previous } = made.value;
  report.info(`${file}: ${facts.year}年第${facts.number}期（总第${facts.serial}期）, dated ${facts.date}, distribution and print run as in issue ${previous}`);
  report.info(`next: write the issue over the sample text, and watch its pages with: build-issue preview ${serial}`);
}

/** `build-issue init [dir]`: a new publication's folder. */
export async function runInit(dir: string, options: InitOptions, report: Reporter, clock: Clock = systemClock): Promise<void> {
  const target = path.resolve(dir);
  const settings = resolveSettings(process.env, target);
  const { initPublication } = await import('../../scaffold/init.js');
  const made = await initPublication({ ...settings, dir: target, rootDir: process.cwd(), serial: options.serial, date: options.date ?? localDay(clock.now()) });
  report.diagnostics(made.diagnostics);
  if (!made.value) return report.failed();
  for (const file of made.value.files) report.info(`wrote ${file}`);
  const cd = path.relative(process.cwd(), target);
  report.info(`next: fill in ${made.value.files[0]}, then ${cd ? `cd ${cd} && ` : ''}build-issue preview ${options.serial}`);
}

export function registerNew(program: Command): void {
  program
    .command('new')
    .description('start the next issue: issues/<serial>/issue.md from the issue before it, with a sample of every construct')
    .argument('<serial>', 'the new issue’s serial (总期号), e.g. 454')
    .option('--date <YYYY-MM-DD>', 'the issue’s date (default: today)', parseDate)
    .action(reportedAction((serial: string, options: DateOption) => runNew(serial, options, resolveSettings(process.env, process.cwd()), consoleReporter())));
  program
    .command('init')
    .description('start a new publication: issues/publication.yaml with every field commented, and a first issue that builds')
    .argument('[dir]', 'the publication’s folder (made if missing)', '.')
    .option('--serial <n>', 'the first issue’s serial (总期号)', parseSerial, 1)
    .option('--date <YYYY-MM-DD>', 'the first issue’s date (default: today)', parseDate)
    .action(reportedAction((dir: string, options: InitOptions) => runInit(dir, options, consoleReporter())));
}
