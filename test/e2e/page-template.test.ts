/**
 * The layout script trims the template Paged.js makes pages from (crop marks
 * no edition asks for, whitespace text: src/page/page-template.ts).
 * That must make the pages lighter and change nothing on them: 453's kept
 * HTML is laid out with the trim and without it, also with crop marks asked
 * for, which must then stay.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { layOut453WithAndWithout } from '../helpers/layout-script.js';

interface Laid {
  /** Each page's text, and where its area, margin boxes and blocks stand. */
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

describe('the trimmed page template', () => {
  let trimmed: Laid;
  let whole: Laid;

  before(async () => {
    ({ with: trimmed, without: whole } = await layOut453WithAndWithout<Laid>('trimPageTemplate();', READ_PAGES));
  });

  test('puts the same text in the same places on the same pages', () => {
    assert.equal(trimmed.pages.length, 16);
    assert.deepEqual(trimmed.pages, whole.pages);
  });

  // 16 elements of marks and 70 text nodes of indentation a page.
  test('with fewer nodes on each page', () => {
    assert.ok(trimmed.nodes + 80 <= whole.nodes, `${trimmed.nodes} nodes a page trimmed, ${whole.nodes} whole`);
  });
});

describe('the trimmed page template, when a style sheet asks for crop marks', () => {
  test('keeps them', async () => {
    // First, with the size: Paged.js 0.4.3 reads `marks` where the page size is first set.
    const askForMarks = `document.head.insertAdjacentHTML('afterbegin', '<style>@page { size: A4; marks: crop cross; }</style>')`;
    const countMarks = `Array.from(document.querySelectorAll('.pagedjs_page .pagedjs_marks-crop, .pagedjs_page .pagedjs_marks-cross')).filter((mark) => getComputedStyle(mark).display !== 'none').length`;
    const marks = await layOut453WithAndWithout<number>('trimPageTemplate();', countMarks, askForMarks);
    assert.equal(marks.with, marks.without);
    assert.ok(marks.with >= 16 * 12, `${marks.with} marks on 16 pages`);
  });
});
