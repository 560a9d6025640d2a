/**
 * build-issue starts Chromium itself (stages/paginate/browser.ts) with the
 * flags puppeteer.launch() would give it; these tests keep the two in step
 * and check that a Chromium that cannot start is reported, not waited for.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { launchChromium, PUPPETEER_DEFAULT_ARGS } from '../../src/stages/paginate/browser.js';

describe('launching Chromium', () => {
  test('uses the flags puppeteer.launch() would use for headless Chrome', () => {
    const theirs = puppeteer.defaultArgs({ headless: true }).filter((arg) => arg !== 'about:blank');
    assert.deepEqual(PUPPETEER_DEFAULT_ARGS, theirs);
  });

  test('a browser that ends at once is an error that says so', async () => {
    await assert.rejects(launchChromium('/bin/false'), /Chromium \(\/bin\/false\) ended as it started \(exit code 1\)/);
  });

  test('a browser that is not there is an error too', async () => {
    await assert.rejects(launchChromium('/nonexistent/chromium'), /ended as it started .*ENOENT/);
  });
});
