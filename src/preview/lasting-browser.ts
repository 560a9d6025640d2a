import type { Browser } from 'puppeteer-core';
import { sharedBrowser } from '../browser/shared-browser.js';

/**
 * The preview's Chromium, for a session of hours: one browser (and its
 * layout page) for every build, started again for the next build if it
 * has gone (crashed, or killed: shared-browser.ts), so that one lost
 * browser does not fail every build after it.
 */
export interface LastingBrowser {
  get(): Promise<Browser>;
  warm(): void;
  close(): Promise<void>;
}

export function lastingBrowser(env: NodeJS.ProcessEnv, signal: AbortSignal): LastingBrowser {
  // A browser for any number of builds: its one lease is never released.
  const shared = sharedBrowser(env, signal, Infinity);
  const lease = shared.lease();
  return { get: lease.get, warm: lease.warm, close: shared.close };
}
