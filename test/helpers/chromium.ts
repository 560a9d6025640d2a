/** The Chromium the build would use (PUPPETEER_EXECUTABLE_PATH, CHROME_PATH or Debian's), started as the build starts it. */
import assert from 'node:assert/strict';
import { findBrowser } from '../../src/config/browser.js';
import { launchChromium, type Chromium } from '../../src/browser/launch.js';

export async function startChromium(): Promise<Chromium> {
  const found = await findBrowser(process.env);
  assert.ok(found.path, 'no Chromium');
  return launchChromium(found.path);
}
