import { browserStartTimeout, findBrowser } from '../config/browser.js';
import { error, type Diagnostic } from '../diagnostics.js';
import type { BrowserSource } from '../pipeline.js';
import type { Chromium } from './launch.js';

/** No browser could be started; its diagnostics say why (browser-missing). */
export class BrowserUnavailable extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super('no browser to lay out with');
  }
}

/**
 * One Chromium for a whole run, started on first need and shared by every
 * issue (a launch costs more than laying out a short issue). `warm` starts it
 * early, so it boots, and readies a page to lay out in, while the first issue
 * is still being rendered; once every issue has said it is `done` with it, it
 * closes while the last ones are still being finished and checked.
 */
export interface SharedBrowser {
  get: BrowserSource;
  warm(): void;
  /** One issue needs the browser no more; call it once per issue. */
  done(): void;
  /** Closes the browser (if it was started) and waits until it has exited. */
  close(): Promise<void>;
}

export function sharedBrowser(env: NodeJS.ProcessEnv, signal: AbortSignal, issues: number): SharedBrowser {
  let launching: Promise<Chromium> | undefined;
  let closing: Promise<void> | undefined;
  let needed = issues;
  const start = (): Promise<Chromium> => {
    launching ??= (async () => {
      signal.throwIfAborted();
      const found = await findBrowser(env);
      if (!found.path) throw new BrowserUnavailable(found.diagnostics);
      // Imported at first need: a run whose issues are all skipped loads no browser code.
      const [{ launchChromium, ChromiumStartError }, { readyLayoutPage }] = await Promise.all([import('./launch.js'), import('./layout-pages.js')]);
      const chromium = await launchChromium(found.path, { signal, startTimeout: browserStartTimeout(env) }).catch((cause: unknown) => {
        if (cause instanceof ChromiumStartError) throw new BrowserUnavailable([error(cause.rule, cause.message, { file: found.path! })]);
        throw cause;
      });
      readyLayoutPage(chromium.browser);
      return chromium;
    })();
    return launching;
  };
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      const chromium = await launching?.catch(() => undefined);
      await chromium?.close();
    })());
  // An interrupt closes Chromium at once; the layouts in flight then fail and the run ends.
  signal.addEventListener('abort', () => void close(), { once: true });
  return {
    get: () => start().then((chromium) => chromium.browser),
    warm: () => void start().catch(() => undefined),
    done: () => {
      needed -= 1;
      if (needed === 0) void close();
    },
    close,
  };
}
