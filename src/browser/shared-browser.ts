import type { Browser } from 'puppeteer-core';
import { browserProcessesSeparate, browserStartTimeout, findBrowser } from '../config/browser.js';
import { type Diagnostic, error } from '../diagnostics.js';
import type { Chromium } from './launch.js';

/** No browser could be started; its diagnostics say why (browser-missing). */
export class BrowserUnavailable extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super('no browser to lay out with');
  }
}

/** One issue's use of a run's browser. */
export interface BrowserLease {
  /** The browser, started if it is not yet; rejects with BrowserUnavailable when none can be. An issue that fails before layout never asks. */
  get(): Promise<Browser>;
  /** Starts the browser now, so that it boots while the issue is still being rendered. */
  warm(): void;
  /** The issue needs the browser no more; later calls do nothing. */
  release(): void;
}

/**
 * One Chromium for a whole run, started on first need and shared by every
 * issue (a launch costs more than laying out a short issue). A lease's
 * `warm` starts it early, so it boots, and readies a page to lay out in,
 * while the first issue is still being rendered; once every issue has
 * released its lease, it closes while the last ones are still being
 * finished and checked. If it ends by itself, the next issue to ask for it
 * starts another.
 */
export interface SharedBrowser {
  /** A lease for one issue; take one per issue. */
  lease(): BrowserLease;
  /** Closes the browser (if it was started) and waits until it has exited. */
  close(): Promise<void>;
}

export function sharedBrowser(env: NodeJS.ProcessEnv, signal: AbortSignal, issues: number): SharedBrowser {
  let launching: Promise<Chromium> | undefined;
  let closing: Promise<void> | undefined;
  /** The ends of Chromiums that went away by themselves, their profiles still to remove. */
  const ended: Promise<void>[] = [];
  let needed = issues;
  const launch = async (): Promise<Chromium> => {
    signal.throwIfAborted();
    const found = await findBrowser(env);
    if (!found.path) throw new BrowserUnavailable(found.diagnostics);
    // Imported at first need: a run whose issues are all skipped loads no browser code.
    const [{ launchChromium, ChromiumStartError }, { readyLayoutPage }] = await Promise.all([
      import('./launch.js'),
      import('./layout-pages.js'),
    ]);
    const options = { signal, startTimeout: browserStartTimeout(env), separateProcesses: browserProcessesSeparate(env) };
    const chromium = await launchChromium(found.path, options).catch((cause: unknown) => {
      if (cause instanceof ChromiumStartError) throw new BrowserUnavailable([error(cause.rule, cause.text, { file: found.path! })]);
      throw cause;
    });
    readyLayoutPage(chromium.browser);
    return chromium;
  };
  const start = (): Promise<Chromium> => {
    if (!launching) {
      const started = launch();
      launching = started;
      // A Chromium that ends by itself (a crash, which in one process takes
      // the whole browser, or a kill) fails the layouts in flight; the issues
      // after them start a new one.
      const restartLater = (chromium: Chromium) =>
        chromium.browser.once('disconnected', () => {
          if (closing) return;
          ended.push(chromium.close());
          if (launching === started) launching = undefined;
        });
      started.then(restartLater, () => undefined);
    }
    return launching;
  };
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      const chromium = await launching?.catch(() => undefined);
      await Promise.all([chromium?.close(), ...ended]);
    })());
  // An interrupt closes Chromium at once; the layouts in flight then fail and the run ends.
  signal.addEventListener('abort', () => void close(), { once: true });
  const get = () => start().then((chromium) => chromium.browser);
  const warm = () => void start().catch(() => undefined);
  const lease = (): BrowserLease => {
    let released = false;
    return {
      get,
      warm,
      release: () => {
        if (released) return;
        released = true;
        needed -= 1;
        if (needed === 0) void close();
      },
    };
  };
  return { lease, close };
}
