import type { Browser, ConsoleMessage, Page } from 'puppeteer-core';
import { layOut, returnLayoutPage, takeLayoutPage, writeIssue } from '../../browser/layout-pages.js';
import { refusedByPolicy } from '../../browser/load-only.js';
import { error, type Result } from '../../diagnostics.js';
import type { AuditFinding, LayoutFacts } from '../../page/types.js';
import type { HtmlBundle } from '../render/render-issue.js';
import { auditDisplayLines, auditFindings, auditPages } from './audit.js';
import { checkCompleteness } from './completeness.js';
import { checkImageResolution } from './image-resolution.js';

export interface PaginateOptions {
  /** Audit every line of every page against the CJK rules (--check). */
  audit: boolean;
  /** Have Chromium write a structure tree (--tagged). */
  tagged: boolean;
  /** Hears the count of pages laid out so far, as each is added. */
  onPage?: (pages: number) => void;
}

/** Stage 3's output: Chromium's PDF and the facts of its pages. */
export interface PaginatedPdf {
  pdf: Uint8Array;
  facts: LayoutFacts;
  audit: AuditFinding[];
}

/** Paged.js's warnings while it lays out, and what the page's policy refused, heard until `stop`. */
function warningsOf(page: Page): { warnings: string[]; refused: Set<string>; stop(): void } {
  const warnings: string[] = [];
  const refused = new Set<string>();
  const onConsole = (message: ConsoleMessage) => {
    const text = message.text();
    if (/Unable to layout/i.test(text)) warnings.push(text);
    const url = refusedByPolicy(text);
    if (url) refused.add(url);
  };
  page.on('console', onConsole);
  return { warnings, refused, stop: () => page.off('console', onConsole) };
}

/** Stage 3: HtmlBundle → PDF, laid out by the Paged.js 0.4.3 polyfill in Chromium. */
export async function paginate(bundle: HtmlBundle, browser: Browser, options: PaginateOptions): Promise<Result<PaginatedPdf>> {
  const layoutPage = await takeLayoutPage(browser);
  const { page, gate } = layoutPage;
  const heard = warningsOf(page);
  let reusable = false;
  try {
    // The same steps as stock pagedjs-cli, so the kept HTML lays out the same
    // there; only the document is written into a page that holds Paged.js already.
    await writeIssue(layoutPage, bundle.html);
    const stopped = await layOut(layoutPage, options.onPage).then(
      () => undefined,
      (cause: unknown) => cause,
    );
    const refusals = [...new Set([...gate.blocked.splice(0), ...heard.refused])].map((url) =>
      error(
        'network-blocked',
        {
          zh: `排版时页面要读取 ${url}，已拦下：只能用本期自己的文件`,
          en: `the page asked for ${url}; only the build's own content may load`,
        },
        { file: bundle.file },
      ),
    );
    // Chromium closed under the layout (an interrupt): not the issue's fault.
    if (stopped !== undefined && (page.isClosed() || !browser.connected)) throw stopped;
    // A page that threw in its layout: after a refusal, Paged.js reading what was refused (it throws the bare ProgressEvent of its request).
    if (stopped !== undefined) {
      const thrown = stopped instanceof Error ? (stopped.message.split('\n')[0] ?? '') : String(stopped);
      const why =
        refusals.length > 0
          ? { zh: '页面要读的东西被拦下了（见上）', en: 'it could not read what the page asked for (refused above)' }
          : { zh: thrown, en: thrown };
      return {
        diagnostics: [
          ...refusals,
          error('layout-failed', { zh: `排版中途停止：${why.zh}`, en: `the layout stopped: ${why.en}` }, { file: bundle.file }),
        ],
      };
    }
    const facts = await page.evaluate(() => window.buildIssue.layoutFacts());

    // Display lines are audited on every build (warnings), the full audit with --check (errors).
    const display = await auditDisplayLines(page);
    const audit = options.audit ? [...(await auditPages(page)), ...display] : [];

    const diagnostics = [
      ...checkCompleteness(bundle, facts),
      ...checkImageResolution(facts.images, bundle.file),
      ...auditFindings(audit, bundle),
      ...(options.audit ? [] : auditFindings(display, bundle, true)),
      ...refusals,
    ];
    for (const text of heard.warnings) {
      const message = {
        zh: `有内容排不进页面，可能缺了内容；请查看排出的页面，把特别大的图片或表格缩小或拆开（Paged.js 原文：“${text}”）`,
        en: text,
      };
      diagnostics.push(error('layout-failed', message, { file: bundle.file }));
    }
    if (diagnostics.some((d) => d.severity === 'error' && !d.rule.startsWith('audit-'))) return { diagnostics };

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: options.tagged, timeout: 0 });
    reusable = true;
    return { value: { pdf, facts, audit }, diagnostics };
  } finally {
    heard.stop();
    await returnLayoutPage(browser, layoutPage, reusable);
  }
}
