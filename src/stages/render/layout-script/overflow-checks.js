// Paged.js fills a page node by node. Once the text on the page comes to
// maxChars (the average of the last pages), it measures whether the page
// overflows, and, while it does not, measures again after every further
// node: each time a layout. In Chinese text every punctuation mark is an
// element of its own, so that came to ten measurements a page, a third of
// Paged.js's time.
//
// After a measurement that finds room left, the next now waits until the
// page should be nearly full, judged from how full it is and how many
// characters fill it so far, with a margin for headings and the like that
// take more room than their characters say. A page that overflows before
// that is still found to overflow, at the next measurement, and is broken
// where it overflows, as before: the pages are the same, from fewer layouts.
function checkOverflowLessOften() {
  // Of the room estimated to be left, how much to fill before measuring again.
  const SHARE_OF_ROOM_LEFT = 0.8;

  class BuildIssueOverflowChecks extends Paged.Handler {
    onPageLayout(wrapper, breakToken, layout) {
      if (Object.hasOwn(layout, 'hasOverflow')) return; // this page's layout has it already
      const measure = Object.getPrototypeOf(layout).hasOverflow;
      // Paged.js's renderTo measures when its count of characters reaches maxChars.
      let nextMeasurement = layout.maxChars;
      Object.defineProperty(layout, 'maxChars', {
        configurable: true,
        get: () => nextMeasurement,
        set: (chars) => {
          nextMeasurement = chars;
        },
      });
      layout.hasOverflow = function (element, bounds = this.bounds) {
        const overflows = measure.call(this, element, bounds);
        const last = element.lastElementChild;
        if (!overflows && last) {
          // Laid out just now by the measurement: reading it again costs no layout.
          const full = (last.getBoundingClientRect().bottom - bounds.top) / bounds.height;
          const chars = element.textContent.length;
          if (full > 0) nextMeasurement = Math.max(nextMeasurement, chars + Math.floor(((chars * (1 - full)) / full) * SHARE_OF_ROOM_LEFT));
        }
        return overflows;
      };
    }
  }
  Paged.registerHandlers(BuildIssueOverflowChecks);
}
