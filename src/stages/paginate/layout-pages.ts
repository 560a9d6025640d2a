import type { Browser, Page } from 'puppeteer-core/internal/puppeteer-core-browser.js';
import type { CdpTarget } from 'puppeteer-core/internal/cdp/Target.js';

/**
 * Where issues are laid out: each in a tab of its own, opened in the
 * background and kept from one issue to the next of a run.
 *
 * In the background: a hidden page is laid out and printed as a shown one
 * is (the same PDF), but Chromium does not paint it to a screen: with two
 * windows shown, a run of many issues took a fifth more CPU (0.06 s an issue
 * even one at a time). (Paged.js stalled in a hidden page while it waited
 * for a frame before each page; the layout script has it lay pages out back
 * to back, layout-script/back-to-back.js.)
 *
 * Kept open: a page that goes on to the next issue loads a new document, so
 * nothing of the last one remains but what Chromium caches by content
 * (decoded fonts, compiled code). An issue laid out in a used page takes
 * about 0.5 s less than in a new one, and comes out the same.
 */
const idleByBrowser = new WeakMap<Browser, Page[]>();

const idleOf = (browser: Browser): Page[] => {
  let idle = idleByBrowser.get(browser);
  if (!idle) idleByBrowser.set(browser, (idle = []));
  return idle;
};

/** A new page (puppeteer 24 has no call for a window or a background tab; the DevTools protocol does). */
async function openPage(browser: Browser, how: { newWindow: true } | { background: true }): Promise<Page> {
  const session = await browser.target().createCDPSession();
  try {
    const { targetId } = await session.send('Target.createTarget', { url: 'about:blank', ...how });
    const target = await browser.waitForTarget((t) => (t as CdpTarget)._targetId === targetId);
    const page = await target.page();
    if (!page) throw new Error('Chromium opened a target without a page');
    return page;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** A new window, shown: for what is drawn to be looked at (proof sheets). */
export const openWindow = (browser: Browser): Promise<Page> => openPage(browser, { newWindow: true });

/** A page for one layout: an idle one, else a new tab in the background. */
export async function takeLayoutPage(browser: Browser): Promise<Page> {
  return idleOf(browser).pop() ?? openPage(browser, { background: true });
}

/**
 * Gives a page back after a layout. One whose layout failed or threw is
 * closed instead, since what state it is left in is unknown. The caller
 * must have removed its own listeners.
 */
export async function returnLayoutPage(browser: Browser, page: Page, reusable: boolean): Promise<void> {
  if (reusable && !page.isClosed()) idleOf(browser).push(page);
  // After an interrupt the browser may be gone already, and page.close() throws.
  else await page.close().catch(() => undefined);
}
