import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { error, type Result } from '../../diagnostics.js';

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

/** Gaps around and between the pages on the sheet, and the caption's size, in the sheet's pixels. */
const SHEET_GAP = 16;
const CAPTION_SIZE = 14;

/**
 * All pages side by side, numbered, as an editor lays out printed pages on a
 * desk: a PDF of one page on which the issue's pages are drawn at the page
 * images' scale (PAGE_DPI), to be rendered at 72 dpi, a pixel a point.
 */
async function contactSheetPdf(pdf: Uint8Array): Promise<Uint8Array> {
  const sheet = await PDFDocument.create();
  const source = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = await sheet.embedPdf(source, source.getPageIndices());
  const scale = PAGE_DPI / 72;
  const cellWidth = Math.max(...pages.map((p) => p.width)) * scale;
  const cellHeight = Math.max(...pages.map((p) => p.height)) * scale + CAPTION_SIZE * 1.5;
  const rows = Math.ceil(pages.length / SHEET_COLUMNS);
  const columns = Math.min(SHEET_COLUMNS, pages.length);
  const width = SHEET_GAP + columns * (cellWidth + SHEET_GAP);
  const height = SHEET_GAP + rows * (cellHeight + SHEET_GAP);
  const page = sheet.addPage([width, height]);
  page.drawRectangle({ x: 0, y: 0, width, height, color: rgb(0.53, 0.53, 0.53) });
  const font = await sheet.embedFont(StandardFonts.Helvetica);
  pages.forEach((embedded, i) => {
    const left = SHEET_GAP + (i % SHEET_COLUMNS) * (cellWidth + SHEET_GAP);
    const top = height - SHEET_GAP - Math.floor(i / SHEET_COLUMNS) * (cellHeight + SHEET_GAP);
    const [w, h] = [embedded.width * scale, embedded.height * scale];
    page.drawRectangle({ x: left + 1, y: top - h - 2, width: w, height: h, color: rgb(0, 0, 0), opacity: 0.35 });
    // A PDF page is transparent: its paper is drawn first.
    page.drawRectangle({ x: left, y: top - h, width: w, height: h, color: rgb(1, 1, 1) });
    page.drawPage(embedded, { x: left, y: top - h, xScale: scale, yScale: scale });
    const caption = String(i + 1);
    const x = left + (w - font.widthOfTextAtSize(caption, CAPTION_SIZE)) / 2;
    page.drawText(caption, { x, y: top - h - CAPTION_SIZE * 1.2, size: CAPTION_SIZE, font, color: rgb(1, 1, 1) });
  });
  return sheet.save();
}

/**
 * Proofs for editors: a PNG of every page, and one contact sheet of all
 * pages, both drawn by poppler's pdftoppm.
 */
export async function writeProofs(pdfFile: string): Promise<Result<string[]>> {
  const dir = proofDir(pdfFile);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const sheetPdf = path.join(dir, '.contact-sheet.pdf');
  try {
    // The two at once: each takes a core for as long as the other.
    await Promise.all([
      exec('pdftoppm', ['-r', String(PAGE_DPI), '-png', pdfFile, path.join(dir, 'page')]),
      (async () => {
        await writeFile(sheetPdf, await contactSheetPdf(await readFile(pdfFile)));
        await exec('pdftoppm', ['-r', '72', '-png', '-singlefile', sheetPdf, path.join(dir, 'contact-sheet')]);
      })(),
    ]);
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    const message = missing
      ? {
          zh: '没有安装 pdftoppm，做不了校样图：apt-get install -y poppler-utils',
          en: 'pdftoppm is not installed: apt-get install -y poppler-utils',
        }
      : // pdftoppm's words, or pdf-lib's for the contact sheet.
        { zh: `没有做出校样图（原文：“${String(cause)}”）`, en: `the proofs could not be made: ${String(cause)}` };
    return { diagnostics: [error('proof-failed', message, { file: pdfFile })] };
  } finally {
    await rm(sheetPdf, { force: true });
  }
  const names = await numberPages(dir);
  return { value: [...names.map((n) => path.join(dir, n)), path.join(dir, 'contact-sheet.png')], diagnostics: [] };
}
