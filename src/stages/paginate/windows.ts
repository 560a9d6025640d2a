import type { Browser, Page } from 'puppeteer-core/internal/puppeteer-core-browser.js';
import type { CdpTarget } from 'puppeteer-core/internal/cdp/Target.js';

/**
 * Where issues are laid out: each in a window of its own, kept open from
 * one issue to the next of a run.
 *
 * A window, not a tab: a tab behind another is hidden, and Chromium does not
 * render hidden pages, so Paged.js stalls in it until the tab in front
 * closes. (browser.newPage() opens tabs: two issues "at once" took turns.)
 *
 * Kept open: a window that goes on to the next issue loads a new document,
 * so nothing of the last one remains but what Chromium caches by content
 * (the compiled Paged.js, decoded fonts). An issue laid out in a used window
 * takes about 0.5 s less than in a new one, and comes out the same. The first
 * window is the one Chromium starts with.
 */
interface Windows {
  idle: Page[];
  startWindowTaken: boolean;
}

const byBrowser = new WeakMap<Browser, Windows>();

const windowsOf = (browser: Browser): Windows => {
  let windows = byBrowser.get(browser);
  if (!windows) byBrowser.set(browser, (windows = { idle: [], startWindowTaken: false }));
  return windows;
};

/** A new window (puppeteer 24.9 has no call for one; the DevTools protocol does). */
export async function openWindow(browser: Browser): Promise<Page> {
  const session = await browser.target().createCDPSession();
  try {
    const { targetId } = await session.send('Target.createTarget', { url: 'about:blank', newWindow: true });
    const target = await browser.waitForTarget((t) => (t as CdpTarget)._targetId === targetId);
    const page = await target.page();
    if (!page) throw new Error('Chromium opened a window without a page');
    return page;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** A window for one layout: an idle one, else the start window, else a new one. */
export async function takeWindow(browser: Browser): Promise<Page> {
  const windows = windowsOf(browser);
  const idle = windows.idle.pop();
  if (idle) return idle;
  if (!windows.startWindowTaken) {
    windows.startWindowTaken = true;
    const start = (await browser.pages()).find((page) => page.url() === 'about:blank');
    if (start) return start;
  }
  return openWindow(browser);
}

/**
 * Gives a window back after a layout. One whose layout failed or threw is
 * closed instead, since what state it is left in is unknown. The caller
 * must have removed its own listeners.
 */
export async function returnWindow(browser: Browser, page: Page, reusable: boolean): Promise<void> {
  if (reusable && !page.isClosed()) windowsOf(browser).idle.push(page);
  // After an interrupt the browser may be gone already, and page.close() throws.
  else await page.close().catch(() => undefined);
}
