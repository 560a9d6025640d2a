/**
 * The engines' versions (config/engines.ts): the browser's is asked of the
 * executable once and kept under its identity on disk, and asked again when
 * the executable changes; Paged.js's is the installed package's.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { browserVersion, findEngines, parseBrowserVersion } from '../../src/config/engines.js';
import { ROOT } from '../helpers/build.js';
import { scratchDir } from '../helpers/scratch.js';

/** A browser stand-in that reports `version` and counts how often it was asked. */
async function fakeBrowser(dir: string, version: string): Promise<{ executable: string; asked: () => Promise<number> }> {
  const executable = path.join(dir, 'browser');
  const log = path.join(dir, 'asked');
  await writeFile(executable, `#!/bin/sh\necho asked >> '${log}'\necho '${version}'\n`, { mode: 0o755 });
  return { executable, asked: async () => (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean).length };
}

test('the browser’s version is read from what --version prints', () => {
  assert.equal(parseBrowserVersion('Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)\n'), 'Chromium 156.0.8078.114');
  assert.equal(parseBrowserVersion('Google Chrome 131.0.6778.85 \n'), 'Google Chrome 131.0.6778.85');
  assert.equal(parseBrowserVersion('no version here'), undefined);
});

test('the browser is asked its version once, and again when the executable changes', async () => {
  const dir = await scratchDir('build-issue-engines-');
  const cacheDir = path.join(dir, 'cache');
  const browser = await fakeBrowser(dir, 'Chromium 120.0.1.2 built somewhere');
  assert.equal(await browserVersion(browser.executable, cacheDir), 'Chromium 120.0.1.2');
  assert.equal(await browserVersion(browser.executable, cacheDir), 'Chromium 120.0.1.2');
  assert.equal(await browser.asked(), 1, 'asked again although the executable is unchanged');

  // Another executable at the same path (an update): asked again, and its answer replaces the first.
  await fakeBrowser(dir, 'Chromium 121.0.0.0');
  assert.equal(await browserVersion(browser.executable, cacheDir), 'Chromium 121.0.0.0');
  assert.equal(await browser.asked(), 2);
  const kept = JSON.parse(await readFile(path.join(cacheDir, 'browser-versions.json'), 'utf8')) as Record<string, string>;
  assert.deepEqual(Object.values(kept), ['Chromium 121.0.0.0']);
});

test('the engines are build-issue’s version, the browser named by PUPPETEER_EXECUTABLE_PATH and the installed Paged.js', async () => {
  const dir = await scratchDir('build-issue-engines-');
  const browser = await fakeBrowser(dir, 'Chromium 122.0.0.1');
  const pagedjs = JSON.parse(await readFile(path.join(ROOT, 'node_modules', 'pagedjs', 'package.json'), 'utf8')) as { version: string };
  const engines = await findEngines(
    { packageDir: ROOT, cacheDir: path.join(dir, 'cache'), version: '9.9.9' },
    { PUPPETEER_EXECUTABLE_PATH: browser.executable },
  );
  assert.deepEqual(engines, { buildIssue: '9.9.9', chromium: 'Chromium 122.0.0.1', pagedjs: pagedjs.version });
  const none = await findEngines(
    { packageDir: ROOT, cacheDir: path.join(dir, 'cache'), version: '9.9.9' },
    { PUPPETEER_EXECUTABLE_PATH: path.join(dir, 'missing') },
  );
  assert.equal(none.chromium, undefined);
});
