import type { Browser, Page } from 'puppeteer-core';
import { type IssueServer, issueServer } from './issue-server.js';
import { type Gatekeeper, loadOnly } from './load-only.js';
import { allowedInLayoutPages, HOST_URL } from './page-files.js';

/**
 * Where issues are laid out: each in a tab of its own, opened in the
 * background, holding the Paged.js polyfill, and kept from one issue to the
 * next of a run.
 *
 * In the background: a hidden page is laid out and printed as a shown one
 * is (the same PDF), but Chromium does not paint it to a screen: with two
 * windows shown, a run of many issues took a fifth more CPU (0.06 s an issue
 * even one at a time). (Paged.js stalled in a hidden page while it waited
 * for a frame before each page; the layout script has it lay pages out back
 * to back, page/back-to-back.ts.)
 *
 * Kept, with Paged.js loaded: the page opens on a document of its own
 * (page/host.html), which loads the polyfill once, and each
 * issue's HTML is written over the document before it (document.open()
 * keeps the window). Navigating to each issue instead, and loading the
 * polyfill again, cost Chromium 0.14 s of CPU an issue more (0.80 → 0.66 s),
 * and the PDF is the same to the byte.
 */
export interface LayoutPage {
  page: Page;
  /** Lets the page load its own document, the polyfill and the issues offered to it, nothing else; what it refused is kept in `gate.blocked`. */
  gate: Gatekeeper;
  /** Where the page reads each issue from. */
  issues: IssueServer;
}

declare global {
  interface Window {
    /** Set when the polyfill is loaded, before the host's first issue: Paged.js's own handlers, to keep when an issue's are cut (src/page/paged.d.ts). */
    buildIssueOwnHandlers?: number;
  }
}

const idleByBrowser = new WeakMap<Browser, Promise<LayoutPage>[]>();

const idleOf = (browser: Browser): Promise<LayoutPage>[] => {
  let idle = idleByBrowser.get(browser);
  if (!idle) idleByBrowser.set(browser, (idle = []));
  return idle;
};

let tabsOpened = 0;

/**
 * A new background tab, on its way to `url` as it opens (browser.newPage()
 * opens on about:blank, and navigating from there waits for puppeteer to
 * attach first). The tab is asked of the DevTools protocol, and found among
 * the browser's targets by its URL, made its own with a fragment (which
 * requests do not carry, so the gate sees `url`).
 */
async function openTab(browser: Browser, url: string): Promise<{ page: Page; url: string }> {
  const own = `${url}#tab-${++tabsOpened}`;
  const session = await browser.target().createCDPSession();
  try {
    await session.send('Target.createTarget', { url: own, background: true });
  } finally {
    await session.detach().catch(() => undefined);
  }
  const target = await browser.waitForTarget((t) => t.url() === own);
  const page = await target.page();
  if (!page) throw new Error('Chromium opened a target without a page');
  return { page, url: own };
}

/**
 * A new background tab, readied for layouts: print media from the start (as
 * stock pagedjs-cli does; laid out for the screen, the page was restyled
 * whole when printed), the host document, and the polyfill loaded.
 *
 * The tab opens on the host document, which loads the polyfill itself: both
 * load while puppeteer is still attaching to the page (navigating to the host
 * from a blank page, then adding the polyfill, took 0.1 s longer at start-up).
 * The gate is shut by the time an issue is written.
 */
async function openLayoutPage(browser: Browser): Promise<LayoutPage> {
  const issues = await issueServer();
  const { page, url } = await openTab(browser, HOST_URL);
  try {
    const gate = await loadOnly(page, (url) => allowedInLayoutPages(url) || issues.isOffered(url));
    await page.emulateMediaType('print');
    // Polled by timer: a background tab draws no frames. A polyfill that failed to load still lets the host load.
    await page.waitForFunction((host: string) => location.href === host && document.readyState === 'complete', { polling: 10 }, url);
    const handlers = await page.evaluate(() => {
      if (window.Paged) window.buildIssueOwnHandlers = window.Paged.registeredHandlers.length;
      return window.buildIssueOwnHandlers;
    });
    if (gate.blocked.length > 0) throw new Error(`the layout page could not load ${gate.blocked.join(', ')}`);
    if (handlers === undefined) throw new Error('the layout page could not load the Paged.js polyfill');
    return { page, gate, issues };
  } catch (cause) {
    await page.close().catch(() => undefined);
    throw cause;
  }
}

/** A page for one layout: an idle one, else a new one. */
export function takeLayoutPage(browser: Browser): Promise<LayoutPage> {
  return idleOf(browser).pop() ?? openLayoutPage(browser);
}

/**
 * Readies a layout page before any issue needs one, so that it loads while
 * the first issue is still being rendered. If it fails, the issue that takes
 * it reports why.
 */
export function readyLayoutPage(browser: Browser): void {
  const ready = openLayoutPage(browser);
  ready.catch(() => undefined); // heard by whoever takes it
  idleOf(browser).push(ready);
}

/**
 * Gives a page back after a layout. One whose layout failed or threw is
 * closed instead, since what state it is left in is unknown. The caller
 * must have removed its own listeners.
 */
export async function returnLayoutPage(browser: Browser, layoutPage: LayoutPage, reusable: boolean): Promise<void> {
  if (reusable && !layoutPage.page.isClosed()) idleOf(browser).push(Promise.resolve(layoutPage));
  // After an interrupt the browser may be gone already, and page.close() throws.
  else await layoutPage.page.close().catch(() => undefined);
}

/**
 * Writes an issue's HTML over the page's document. The page reads it, once,
 * from the CLI's issue server (issue-server.ts) and writes it; its layout
 * script runs as it is parsed. Paged.js's list of handlers goes back to its
 * own first, as each issue's layout script adds its handlers again.
 */
export async function writeIssue({ page, issues }: LayoutPage, html: string): Promise<void> {
  const url = issues.offer(Buffer.from(html));
  try {
    await page.evaluate(async (url: string) => {
      const response = await fetch(url, { cache: 'no-store' });
      if (!response.ok) throw new Error(`the layout page could not read the issue (HTTP ${response.status})`);
      const html = await response.text();
      Paged.registeredHandlers.length = window.buildIssueOwnHandlers!;
      document.open();
      document.write(html);
      document.close();
    }, url);
  } finally {
    issues.withdraw(url);
  }
}

/** Names of the functions `layOut` exposes to a page, one per layout (a name cannot be exposed twice). */
let layouts = 0;

/**
 * Lays the written issue out in pages: its layout script's passes, then
 * Paged.js, as the polyfill would run them. `onPage` hears the count of pages
 * laid out so far as each page is added, for the progress display.
 */
export async function layOut({ page }: LayoutPage, onPage?: (pages: number) => void): Promise<void> {
  const listener = onPage ? `buildIssuePageLaidOut${++layouts}` : undefined;
  if (listener) await page.exposeFunction(listener, onPage!);
  try {
    await page.evaluate(async (listener: string | undefined) => {
      await window.PagedConfig?.before?.();
      const previewer = new Paged.Previewer();
      let pages = 0;
      const heard = window as unknown as Record<string, (pages: number) => void>;
      if (listener) previewer.on('page', () => void heard[listener]!(++pages));
      await previewer.preview();
    }, listener);
  } finally {
    if (listener) await page.removeExposedFunction(listener);
  }
}
