/**
 * The layout script trims the template Paged.js makes pages from (crop marks
 * no edition asks for, whitespace text: layout-script/page-template.js).
 * That must make the pages lighter and change nothing on them: 453's kept
 * HTML is laid out with the trim and without it.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Chromium } from '../../src/stages/paginate/browser.js';
import { layOut, takeLayoutPage, writeIssue } from '../../src/stages/paginate/layout-pages.js';
import { cli, workspace } from '../helpers/build.js';
import { startChromium } from '../helpers/chromium.js';

interface Laid {
  /** Each page's text, and where each of its text lines and boxes stands. */
  pages: { text: string; boxes: string }[];
  /** DOM nodes (elements and text) per page, on average. */
  nodes: number;
}

const READ_PAGES = `(() => {
  const pages = Array.from(document.querySelectorAll('.pagedjs_page'));
  const where = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.width, r.height].map(Math.round).join(','); };
  return {
    pages: pages.map((page) => ({
      text: page.innerText,
      boxes: Array.from(page.querySelectorAll('.pagedjs_area, .pagedjs_margin-content, p, h1, h2, h3'), where).join(' '),
    })),
    nodes: pages.reduce((n, page) => {
      const walker = document.createTreeWalker(page, NodeFilter.SHOW_ALL);
      while (walker.nextNode()) n++;
      return n;
    }, 0) / pages.length,
  };
})()`;

async function layOutWith(chromium: Chromium, html: string): Promise<Laid> {
  const layoutPage = await takeLayoutPage(chromium.browser);
  try {
    await writeIssue(layoutPage, html);
    await layOut(layoutPage);
    return (await layoutPage.page.evaluate(READ_PAGES)) as Laid;
  } finally {
    await layoutPage.page.close();
  }
}

describe('the trimmed page template', () => {
  let chromium: Chromium;
  let trimmed: Laid;
  let whole: Laid;

  before(async () => {
    const dir = await workspace();
    const run = await cli(['453', '--keep-html'], dir);
    assert.equal(run.code, 0, run.stderr);
    const kept = await readFile(path.join(dir, 'dist', '453.html'), 'utf8');
    assert.match(kept, /trimPageTemplate\(\);/);
    chromium = await startChromium();
    trimmed = await layOutWith(chromium, kept);
    whole = await layOutWith(chromium, kept.replace('trimPageTemplate();', ''));
  });

  after(() => chromium?.close());

  test('puts the same text in the same places on the same pages', () => {
    assert.equal(trimmed.pages.length, 16);
    assert.deepEqual(trimmed.pages, whole.pages);
  });

  // 16 elements of marks and 70 text nodes of indentation a page.
  test('with fewer nodes on each page', () => {
    assert.ok(trimmed.nodes + 80 <= whole.nodes, `${trimmed.nodes} nodes a page trimmed, ${whole.nodes} whole`);
  });
});
