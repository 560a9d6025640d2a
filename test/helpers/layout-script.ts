/**
 * For tests of one part of the layout script: 453's HTML as build-issue keeps
 * it (--keep-html) is laid out twice, as build-issue lays it out, each time
 * in a layout page of its own: once as built and once without that part's
 * call, to show what the part changes and what it must not.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { layOut, takeLayoutPage, writeIssue } from '../../src/browser/layout-pages.js';
import { startChromium } from './chromium.js';
import { sharedBuild } from './shared-build.js';

let built: Promise<string> | undefined;

/**
 * 453's kept HTML, built once in a test file's process (its tests only read
 * it), as test/e2e/issue-453.test.ts builds it: --check audits the pages it
 * lays out, and lays out the same HTML.
 */
function kept453(): Promise<string> {
  built ??= (async () => {
    const { dir, run } = await sharedBuild(['453', '--keep-html', '--check']);
    assert.equal(run.code, 0, run.stderr);
    return readFile(path.join(dir, 'dist', '453.html'), 'utf8');
  })();
  return built;
}

/**
 * `read` and `prepare` are code run in the page (strings: the test runner's
 * compiler would add helpers the page lacks): `prepare` between writing the
 * issue and laying it out, `read` after.
 */
export async function layOut453WithAndWithout<T>(call: string, read: string, prepare?: string): Promise<{ with: T; without: T }> {
  const kept = await kept453();
  assert.ok(kept.includes(call), `the layout script has no ${call}`);
  const chromium = await startChromium();
  const layOutAndRead = async (html: string): Promise<T> => {
    const layoutPage = await takeLayoutPage(chromium.browser);
    try {
      await writeIssue(layoutPage, html);
      if (prepare) await layoutPage.page.evaluate(prepare);
      await layOut(layoutPage);
      return (await layoutPage.page.evaluate(read)) as T;
    } finally {
      await layoutPage.page.close();
    }
  };
  try {
    return { with: await layOutAndRead(kept), without: await layOutAndRead(kept.replace(call, '')) };
  } finally {
    await chromium.close();
  }
}
