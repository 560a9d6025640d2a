import { readFile } from 'node:fs/promises';
import type { Browser, ConsoleMessage, Page } from 'puppeteer-core/internal/puppeteer-core-browser.js';
import { error, type Result } from '../../diagnostics.js';
import type { HtmlBundle } from '../render/render-issue.js';
import { checkCompleteness } from './completeness.js';
import { loadOnly } from './load-only.js';
import { pageFiles, type PageFiles } from './page-files.js';
import { auditFindings, auditPages, type AuditFinding } from './audit.js';
import { returnLayoutPage, takeLayoutPage } from './layout-pages.js';

const inPage = (name: string) => readFile(new URL(`./in-page/${name}`, import.meta.url), 'utf8');

/** What the layout did, read from the laid-out pages. */
export interface LayoutFacts {
  pageCount: number;
  /** Article id → page its title landed on (1-based). */
  articles: Record<string, number>;
  /** Block id → characters found on the pages, those of them hidden beyond a page's content area, and the pages its fragments are on. */
  blocks: Record<string, { chars: number; hidden: number; pages: number[] }>;
  /** Page holding the distribution footer (0 if it is missing). */
  colophonPage: number;
}

export interface PaginateOptions {
  /** Audit every line of every page against the CJK rules (--check). */
  audit: boolean;
  /** Have Chromium write a structure tree (--tagged). */
  tagged: boolean;
}

/** Stage 3's output: Chromium's PDF and the facts of its pages. */
export interface PaginatedPdf {
  pdf: Uint8Array;
  facts: LayoutFacts;
  audit: AuditFinding[];
}

/** What the page did besides laying out: requests refused and Paged.js's warnings, heard until `stop`. */
interface Listening {
  blocked: string[];
  warnings: string[];
  stop(): Promise<void>;
}

/**
 * Listens while the page lays out: only its own content may load (fonts are
 * inlined as data: URLs, nothing comes from a network), and Paged.js's
 * warnings are kept. The listeners go with `stop`, before the page is reused.
 */
async function listen(page: Page, files: PageFiles): Promise<Listening> {
  const gate = await loadOnly(page, (url) => url === 'about:blank' || files.allows(url));
  const warnings: string[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (/Unable to layout/i.test(message.text())) warnings.push(message.text());
  };
  page.on('console', onConsole);
  return {
    blocked: gate.blocked,
    warnings,
    stop: async () => {
      page.off('console', onConsole);
      await gate.stop();
    },
  };
}

/** Stage 3: HtmlBundle → PDF, laid out by the Paged.js 0.4.3 polyfill in Chromium. */
export async function paginate(bundle: HtmlBundle, browser: Browser, options: PaginateOptions): Promise<Result<PaginatedPdf>> {
  const files = await pageFiles(bundle.html);
  const page = await takeLayoutPage(browser).catch(async (cause: unknown) => {
    await files.remove();
    throw cause;
  });
  let listening: Listening | undefined;
  let reusable = false;
  try {
    listening = await listen(page, files);
    const { blocked, warnings } = listening;
    // The same steps as stock pagedjs-cli, so the kept HTML lays out the same there.
    // Print media from the start, as it does: printing then finds the styles
    // computed already (laid out for the screen, the page was restyled whole
    // when printed: 0.06 s).
    await page.emulateMediaType('print');
    await page.goto(files.html, { waitUntil: 'load' });
    await page.evaluate(() => {
      const w = window as unknown as { PagedConfig?: { auto?: boolean } };
      w.PagedConfig = Object.assign(w.PagedConfig ?? {}, { auto: false });
    });
    await page.addScriptTag({ url: files.polyfill });
    await page.evaluate(async () => {
      const w = window as unknown as { PagedConfig: { before?: () => Promise<void> }; PagedPolyfill: { preview(): Promise<unknown> } };
      await w.PagedConfig.before?.();
      await w.PagedPolyfill.preview();
    });
    const facts = (await page.evaluate(await inPage('facts.js'))) as LayoutFacts;

    const audit = options.audit ? await auditPages(page) : [];

    const diagnostics = [...checkCompleteness(bundle, facts), ...auditFindings(audit, bundle)];
    for (const url of blocked) diagnostics.push(error('network-blocked', `the page asked for ${url}; only the build's own content may load`, { file: bundle.file }));
    for (const text of warnings) diagnostics.push(error('layout-failed', text, { file: bundle.file }));
    if (diagnostics.some((d) => !d.rule.startsWith('audit-'))) return { diagnostics };

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: options.tagged, timeout: 0 });
    reusable = true;
    return { value: { pdf, facts, audit }, diagnostics };
  } finally {
    await listening?.stop();
    await returnLayoutPage(browser, page, reusable);
    await files.remove();
  }
}
