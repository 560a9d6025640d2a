import type { Browser } from 'puppeteer-core';
import { BrowserUnavailable } from '../browser/shared-browser.js';
import type { Settings } from '../config/settings.js';
import { hasErrors } from '../diagnostics.js';
import { previewIssue } from '../pipeline.js';
import type { PreviewOutcome } from './session.js';

/**
 * One preview build, through the pipeline's steps from load to finish
 * (pipeline.ts, previewIssue): lint's errors stop it as they stop a real
 * build, and the PDF stays in memory: no preflight, nothing in dist/, which
 * comes only from `build-issue <serial>`.
 */
export async function previewBuild(
  serial: string,
  settings: Settings,
  browser: () => Promise<Browser>,
  retried = false,
): Promise<PreviewOutcome> {
  let used: Browser | undefined;
  const tracked = async () => (used = await browser());
  try {
    const made = await previewIssue(serial, settings, tracked);
    return { pdf: made.pdf && !hasErrors(made.diagnostics) ? made.pdf : undefined, diagnostics: made.diagnostics };
  } catch (cause) {
    if (cause instanceof BrowserUnavailable) return { diagnostics: cause.diagnostics };
    // Chromium went away while this build used it (crashed, or killed): the
    // browser source starts another for the next build, so build once more
    // rather than show the editor a failure that is not the issue's.
    if (used && !used.connected && !retried) return previewBuild(serial, settings, browser, true);
    throw cause;
  }
}
