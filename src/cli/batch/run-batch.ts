import path from 'node:path';
import { sharedBrowser } from '../../browser/shared-browser.js';
import { inputDigester } from '../../build-cache/inputs.js';
import type { Settings } from '../../config/settings.js';
import { error } from '../../diagnostics.js';
import type { Message } from '../../message.js';
import { buildIssue, type IssueResult } from '../../pipeline.js';
import type { Progress } from './progress.js';
import type { BatchOptions, IssueOutcome } from './types.js';

/** Why an issue's build threw: the run was interrupted, Chromium ended under it, or what was thrown. */
function crashMessage(cause: unknown, signal: AbortSignal): Message {
  if (signal.aborted) return { zh: '已中断', en: 'interrupted' };
  const text = String(cause instanceof Error ? cause.message : cause);
  // puppeteer's words when the browser's connection, or the page's, is gone.
  if (/Connection closed|Target closed|Session closed/.test(text)) {
    return {
      zh: `Chromium 在排版中途退出了（崩溃，或被结束）；之后的各期会重新启动它（${text}）`,
      en: `Chromium ended during the build (it crashed, or was killed); the issues after this one start it again (${text})`,
    };
  }
  return { zh: `排版中途出错：${text}`, en: text };
}

/**
 * Builds every serial through the pipeline, with one browser and `jobs`
 * issues in flight. An issue that fails (even by throwing) is recorded and
 * the others go on; an abort closes the browser and starts no further issue.
 */
export async function runBatch(
  serials: readonly string[],
  options: BatchOptions,
  settings: Settings,
  progress: Progress,
  signal: AbortSignal,
): Promise<IssueOutcome[]> {
  const browser = sharedBrowser(process.env, signal, serials.length);
  const digest = inputDigester(settings);
  const outcomes: IssueOutcome[] = [];
  let next = 0;

  const worker = async () => {
    while (next < serials.length && !signal.aborted) {
      const serial = serials[next++]!;
      const started = performance.now();
      progress.started(serial);
      const lease = browser.lease();
      const result = await buildIssue(serial, {
        request: options,
        settings,
        digest,
        browser: lease,
        onPage: progress.laidOut && ((pages) => progress.laidOut?.(serial, pages)),
      }).catch(
        (cause: unknown): IssueResult => ({
          serial,
          status: 'failed',
          output: '',
          diagnostics: [
            error('build-crashed', crashMessage(cause, signal), {
              file: path.relative(process.cwd(), path.join(settings.issuesDir, serial)),
            }),
          ],
          notes: [],
        }),
      );
      lease.release();
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
