import { error, type Diagnostic } from '../../diagnostics.js';
import type { HtmlBundle } from '../render/render-issue.js';
import type { LayoutFacts } from './paginate.js';

/**
 * Every block of the source must have reached the pages, whole and once:
 * Paged.js can drop what it cannot lay out, leave overflowing text hidden
 * beyond a page, or lay a fragment out twice.
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
    }
  }
  if (facts.colophonPage === 0) diagnostics.push(error('footer-dropped', 'the distribution footer did not reach a page', { file: bundle.file }));
  return diagnostics;
}
