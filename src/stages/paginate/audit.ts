import type { Page } from 'puppeteer-core';
import { type Diagnostic, error, warning } from '../../diagnostics.js';
import type { AuditFinding } from '../../page/types.js';
import type { HtmlBundle } from '../render/render-issue.js';

/**
 * The layout audit (--check): reads every line of every laid-out page
 * (.pagedjs_page) from the DOM and reports each breach of the house's CJK
 * rules (page/audit.ts, run by the page script the HTML carries). The rules'
 * character sets are the ones the render stage glues by (page/marks.ts).
 */
export function auditPages(page: Page): Promise<AuditFinding[]> {
  return page.evaluate(() => window.buildIssue.auditPages());
}

/**
 * The display-line audit (page/display-audit.ts): display lines broken
 * inside a phrase, lines of one character in headings and TOC entries,
 * uneven headlines. It reads only the display blocks, so every build runs it.
 */
export function auditDisplayLines(page: Page): Promise<AuditFinding[]> {
  return page.evaluate(() => window.buildIssue.auditDisplayLines());
}

/** Each finding as a diagnostic at the source line of the block it is in: an error, or a warning where `asWarnings`. */
export function auditFindings(findings: readonly AuditFinding[], bundle: HtmlBundle, asWarnings = false): Diagnostic[] {
  const lines = new Map(bundle.blocks.map((b) => [b.id, b.line]));
  const report = asWarnings ? warning : error;
  return findings.map((f) =>
    report(
      `audit-${f.rule}`,
      {
        zh: `第 ${f.page} 页第 ${f.line} 行：${f.message.zh}：${f.text}`,
        en: `page ${f.page}, line ${f.line}: ${f.message.en}: ${f.text}`,
      },
      { file: bundle.file, line: lines.get(f.block) },
    ),
  );
}
