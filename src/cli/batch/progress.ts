import cliProgress from 'cli-progress';
import type { Lang, Message } from '../../message.js';
import { consoleReporter, type Reporter } from '../reporter.js';
import { outcomeLine } from './summary.js';
import type { IssueOutcome } from './types.js';

/**
 * How a run shows itself while it goes: on a terminal, a live bar (issues
 * done / total, the issues being laid out, pages so far, elapsed, estimate)
 * with each issue's lines printed above it; in CI or a pipe, the same lines
 * and no bar.
 */
export interface Progress {
  /** Prints without tearing the bar. */
  report: Reporter;
  started(serial: string): void;
  /**
   * How many pages of a running issue are laid out so far: only a live bar
   * shows it, and only it asks the layout page (a message from the page and
   * one back for each page).
   */
  laidOut?(serial: string, pages: number): void;
  finished(outcome: IssueOutcome): void;
  /** Removes the bar; what is printed after goes below it. */
  stop(): void;
}

export interface ProgressMode {
  live: boolean;
  /** stdout carries the JSON summary, so every other line goes to stderr. */
  json: boolean;
  lang: Lang;
}

/** A person is watching: a terminal, and not a CI job (which sets CI). */
export function isLiveTerminal(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !env.CI;
}

export function createProgress(total: number, mode: ProgressMode): Progress {
  const toStderr = (text: string) => void process.stderr.write(text);
  const toStdout = (text: string) => void process.stdout.write(text);
  const bars = mode.live
    ? new cliProgress.MultiBar(
        {
          stream: process.stderr,
          format:
            mode.lang === 'zh'
              ? ' {bar} {value}/{total} 期 | {current} | {pages} 页 | 已用 {duration_formatted} | {estimate}'
              : ' {bar} {value}/{total} issues | {current} | {pages} pages | {duration_formatted} elapsed | {estimate}',
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const say = (text: Message) => text[mode.lang];
  const bar = bars?.create(total, 0, {
    current: say({ zh: '开始', en: 'starting' }),
    pages: 0,
    estimate: say({ zh: '排完第一期后估计剩余时间', en: 'estimate after the first issue' }),
  });
  const streams = bars
    ? { out: (text: string) => bars.log(text), err: (text: string) => bars.log(text) }
    : { out: mode.json ? toStderr : toStdout, err: toStderr };
  const report = consoleReporter(mode.lang, streams);

  /** The issues being built, with the pages each has laid out so far. */
  const running = new Map<string, number>();
  const started = performance.now();
  let pages = 0;
  let done = 0;
  /** Pages of the issues done, and of those still being laid out. */
  const pagesSoFar = () => pages + [...running.values()].reduce((a, b) => a + b, 0);
  const current = () =>
    say(
      running.size
        ? { zh: `正在排 ${[...running.keys()].join('、')}`, en: `building ${[...running.keys()].join(', ')}` }
        : { zh: '完成', en: 'done' },
    );
  // Issues take alike, so the rest take as long per issue as those done so far (with their overlap).
  const estimate = () => {
    const left = Math.round((((performance.now() - started) / 1000) * (total - done)) / done);
    return say({ zh: `约剩 ${left} 秒`, en: `about ${left}s to go` });
  };
  return {
    report,
    started(serial) {
      running.set(serial, 0);
      bar?.update({ current: current(), pages: pagesSoFar() });
    },
    ...(bar && {
      laidOut(serial: string, count: number) {
        if (!running.has(serial)) return;
        running.set(serial, count);
        bar.update({ pages: pagesSoFar() });
      },
    }),
    finished(outcome) {
      running.delete(outcome.serial);
      if (outcome.status !== 'failed') pages += outcome.pages ?? 0;
      for (const note of outcome.notes) report.info(note);
      report.diagnostics(outcome.diagnostics);
      if (outcome.status === 'failed') report.fail(outcomeLine(outcome));
      else report.info(outcomeLine(outcome));
      done += 1;
      bar?.increment(1, { current: current(), pages: pagesSoFar(), estimate: estimate() });
    },
    stop() {
      if (!bars) return;
      bars.update(); // print lines still waiting in the log buffer
      bars.stop();
    },
  };
}
