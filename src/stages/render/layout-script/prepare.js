// Paged.js calls PagedConfig.before() before it lays out pages — both when
// build-issue drives it and when stock pagedjs-cli renders the kept HTML — so
// the grid snapping and the keep rules travel inside the HTML itself. It may
// be called twice (the polyfill calls it on load too); the work is done once.
window.PagedConfig = Object.assign(window.PagedConfig || {}, {
  before() {
    window.buildIssueLayoutReady ??= document.fonts.ready.then(() => {
      trimLineEnds(BUILD_ISSUE_MARKS.closing);
      snapToGrid();
      registerKeepRules();
    });
    return window.buildIssueLayoutReady;
  },
});
