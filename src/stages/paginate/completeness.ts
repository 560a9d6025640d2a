import { type Diagnostic, error } from '../../diagnostics.js';
import type { LayoutFacts } from '../../page/types.js';
import type { HtmlBundle } from '../render/render-issue.js';

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
export function checkCompleteness(
  bundle: Pick<HtmlBundle, 'blocks' | 'file'>,
  facts: Pick<LayoutFacts, 'blocks' | 'colophonPage'>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const block of bundle.blocks) {
    const found = facts.blocks[block.id];
    const at = { file: bundle.file, line: block.line };
    if (!found) {
      diagnostics.push(
        error(
          'block-dropped',
          {
            zh: '这一段没有排上任何一页（排版引擎排不下它）；试着拆短这一段',
            en: 'this block did not reach any page (the layout engine could not lay it out)',
          },
          at,
        ),
      );
    } else if (found.hidden > 0) {
      const message = {
        zh: `这一段有 ${found.hidden} 个字被藏在页外，没有转到下一页；试着拆短这一段`,
        en: `${found.hidden} characters of this block were left hidden beyond the page (the layout engine did not move them on)`,
      };
      diagnostics.push(error('block-hidden', message, at));
    } else if (found.chars < block.chars) {
      diagnostics.push(
        error(
          'block-truncated',
          {
            zh: `这一段 ${block.chars} 个字里只有 ${found.chars} 个排上了页面`,
            en: `only ${found.chars} of ${block.chars} characters of this block reached the pages`,
          },
          at,
        ),
      );
    } else if (found.chars > block.chars) {
      const message = {
        zh: `这一段有一部分排了两次：页面上 ${found.chars} 个字，原文 ${block.chars} 个字`,
        en: `part of this block was laid out twice: ${found.chars} characters on the pages, ${block.chars} in the source`,
      };
      diagnostics.push(error('block-repeated', message, at));
    } else if (found.outside > TOLERANCE_PX) {
      const by = (found.outside * PT_PER_PX).toFixed(1);
      const message = {
        zh: `第 ${found.outsidePage} 页上这一段超出版心（或表格单元格）${by} pt，印刷时会被裁掉；请在长串文字（如网址）中加空格或改短`,
        en: `on page ${found.outsidePage}, this block reaches ${by} pt beyond the text area (or its table cell), where print cuts it off`,
      };
      diagnostics.push(error('block-overflow', message, at));
    }
  }
  if (facts.colophonPage === 0)
    diagnostics.push(
      error('footer-dropped', { zh: '版记没有排上页面', en: 'the distribution footer did not reach a page' }, { file: bundle.file }),
    );
  return diagnostics;
}
