/**
 * The layout script has Paged.js measure a page for overflow less often
 * (src/page/overflow-checks.ts). That must change how often it
 * measures, never where pages break: 453's kept HTML is laid out with the
 * handler and without it, and the pages must hold the same text. Where
 * Paged.js leaves text hidden beyond a page (as it did when the overflow
 * grew large), the build's completeness check must see it.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { pageScript } from '../../src/stages/render/page-script.js';
import { startChromium } from '../helpers/chromium.js';
import { layOut453WithAndWithout } from '../helpers/layout-script.js';

/**
 * In the page (a string: the test runner's compiler would add helpers the
 * page lacks), between writing the issue and laying it out. The counting
 * handler is registered before the layout script's, so it counts on the
 * prototype they call.
 */
const COUNT_MEASUREMENTS = `(() => {
  window.measurements = 0;
  class CountMeasurements extends Paged.Handler {
    onPageLayout(wrapper, token, layout) {
      const proto = Object.getPrototypeOf(layout);
      if (proto.counted) return;
      const measure = proto.hasOverflow;
      proto.hasOverflow = function (...args) {
        window.measurements++;
        return measure.apply(this, args);
      };
      proto.counted = true;
    }
  }
  Paged.registerHandlers(CountMeasurements);
})()`;

interface Laid {
  pages: string[];
  /** How many times Paged.js measured a page for overflow. */
  measurements: number;
}

describe('measuring pages for overflow less often', () => {
  let withHandler: Laid;
  let without: Laid;

  before(async () => {
    const read = `({
      pages: Array.from(document.querySelectorAll('.pagedjs_page'), (p) => p.innerText),
      measurements: window.measurements,
    })`;
    ({ with: withHandler, without } = await layOut453WithAndWithout<Laid>('checkOverflowLessOften();', read, COUNT_MEASUREMENTS));
  });

  test('puts the same text on the same pages', () => {
    assert.equal(withHandler.pages.length, 16);
    assert.deepEqual(withHandler.pages, without.pages);
  });

  // 64 against 97 (against 159 when every closing mark was a node of its own: render/cjk-text.ts).
  test('with a quarter fewer measurements or more', () => {
    assert.ok(without.measurements > 0, 'nothing was counted');
    assert.ok(
      withHandler.measurements * 4 < without.measurements * 3,
      `${withHandler.measurements} measurements with the handler, ${without.measurements} without`,
    );
  });
});

describe('text left hidden beyond a page', () => {
  test('is counted as hidden by the layout facts, and text on the page is not', async () => {
    const chromium = await startChromium();
    try {
      const page = await chromium.browser.newPage();
      // A page's content area three lines high, set in columns as Paged.js sets it: b2 runs into a second column, clipped.
      await page.setContent(`<style>
          body { margin: 0; font: 20px/20px monospace; }
          .pagedjs_page_content { width: 100px; height: 60px; columns: 100px; column-gap: 0; column-fill: auto; overflow: hidden; }
          p { margin: 0; }
        </style>
        <div class="pagedjs_pages"><div class="pagedjs_page"><div class="pagedjs_page_content"><div>
          <p data-block="b1">aa bb</p><p data-block="b2">cc dd ee ff gg hh ii jj</p>
        </div></div></div></div>`);
      await page.addScriptTag({ content: await pageScript() });
      const facts = await page.evaluate(() => window.buildIssue.layoutFacts());
      const { outside, ...b1 } = facts.blocks.b1!;
      assert.deepEqual(b1, { chars: 4, hidden: 0, pages: [1], outsidePage: outside > 0 ? 1 : 0 });
      assert.ok(outside < 1, 'its lines are inside the page, within a pixel');
      assert.deepEqual(
        { ...facts.blocks.b2, outside: 0, outsidePage: 0 },
        { chars: 16, hidden: 16, pages: [1], outside: 0, outsidePage: 0 },
      );
    } finally {
      await chromium.close();
    }
  });
});
