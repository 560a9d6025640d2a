import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
// pagedjs's exports map hides dist/; find the package folder through its main entry.
export const POLYFILL = path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');

/**
 * What the page loads, as file: URLs that Chromium reads itself. Sending the
 * same bytes over the DevTools connection (page.setContent with megabytes of
 * inlined fonts, addScriptTag with the 0.9 MB polyfill) costs about 0.3 s
 * more per issue.
 */
export interface PageFiles {
  html: string;
  polyfill: string;
  /** The page may load these and nothing else (besides data: URLs). */
  allows(url: string): boolean;
  /** Deletes the HTML's scratch copy. */
  remove(): Promise<void>;
}

export async function pageFiles(html: string): Promise<PageFiles> {
  const dir = await mkdtemp(path.join(tmpdir(), 'build-issue-page-'));
  const file = path.join(dir, 'issue.html');
  try {
    await writeFile(file, html);
  } catch (cause) {
    await rm(dir, { recursive: true, force: true });
    throw cause;
  }
  const urls = { html: pathToFileURL(file).href, polyfill: pathToFileURL(POLYFILL).href };
  return {
    ...urls,
    allows: (url) => url === urls.html || url === urls.polyfill,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
