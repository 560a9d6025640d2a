import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
// pagedjs's exports map hides dist/; find the package folder through its main entry.
const POLYFILL = path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');

/**
 * What a layout page loads, as file: URLs that Chromium reads itself (sending
 * the 0.9 MB polyfill over the DevTools connection cost more). Nothing else
 * may load: an issue's fonts and images are inlined as data: URLs.
 */
export const PAGE_FILES = {
  /** The document a layout page starts from (see layout-pages.ts). */
  host: new URL('./in-page/host.html', import.meta.url).href,
  polyfill: pathToFileURL(POLYFILL).href,
};

export const allowedInLayoutPages = (url: string): boolean => url === PAGE_FILES.host || url === PAGE_FILES.polyfill;
