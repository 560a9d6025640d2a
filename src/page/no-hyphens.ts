// Paged.js 0.4.3 ends a page that breaks between two letters or digits with
// a hyphen (U+2011) it adds to the text. In this house style only a long
// string (a URL, a serial number: render/cjk-text.ts) breaks there, and
// Chinese print breaks those without a hyphen; the added character would
// also be text the source does not have (block-repeated), set in whatever
// font carries it. The handler takes it off again.
import { textNodesOf } from './dom.js';

export function dropBreakHyphens(): void {
  class BuildIssueNoHyphens extends Paged.Handler {
    override afterPageLayout(pageElement: Element): void {
      for (const el of pageElement.querySelectorAll('.pagedjs_hyphen')) {
        const last = textNodesOf(el).at(-1);
        if (last?.data.endsWith('\u2011')) last.data = last.data.slice(0, -1);
        el.classList.remove('pagedjs_hyphen');
      }
    }
  }
  Paged.registerHandlers(BuildIssueNoHyphens);
}
