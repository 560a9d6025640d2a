import type { Browser } from 'puppeteer-core';
import { type BrowserLease, type SharedBrowser, sharedBrowser } from '../browser/shared-browser.js';

/**
 * The preview's Chromium, for a session of hours: one browser (and its
 * layout page) for every build, started again for the next build if it
 * has gone (crashed, or killed), so that one lost browser does not fail
 * every build after it.
 */
export interface LastingBrowser {
  get(): Promise<Browser>;
  warm(): void;
  close(): Promise<void>;
}

export function lastingBrowser(env: NodeJS.ProcessEnv, signal: AbortSignal): LastingBrowser {
  // A browser for any number of builds: its one lease is never released.
  let current: SharedBrowser = sharedBrowser(env, signal, Infinity);
  let lease: BrowserLease = current.lease();
  return {
    async get() {
      const browser = await lease.get();
      if (browser.connected || signal.aborted) return browser;
      await current.close();
      current = sharedBrowser(env, signal, Infinity);
      lease = current.lease();
      return lease.get();
    },
    warm: () => lease.warm(),
    close: () => current.close(),
  };
}
