// Paged.js fills a page node by node. Once the text on the page comes to
// maxChars (the average of the last pages), it measures whether the page
// overflows, and, while it does not, measures again after every further
// node: each time a layout. When every punctuation mark was an element of
// its own, that came to ten measurements a page, a third of Paged.js's time;
// with the glue only where Chromium needs it (render/cjk-text.ts), six.
//
// After a measurement that finds room left, the next now waits until the
// page should be nearly full, judged from how full it is and how many
// characters fill it so far; each new block (paragraph) counts for more
// than its characters, and a heading, an image paragraph or a table is
// measured as it comes, as before. A page that overflows is found to
// overflow at the next measurement and broken where it overflows, as
// before: the same pages (test/e2e/overflow-checks.test.ts).
//
// The overflow must stay small: when it ran far beyond the page (with
// SHARE_OF_ROOM_LEFT at 2 instead of 0.8; at 1.2 the pages were still the
// same), Paged.js 0.4.3 left text hidden in the overflowing page instead of
// moving it on. The build's completeness check looks for hidden text
// (facts.ts).
import { isElement, isText } from './dom.js';

// Of the room estimated to be left, how much to fill before measuring again.
const SHARE_OF_ROOM_LEFT = 0.8;
// What a new block counts for beyond its characters: a share of the page
// (its last line's blank end and the space between paragraphs).
const BLOCK_SHARE = 0.06;
// Set within a line: their room follows from the characters in them.
const INLINE = new Set([
  'SPAN',
  'A',
  'EM',
  'STRONG',
  'B',
  'I',
  'U',
  'S',
  'SUB',
  'SUP',
  'SMALL',
  'MARK',
  'Q',
  'CITE',
  'ABBR',
  'CODE',
  'RUBY',
  'RT',
  'RP',
  'WBR',
]);
// Taller than their characters say.
const TALL = new Set(['IMG', 'FIGURE', 'TABLE', 'SVG', 'CANVAS', 'VIDEO', 'IFRAME', 'OBJECT']);

export function checkOverflowLessOften(): void {
  class BuildIssueOverflowChecks extends Paged.Handler {
    /** Blocks begun since the last measurement. */
    blockStarts = 0;
    /** A node that must be measured as it comes (a heading, an image, a table) has been laid out. */
    measureNow = false;

    override layoutNode(node: Node): void {
      if (isText(node)) return;
      const tag = isElement(node) ? node.tagName : undefined;
      if (tag !== undefined && INLINE.has(tag)) return;
      if ((tag !== undefined && TALL.has(tag)) || (isElement(node) && node.matches('.snap, .figure'))) this.measureNow = true;
      else this.blockStarts++;
    }

    override onPageLayout(_wrapper: Element, _breakToken: Paged.BreakToken, layout: Paged.Layout): void {
      if (Object.hasOwn(layout, 'hasOverflow')) return; // this page's layout has it already
      const measure: Paged.Layout['hasOverflow'] = Object.getPrototypeOf(layout).hasOverflow;
      // Paged.js's renderTo measures when its count of the page's characters reaches maxChars.
      let maxChars = layout.maxChars;
      let nextMeasurement = maxChars;
      let blockChars = 0;
      Object.defineProperty(layout, 'maxChars', {
        configurable: true,
        get: () => (this.measureNow ? maxChars : Math.max(maxChars, nextMeasurement - this.blockStarts * blockChars)),
        set: (chars: number) => {
          maxChars = chars;
          nextMeasurement = Math.max(nextMeasurement, chars);
        },
      });
      layout.hasOverflow = (element, bounds = layout.bounds) => {
        const overflows = measure.call(layout, element, bounds);
        this.measureNow = false;
        this.blockStarts = 0;
        const last = element.lastElementChild;
        if (!overflows && last) {
          // Laid out just now by the measurement: reading it again costs no layout.
          const full = (last.getBoundingClientRect().bottom - bounds.top) / bounds.height;
          const chars = (element.textContent ?? '').length;
          if (full > 0) {
            nextMeasurement = Math.max(nextMeasurement, chars + Math.floor(((chars * (1 - full)) / full) * SHARE_OF_ROOM_LEFT));
            blockChars = (chars / full) * BLOCK_SHARE;
          }
        }
        return overflows;
      };
    }
  }
  Paged.registerHandlers(BuildIssueOverflowChecks);
}
