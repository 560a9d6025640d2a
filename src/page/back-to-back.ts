// Paged.js waits for an animation frame before each page, so that pages on a
// screen fill in as they are made. Nobody watches here, and every frame
// repainted all the pages laid out so far, so time grew with the square of
// the length. Its queue now runs each page straight after the last; the
// pages are the same.
export function layOutPagesBackToBack(): void {
  class BuildIssueBackToBack extends Paged.Handler {
    constructor(chunker: Paged.Chunker, polisher: unknown, caller: unknown) {
      super(chunker, polisher, caller);
      chunker.q.tick = (task) => queueMicrotask(task);
    }
  }
  Paged.registerHandlers(BuildIssueBackToBack);
}
