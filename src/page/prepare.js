// Paged.js calls PagedConfig.before() before it lays out pages — both when
// build-issue drives it and when stock pagedjs-cli renders the kept HTML — so
// the grid snapping and the keep rules travel inside the HTML itself. It may
// be called twice (the polyfill calls it on load too); the work is done once
// for this document (the window may hold another issue's after it: see
// paginate/layout-pages.ts).
//
// Until then the text is set at the measure, as it will be on the pages: the
// layout Chromium makes on loading the page is then the one both passes
// measure, not one at the window's width that they would have to redo.
const buildIssueMeasure = document.createElement('style');
buildIssueMeasure.textContent = 'main { width: var(--measure); }';
document.head.append(buildIssueMeasure);
let buildIssueLayoutReady;
window.PagedConfig = Object.assign(window.PagedConfig || {}, {
  before() {
    buildIssueLayoutReady ??= document.fonts.ready.then(() => {
      alignTableFigures();
      fitTableColumns();
      trimLineEnds(BUILD_ISSUE_MARKS.closing);
      snapToGrid();
      splitTallRows();
      snapTableRows();
      buildIssueMeasure.remove();
      registerKeepRules();
      layOutPagesBackToBack();
      checkOverflowLessOften();
      findBreaksByPosition();
      dropBreakHyphens();
      trimPageTemplate();
      repeatTableHeaders();
    });
    return buildIssueLayoutReady;
  },
});
