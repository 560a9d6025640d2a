// The page script: what an issue's HTML carries (render/page-script.ts
// bundles this module and those it imports into one script).
//
// Paged.js calls PagedConfig.before() before it lays out pages — both when
// build-issue drives it and when stock pagedjs-cli renders the kept HTML — so
// the grid snapping and the keep rules travel inside the HTML itself. It may
// be called twice (the polyfill calls it on load too); the work is done once
// for this document (the window may hold another issue's after it: see
// browser/layout-pages.ts).
//
// Until then the text is set at the measure, as it will be on the pages: the
// layout Chromium makes on loading the page is then the one both passes
// measure, not one at the window's width that they would have to redo.
//
// After the layout, the Node side reads the pages through the functions put
// on `window.buildIssue` (types.ts).
import { auditPages } from './audit.js';
import { layOutPagesBackToBack } from './back-to-back.js';
import { findBreaksByPosition } from './break-tokens.js';
import { auditDisplayLines } from './display-audit.js';
import { layoutFacts } from './facts.js';
import { registerKeepRules } from './keep.js';
import { trimLineEnds } from './line-ends.js';
import { dropBreakHyphens } from './no-hyphens.js';
import { checkOverflowLessOften } from './overflow-checks.js';
import { trimPageTemplate } from './page-template.js';
import { snapToGrid } from './snap.js';
import { alignTableFigures, fitTableColumns } from './table-columns.js';
import { snapTableRows, splitTallRows } from './table-rows.js';
import { repeatTableHeaders } from './tables.js';

const measure = document.createElement('style');
measure.textContent = 'main { width: var(--measure); }';
document.head.append(measure);

let layoutReady: Promise<void> | undefined;
window.PagedConfig = Object.assign(window.PagedConfig ?? {}, {
  before(): Promise<void> {
    layoutReady ??= document.fonts.ready.then(() => {
      alignTableFigures();
      fitTableColumns();
      trimLineEnds();
      snapToGrid();
      splitTallRows();
      snapTableRows();
      measure.remove();
      registerKeepRules();
      layOutPagesBackToBack();
      checkOverflowLessOften();
      findBreaksByPosition();
      dropBreakHyphens();
      trimPageTemplate();
      repeatTableHeaders();
    });
    return layoutReady;
  },
});

window.buildIssue = { layoutFacts, auditPages, auditDisplayLines };
