import { error, type Diagnostic } from '../../diagnostics.js';
import type { HtmlBundle } from '../render/render-issue.js';
import type { LayoutFacts } from '../../page/types.js';

/** A CSS pixel in points. */
const PT_PER_PX = 0.75;
/** What a line box may reach past its bounds: rounding, and the marks a line ends on when set half-width. */
const TOLERANCE_PX = 1;

/**
 * Every block of the source must have reached the pages, whole and once, and
 * where the reader sees it: Paged.js can drop what it cannot lay out, leave
 * overflowing text hidden beyond a page, or lay a fragment out twice, and a
 * line that cannot break runs past the margin, where print cuts it off.
 */
export function checkCompleteness(bundle: Pick<HtmlBundle, 'blocks' | 'file'>, facts: Pick<LayoutFacts, 'blocks' | 'colophonPage'>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const block of bundle.blocks) {
    const found = facts.blocks[block.id];
    const at = { file: bundle.file, line: block.line };
    if (!found) {
      diagnostics.push(error('block-dropped', 'this block did not reach any page (Paged.js could not lay it out)', at));
    } else if (found.hidden > 0) {
      diagnostics.push(error('block-hidden', `${found.hidden} characters of this block were left hidden beyond the page (Paged.js did not move them on)`, at));
    } else if (found.chars < block.chars) {
      diagnostics.push(error('block-truncated', `only ${found.chars} of ${block.chars} characters of this block reached the pages`, at));
    } else if (found.chars > block.chars) {
      diagnostics.push(error('block-repeated', `part of this block was laid out twice: ${found.chars} characters on the pages, ${block.chars} in the source`, at));
    } else if (found.outside > TOLERANCE_PX) {
      const by = (found.outside * PT_PER_PX).toFixed(1);
      diagnostics.push(error('block-overflow', `on page ${found.outsidePage}, this block reaches ${by} pt beyond the text area (or its table cell), where print cuts it off`, at));
    }
  }
  if (facts.colophonPage === 0) diagnostics.push(error('footer-dropped', 'the distribution footer did not reach a page', { file: bundle.file }));
  return diagnostics;
}
