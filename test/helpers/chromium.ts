/** Chromium for tests: the one the build would use, started as the build starts it, or as a person's browser. */
import assert from 'node:assert/strict';
import { type Browser, launch } from 'puppeteer-core';
import { type Chromium, launchChromium } from '../../src/browser/launch.js';
import { findBrowser } from '../../src/config/browser.js';

/** The Chromium the build would use. */
export async function browserPath(): Promise<string> {
  const found = await findBrowser(process.env);
  assert.ok(found.path, 'no Chromium');
  return found.path;
}

/** The Chromium the build would use (PUPPETEER_EXECUTABLE_PATH, CHROME_PATH or Debian's), started as the build starts it: with no network. */
export async function startChromium(): Promise<Chromium> {
  return launchChromium(await browserPath());
}

/**
 * The same Chromium started as a browser a person uses: with its network, so
 * that it reaches a server on 127.0.0.1 (the build's Chromium resolves no
 * address at all). Root needs --no-sandbox.
 */
export async function startBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const root = process.getuid?.() === 0;
  const browser = await launch({ executablePath: await browserPath(), headless: true, args: root ? ['--no-sandbox'] : [] });
  return { browser, close: () => browser.close() };
}
