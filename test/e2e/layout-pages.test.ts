/**
 * A layout page holds Paged.js and has issue after issue written into it
 * (browser/layout-pages.ts). Nothing of one issue may carry over to the
 * next: each must lay out as it does in a page of its own, and the handlers
 * each issue's layout script adds to Paged.js must not pile up.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Chromium } from '../../src/browser/launch.js';
import { type LayoutPage, layOut, takeLayoutPage, writeIssue } from '../../src/browser/layout-pages.js';
import { cli, ROOT, workspace } from '../helpers/build.js';
import { startChromium } from '../helpers/chromium.js';
import { copyIssue } from '../helpers/issues.js';

interface Laid {
  /** The text of each page. */
  pages: string[];
  /** How many handlers Paged.js calls. */
  handlers: number;
}

async function layOutIn(layoutPage: LayoutPage, html: string): Promise<Laid> {
  await writeIssue(layoutPage, html);
  await layOut(layoutPage);
  return (await layoutPage.page.evaluate(`({
    pages: Array.from(document.querySelectorAll('.pagedjs_page'), (p) => p.innerText),
    handlers: Paged.registeredHandlers.length,
  })`)) as Laid;
}

describe('a layout page used for issue after issue', () => {
  let chromium: Chromium;
  const html: Record<string, string> = {};

  before(async () => {
    const dir = await workspace();
    await copyIssue(dir, path.join(ROOT, 'test', 'fixtures', 'batch', 'short', 'issue.md'), '501');
    const run = await cli(['453', '501', '--keep-html'], dir);
    assert.equal(run.code, 0, run.stderr);
    for (const serial of ['453', '501']) html[serial] = await readFile(path.join(dir, 'dist', `${serial}.html`), 'utf8');
    chromium = await startChromium();
  });

  after(() => chromium?.close());

  test('lays each out as a page of its own does, and Paged.js calls the same handlers each time', async () => {
    const alone = await layOutIn(await takeLayoutPage(chromium.browser), html['453']!);
    assert.equal(alone.pages.length, 16);

    const reused = await takeLayoutPage(chromium.browser);
    const short = await layOutIn(reused, html['501']!);
    const second = await layOutIn(reused, html['453']!);
    const third = await layOutIn(reused, html['453']!);
    assert.ok(short.pages.join('').includes('短刊一篇'));
    assert.ok(!second.pages.join('').includes('短刊一篇'), 'the short issue is still on the pages');
    assert.deepEqual(second.pages, alone.pages);
    assert.deepEqual(third.pages, alone.pages);
    assert.deepEqual([short.handlers, second.handlers, third.handlers], [alone.handlers, alone.handlers, alone.handlers]);
  });
});
