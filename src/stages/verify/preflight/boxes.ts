import { PDFArray, PDFName, PDFNumber, type PDFPage } from 'pdf-lib';
import { error, warning } from '../../../diagnostics.js';
import { A4, type Box } from '../../finish/sheet.js';
import type { Advice } from './advice.js';
import { pageList, type CheckResult } from './check.js';

/** A4 within this many points, as the print shop measures it. */
const TOLERANCE = 0.05;
const mm = (pt: number) => ((pt * 25.4) / 72).toFixed(1);

function readBox(page: PDFPage, name: string): Box | undefined {
  // MediaBox may be inherited from the page tree; the other boxes may not.
  const array = name === 'MediaBox' ? page.node.getInheritableAttribute(PDFName.of(name)) : page.node.get(PDFName.of(name));
  const resolved = array && page.doc.context.lookupMaybe(array, PDFArray);
  if (!resolved || resolved.size() !== 4) return undefined;
  const [a, b, c, d] = resolved.asArray().map((v) => page.doc.context.lookup(v, PDFNumber).asNumber()) as Box;
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

const size = (box: Box) => ({ width: box[2] - box[0], height: box[3] - box[1] });
const inside = (inner: Box, outer: Box) =>
  inner[0] >= outer[0] - TOLERANCE && inner[1] >= outer[1] - TOLERANCE && inner[2] <= outer[2] + TOLERANCE && inner[3] <= outer[3] + TOLERANCE;
const isA4 = (box: Box) => Math.abs(size(box).width - A4.width) <= TOLERANCE && Math.abs(size(box).height - A4.height) <= TOLERANCE;
const describe = (box: Box) => `${size(box).width.toFixed(3)} × ${size(box).height.toFixed(3)} pt (${mm(size(box).width)} × ${mm(size(box).height)} mm)`;

/** Every page: a TrimBox of A4, inside the BleedBox, inside the MediaBox. */
export function checkBoxes(pages: readonly PDFPage[], file: string): CheckResult {
  const diagnostics = [];
  const missingTrim: number[] = [];
  const bleeds = new Set<string>();
  const trims = new Set<string>();
  const wrongSizes = new Map<string, number[]>();
  for (const [i, page] of pages.entries()) {
    const n = i + 1;
    const media = readBox(page, 'MediaBox');
    if (!media) {
      diagnostics.push(error('preflight-page-size', `page ${n} has no MediaBox`, { file }));
      continue;
    }
    const trim = readBox(page, 'TrimBox');
    const bleed = readBox(page, 'BleedBox') ?? trim ?? media;
    if (!trim) missingTrim.push(n);
    const cut = trim ?? media;
    trims.add(describe(cut));
    if (!isA4(cut)) wrongSizes.set(describe(cut), [...(wrongSizes.get(describe(cut)) ?? []), n]);
    if (trim && !(inside(trim, bleed) && inside(bleed, media))) {
      diagnostics.push(error('preflight-boxes', `page ${n}: the TrimBox must lie inside the BleedBox, and that inside the MediaBox`, { file }));
    }
    bleeds.add(mm(Math.min(cut[0] - bleed[0], cut[1] - bleed[1], bleed[2] - cut[2], bleed[3] - cut[3])));
  }
  for (const [size, numbers] of wrongSizes) {
    diagnostics.push(error('preflight-page-size', `${pageList(numbers)} ${numbers.length === 1 ? 'is' : 'are'} ${size}, not A4 (595.276 × 841.890 pt, 210 × 297 mm)`, { file }));
  }
  if (missingTrim.length > 0) {
    diagnostics.push(error('preflight-trim-box', `${pageList(missingTrim)} ${missingTrim.length === 1 ? 'has' : 'have'} no TrimBox: the shop cannot tell where to cut`, { file }));
  }
  const summary = `trim ${[...trims].join(' / ')}; bleed ${[...bleeds].join(' / ')} mm`;
  return { name: 'boxes', summary, diagnostics };
}

/** Saddle stitching folds sheets of 4 pages. */
export function checkPageCount(pageCount: number, file: string, required: boolean, advice: Advice): CheckResult {
  if (pageCount % 4 === 0) return { name: 'pages', summary: `${pageCount} pages, a multiple of 4`, diagnostics: [] };
  const message = `${pageCount} pages is not a multiple of 4: a saddle-stitched issue needs ${pageCount + 4 - (pageCount % 4)} (${advice.padding})`;
  return {
    name: 'pages',
    summary: `${pageCount} pages, not a multiple of 4`,
    diagnostics: [(required ? error : warning)('preflight-page-count', message, { file })],
  };
}
