import { PDFArray, PDFName, PDFNumber, type PDFPage } from 'pdf-lib';
import { error, warning } from '../../../diagnostics.js';
import { A4, type Box } from '../../finish/sheet.js';
import type { Advice } from './advice.js';
import { type CheckResult, pageList } from './check.js';

/** A4 within this many points, as the print shop measures it. */
const TOLERANCE = 0.05;
const mm = (pt: number) => ((pt * 25.4) / 72).toFixed(1);

function readBox(page: PDFPage, name: string): Box | undefined {
  // MediaBox may be inherited from the page tree; the other boxes may not.
  const array = name === 'MediaBox' ? page.node.getInheritableAttribute(PDFName.of(name)) : page.node.get(PDFName.of(name));
  const resolved = array && page.doc.context.lookupMaybe(array, PDFArray);
  if (resolved?.size() !== 4) return undefined;
  const [a, b, c, d] = resolved.asArray().map((v) => page.doc.context.lookup(v, PDFNumber).asNumber()) as Box;
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

const size = (box: Box) => ({ width: box[2] - box[0], height: box[3] - box[1] });
const inside = (inner: Box, outer: Box) =>
  inner[0] >= outer[0] - TOLERANCE &&
  inner[1] >= outer[1] - TOLERANCE &&
  inner[2] <= outer[2] + TOLERANCE &&
  inner[3] <= outer[3] + TOLERANCE;
const isA4 = (box: Box) => Math.abs(size(box).width - A4.width) <= TOLERANCE && Math.abs(size(box).height - A4.height) <= TOLERANCE;
const describe = (box: Box) =>
  `${size(box).width.toFixed(3)} × ${size(box).height.toFixed(3)} pt (${mm(size(box).width)} × ${mm(size(box).height)} mm)`;

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
      diagnostics.push(
        error('preflight-page-size', { zh: `第 ${n} 页没有 MediaBox（页面尺寸）`, en: `page ${n} has no MediaBox` }, { file }),
      );
      continue;
    }
    const trim = readBox(page, 'TrimBox');
    const bleed = readBox(page, 'BleedBox') ?? trim ?? media;
    if (!trim) missingTrim.push(n);
    const cut = trim ?? media;
    trims.add(describe(cut));
    if (!isA4(cut)) wrongSizes.set(describe(cut), [...(wrongSizes.get(describe(cut)) ?? []), n]);
    if (trim && !(inside(trim, bleed) && inside(bleed, media))) {
      diagnostics.push(
        error(
          'preflight-boxes',
          {
            zh: `第 ${n} 页：TrimBox（成品尺寸）应在 BleedBox（出血）之内，BleedBox 应在 MediaBox 之内`,
            en: `page ${n}: the TrimBox must lie inside the BleedBox, and that inside the MediaBox`,
          },
          { file },
        ),
      );
    }
    bleeds.add(mm(Math.min(cut[0] - bleed[0], cut[1] - bleed[1], bleed[2] - cut[2], bleed[3] - cut[3])));
  }
  for (const [size, numbers] of wrongSizes) {
    const pages = pageList(numbers);
    diagnostics.push(
      error(
        'preflight-page-size',
        {
          zh: `${pages.zh}是 ${size}，不是 A4（595.276 × 841.890 pt，即 210 × 297 mm）`,
          en: `${pages.en} ${numbers.length === 1 ? 'is' : 'are'} ${size}, not A4 (595.276 × 841.890 pt, 210 × 297 mm)`,
        },
        { file },
      ),
    );
  }
  if (missingTrim.length > 0) {
    const pages = pageList(missingTrim);
    const message = {
      zh: `${pages.zh}没有 TrimBox，印厂无法知道裁切位置`,
      en: `${pages.en} ${missingTrim.length === 1 ? 'has' : 'have'} no TrimBox: the shop cannot tell where to cut`,
    };
    diagnostics.push(error('preflight-trim-box', message, { file }));
  }
  const summary = {
    zh: `成品 ${[...trims].join(' / ')}；出血 ${[...bleeds].join(' / ')} mm`,
    en: `trim ${[...trims].join(' / ')}; bleed ${[...bleeds].join(' / ')} mm`,
  };
  return { name: 'boxes', summary, diagnostics };
}

/** Saddle stitching folds sheets of 4 pages. */
export function checkPageCount(pageCount: number, file: string, required: boolean, advice: Advice): CheckResult {
  if (pageCount % 4 === 0)
    return { name: 'pages', summary: { zh: `${pageCount} 页，是 4 的倍数`, en: `${pageCount} pages, a multiple of 4` }, diagnostics: [] };
  const needed = pageCount + 4 - (pageCount % 4);
  const message = {
    zh: `${pageCount} 页不是 4 的倍数，骑马订需要 ${needed} 页（${advice.padding.zh}）`,
    en: `${pageCount} pages is not a multiple of 4: a saddle-stitched issue needs ${needed} (${advice.padding.en})`,
  };
  return {
    name: 'pages',
    summary: { zh: `${pageCount} 页，不是 4 的倍数`, en: `${pageCount} pages, not a multiple of 4` },
    diagnostics: [(required ? error : warning)('preflight-page-count', message, { file })],
  };
}
