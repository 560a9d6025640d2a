// Paged.js waits for an animation frame before each page, so that pages on a
// screen fill in as they are made. Nobody watches here, and every frame
// repainted all the pages laid out so far, so time grew with the square of
// the length (a third of Paged.js's time for a 62-page issue, a tenth for 16).
// Its queue now runs each page straight after the last; the pages are the same.
function layOutPagesBackToBack() {
  class BuildIssueBackToBack extends Paged.Handler {
    constructor(chunker, polisher, caller) {
      super(chunker, polisher, caller);
      chunker.q.tick = (task) => queueMicrotask(task);
    }
  }
  Paged.registerHandlers(BuildIssueBackToBack);
}
