import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageFolder } from '../config/engines.js';
import { PACKAGE_DIR } from '../config/settings.js';
import { ISSUE_ORIGIN } from './issue-server.js';

const POLYFILL_URL = pathToFileURL(path.join(packageFolder(PACKAGE_DIR, 'pagedjs'), 'dist', 'paged.polyfill.js')).href;

/**
 * The document a layout page opens (see layout-pages.ts), told where the
 * polyfill is; Chromium reads both files itself (sending the 0.9 MB polyfill
 * over the DevTools connection cost more).
 */
export const HOST_URL = (() => {
  // Through the URL API, so that the URL is in the canonical form Chromium gives it (the gate compares them).
  // From the package's folder: this module may run from src/ (tsx) or from a chunk in lib/.
  const host = pathToFileURL(path.join(PACKAGE_DIR, 'src', 'page', 'host.html'));
  host.searchParams.set('polyfill', POLYFILL_URL);
  host.searchParams.set('issues', ISSUE_ORIGIN);
  return host.href;
})();

/** A layout page loads its host and the polyfill, nothing else (and its issues, each once: layout-pages.ts): an issue's fonts and images are inlined as data: URLs. */
export const allowedInLayoutPages = (url: string): boolean => url === HOST_URL || url === POLYFILL_URL;
