import type { BrowserSource } from '../pipeline.js';
import { sharedBrowser, type SharedBrowser } from '../cli/batch/shared-browser.js';

/**
 * The preview's Chromium, for a session of hours: one browser (and its
 * layout page) for every build, started again for the next build if it
 * has gone (crashed, or killed), so that one lost browser does not fail
 * every build after it.
 */
export interface LastingBrowser {
  get: BrowserSource;
  warm(): void;
  close(): Promise<void>;
}

export function lastingBrowser(env: NodeJS.ProcessEnv, signal: AbortSignal): LastingBrowser {
  let current: SharedBrowser = sharedBrowser(env, signal, Infinity);
  return {
    async get() {
      const browser = await current.get();
      if (browser.connected || signal.aborted) return browser;
      await current.close();
      current = sharedBrowser(env, signal, Infinity);
      return current.get();
    },
    warm: () => current.warm(),
    close: () => current.close(),
  };
}
