import path from 'node:path';
import { inputDigester } from '../../build-cache/inputs.js';
import type { Settings } from '../../config/settings.js';
import { error } from '../../diagnostics.js';
import { buildOne, type IssueOptions, type IssueResult } from './build-one.js';
import type { Progress } from './progress.js';
import { sharedBrowser } from '../../browser/shared-browser.js';

export interface IssueOutcome extends IssueResult {
  /** From the issue's start to its end; issues overlap, so these add up to more than the run. */
  seconds: number;
}

export interface BatchOptions extends IssueOptions {
  /** Issues laid out at once, each in its own browser page. */
  jobs: number;
}

/**
 * Builds every serial with one browser and `jobs` issues in flight. An issue
 * that fails (even by throwing) is recorded and the others go on; an abort
 * closes the browser and starts no further issue.
 */
export async function runBatch(serials: readonly string[], options: BatchOptions, settings: Settings, progress: Progress, signal: AbortSignal): Promise<IssueOutcome[]> {
  const browser = sharedBrowser(process.env, signal, serials.length);
  const ctx = { settings, options, browser, digest: inputDigester(settings), report: progress.report };
  const outcomes: IssueOutcome[] = [];
  let next = 0;

  const worker = async () => {
    while (next < serials.length && !signal.aborted) {
      const serial = serials[next++]!;
      const started = performance.now();
      progress.started(serial);
      let used = false;
      const doneWithBrowser = () => {
        if (!used) browser.done();
        used = true;
      };
      const result = await buildOne(serial, ctx, doneWithBrowser).catch(
        (cause: unknown): IssueResult => ({
          serial,
          status: 'failed',
          output: '',
          diagnostics: [error('build-crashed', signal.aborted ? 'interrupted' : String(cause instanceof Error ? cause.message : cause), { file: path.relative(process.cwd(), path.join(settings.issuesDir, serial)) })],
        }),
      );
      doneWithBrowser();
      const outcome = { ...result, seconds: (performance.now() - started) / 1000 };
      outcomes.push(outcome);
      progress.finished(outcome);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, serials.length)) }, worker));
  } finally {
    await browser.close();
    progress.stop();
  }
  return outcomes.sort((a, b) => Number(a.serial) - Number(b.serial));
}
