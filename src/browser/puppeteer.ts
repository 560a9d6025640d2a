/**
 * The one module that reaches into puppeteer-core's internals.
 *
 * puppeteer-core's entry point loads its launcher with it, and the launcher
 * the code that downloads browsers (proxy agents, a JavaScript engine for PAC
 * files, FTP …): half of the CLI's bundle, parsed at every start, for a
 * launcher build-issue does not use (it starts Chromium itself: launch.ts).
 * The package's browser build (internal/puppeteer-core-browser.js) is the
 * same Puppeteer without it, but puppeteer-core exports no public path to it.
 * Only `connect` is taken from there, and every type from the public entry
 * point. Both builds run the same classes (lib/esm/puppeteer/api/), so the
 * browser it connects to is a public Browser (test/unit/browser.test.ts
 * checks with instanceof); the compiler cannot see that, as the internal
 * declarations are other classes than the public ones, hence the one cast.
 */
import type { Browser, ConnectOptions } from 'puppeteer-core';
import { connect as connectBrowserBuild } from 'puppeteer-core/internal/puppeteer-core-browser.js';

/** puppeteer.connect(), from the build without the launcher. */
export const connect = connectBrowserBuild as unknown as (options: ConnectOptions) => Promise<Browser>;
