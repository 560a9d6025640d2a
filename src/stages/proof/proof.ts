import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'puppeteer-core';
import { openWindow } from '../../browser/layout-pages.js';
import { loadOnly } from '../../browser/load-only.js';
import { error, type Result } from '../../diagnostics.js';
import { writeAtomic } from '../../io/write-atomic.js';

const exec = promisify(execFile);

/** Page images at proof resolution: enough to read the text and see the layout. */
const PAGE_DPI = 60;
const SHEET_COLUMNS = 4;

/** Where the proofs of dist/453.pdf go: dist/453.proof/. */
export function proofDir(pdfFile: string): string {
  return `${pdfFile.replace(/\.pdf$/i, '')}.proof`;
}

/**
 * pdftoppm numbers its files with as many digits as the last page has
 * (page-1.png for a 4-page issue, page-01.png for 16 pages); they are renamed
 * to two digits at least, so every issue's proofs are named alike and sort.
 */
async function numberPages(dir: string): Promise<string[]> {
  const written = (await readdir(dir)).filter((f) => /^page-\d+\.png$/.test(f));
  const width = Math.max(2, ...written.map((f) => f.length - 'page-.png'.length));
  const names: string[] = [];
  for (const file of written) {
    const name = `page-${file.slice(5, -4).padStart(width, '0')}.png`;
    if (name !== file) await rename(path.join(dir, file), path.join(dir, name));
    names.push(name);
  }
  return names.sort();
}

/** All pages side by side, numbered, as an editor lays out printed pages on a desk. */
function contactSheetHtml(pages: readonly { name: string; png: Buffer }[]): string {
  const cells = pages
    .map((p, i) => `<figure><img src="data:image/png;base64,${p.png.toString('base64')}"><figcaption>${i + 1}</figcaption></figure>`)
    .join('');
  return `<!DOCTYPE html><html><head><style>
    body { margin: 0; padding: 16px; background: #888; display: grid; grid-template-columns: repeat(${SHEET_COLUMNS}, max-content); gap: 16px; width: max-content; }
    figure { margin: 0; } img { display: block; box-shadow: 0 1px 4px #0008; }
    figcaption { font: 14px sans-serif; color: #fff; text-align: center; padding-top: 4px; }
  </style></head><body>${cells}</body></html>`;
}

/**
 * Proofs for editors: a PNG of every page (poppler's pdftoppm) and one contact
 * sheet of all pages (drawn by the browser the build already has).
 */
export async function writeProofs(pdfFile: string, browser: Browser): Promise<Result<string[]>> {
  const dir = proofDir(pdfFile);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  try {
    await exec('pdftoppm', ['-r', String(PAGE_DPI), '-png', pdfFile, path.join(dir, 'page')]);
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    const message = missing
      ? {
          zh: '没有安装 pdftoppm，做不了校样图：apt-get install -y poppler-utils',
          en: 'pdftoppm is not installed: apt-get install -y poppler-utils',
        }
      : { zh: `pdftoppm 出错，没有做出校样图（pdftoppm 原文：“${String(cause)}”）`, en: `pdftoppm failed: ${String(cause)}` };
    return { diagnostics: [error('proof-failed', message, { file: pdfFile })] };
  }
  const names = await numberPages(dir);
  const pages = await Promise.all(names.map(async (name) => ({ name, png: await readFile(path.join(dir, name)) })));

  // A window of its own, shown, for a screenshot; an idle layout page is worth
  // keeping warm for the next issue.
  const page = await openWindow(browser);
  try {
    // Nothing to fetch: the images are inlined.
    await loadOnly(page, () => false);
    await page.setContent(contactSheetHtml(pages), { waitUntil: 'load' });
    const sheet = await page.screenshot({ fullPage: true, type: 'png' });
    const sheetFile = path.join(dir, 'contact-sheet.png');
    await writeAtomic(sheetFile, sheet);
    return { value: [...names.map((n) => path.join(dir, n)), sheetFile], diagnostics: [] };
  } finally {
    await page.close();
  }
}
