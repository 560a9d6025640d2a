import type { Settings } from '../config/settings.js';
import { hasErrors } from '../diagnostics.js';
import { buildIssue, type BrowserSource } from '../pipeline.js';
import { loadIssue } from '../stages/load/load-issue.js';
import { lintLoaded } from '../stages/lint/lint-issue.js';
import { BrowserUnavailable } from '../cli/batch/shared-browser.js';
import type { PreviewOutcome } from './session.js';

/**
 * One preview build, through the pipeline a real build runs: load, lint
 * (whose errors stop a real build, so they stop this one), then the stages
 * to the finished PDF. Not the print shop's preflight, nor dist/: the
 * preview's PDF stays in memory, and dist/<serial>.pdf comes only from
 * `build-issue <serial>`.
 */
export async function previewBuild(serial: string, settings: Settings, browser: BrowserSource, retried = false): Promise<PreviewOutcome> {
  const loaded = await loadIssue(serial, { issuesDir: settings.issuesDir, rootDir: process.cwd(), defaultEdition: settings.defaultEdition });
  const linted = loaded.value ? lintLoaded(loaded.value) : [];
  if (hasErrors(linted)) return { diagnostics: [...loaded.diagnostics, ...linted] };
  let used: Awaited<ReturnType<BrowserSource>> | undefined;
  const tracked: BrowserSource = async () => (used = await browser());
  try {
    const built = await buildIssue(serial, loaded, settings, tracked, { check: false });
    const diagnostics = [...linted, ...built.diagnostics];
    return { pdf: built.pdf && !hasErrors(diagnostics) ? built.pdf : undefined, diagnostics };
  } catch (cause) {
    if (cause instanceof BrowserUnavailable) return { diagnostics: cause.diagnostics };
    // Chromium went away while this build used it (crashed, or killed): the
    // browser source starts another for the next build, so build once more
    // rather than show the editor a failure that is not the issue's.
    if (used && !used.connected && !retried) return previewBuild(serial, settings, browser, true);
    throw cause;
  }
}
