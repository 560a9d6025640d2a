import { PACKAGE_DIR } from '../../config/settings.js';
import { bundlePage } from './bundle-page.js';

/**
 * The page script as scripts/build.js made it when it compiled lib/ (it
 * defines this with bundlePage's code), or undefined when the sources run
 * as they are (tsx: the tests).
 */
declare const BUILD_ISSUE_PAGE_SCRIPT: string | undefined;

let made: Promise<string> | undefined;

/**
 * The script the laid-out HTML carries: it sets line-end marks half-width,
 * snaps headings to the line grid, adds the keep rules and the other
 * Paged.js handlers (src/page/main.ts), sets tables (figures aligned, rows
 * on the grid, the header row repeated on the pages a table continues
 * onto), and gives the Node side the
 * functions that read the laid-out pages. One IIFE, because a layout page
 * writes issue after issue into one window (browser/layout-pages.ts), where
 * a second top-level `const` of the same name would throw. Made once per
 * process: ahead of time in lib/, from the sources under tsx.
 */
export function pageScript(): Promise<string> {
  made ??=
    typeof BUILD_ISSUE_PAGE_SCRIPT === 'string'
      ? Promise.resolve(BUILD_ISSUE_PAGE_SCRIPT)
      : import('esbuild').then((esbuild) => bundlePage(esbuild, PACKAGE_DIR)).then((bundle) => bundle.code);
  return made;
}
