import type { PDFDocument } from 'pdf-lib';
import { type Diagnostic, error } from '../../diagnostics.js';
import type { Message } from '../../message.js';
import type { LayoutFacts } from '../../page/types.js';

/**
 * Saddle stitching needs a multiple of 4 pages, and GB/T 9704 puts the
 * distribution footer (版记) on the last page. When the first layout does not
 * come out at a multiple of 4, the issue is laid out again with the footer on
 * a page of its own, and the finish stage inserts blank pages before that
 * page. The running text is laid out as before, so every page number up to
 * the footer stays right; GB/T 9704 §7.5 numbers neither the blank pages
 * before the 版记 page nor that page itself, so the footer's page is the
 * named page `colophon-unnumbered`, which each edition styles without a
 * number (styles/<edition>/70-binding.css).
 */
export interface BindingPlan {
  /** CSS for the second layout: the footer on a page of its own. */
  css: string;
  /** Blank pages to insert before the footer's page. */
  blankPages: number;
}

/** Undefined when the layout already binds. */
export function planBinding(facts: LayoutFacts): BindingPlan | undefined {
  if (facts.pageCount % 4 === 0) return undefined;
  const lastTextPage = Math.max(1, ...Object.values(facts.blocks).flatMap((block) => block.pages));
  const blankPages = (4 - ((lastTextPage + 1) % 4)) % 4;
  const css = blankPages > 0 ? '.colophon { break-before: page; page: colophon-unnumbered; }' : '.colophon { break-before: page; }';
  return { css, blankPages };
}

/** The second layout must have put the footer alone on the last page, at the count the plan expects. */
export function checkBinding(plan: BindingPlan, facts: LayoutFacts, file: string): Diagnostic[] {
  const total = facts.pageCount + plan.blankPages;
  if (facts.colophonPage === facts.pageCount && total % 4 === 0) return [];
  const message = {
    zh: `把版记单独排一页后，全期 ${facts.pageCount} 页（版记在第 ${facts.colophonPage} 页），补 ${plan.blankPages} 个空白页也凑不成 4 的倍数；请删减或增加正文，或用 --no-pad 排版`,
    en: `laid out with the footer on a page of its own, the issue has ${facts.pageCount} pages (footer on page ${facts.colophonPage}); ${plan.blankPages} blank pages do not make a multiple of 4`,
  };
  return [error('padding-failed', message, { file })];
}

/** Inserts the plan's blank pages before the last page (the footer's), the size of that page. */
export function insertBlankPages(doc: PDFDocument, count: number): void {
  const last = doc.getPage(doc.getPageCount() - 1);
  const { width, height } = last.getMediaBox();
  for (let i = 0; i < count; i++) doc.insertPage(doc.getPageCount() - 1, [width, height]);
}

/** The line the build prints when it padded. */
export function paddingNote(blankPages: number, pageCount: number): Message {
  return {
    zh: `为骑马订补足到 ${pageCount} 页：在版记前加了 ${blankPages} 个空白页（不编页码），版记仍在最后一页；--no-pad 可关闭`,
    en: `padded to ${pageCount} pages for saddle stitching: ${blankPages} blank page${blankPages === 1 ? '' : 's'} (no page number) before the distribution footer, which stays on the last page; --no-pad turns this off`,
  };
}
