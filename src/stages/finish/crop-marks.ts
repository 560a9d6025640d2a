import { PDFDict, type PDFDocument, PDFName } from 'pdf-lib';
import type { Sheet } from './sheet.js';

const MM = 72 / 25.4;
/** Marks start 2 mm beyond the bleed, so trimming never leaves a trace of them, and run 5 mm. */
const GAP = 2 * MM;
const LENGTH = 5 * MM;

/** The eight lines that extend the trim edges into the sheet's outer margin. */
function markLines(sheet: Sheet): [number, number, number, number][] {
  const [tl, tb, tr, tt] = sheet.trim;
  const [bl, bb, br, bt] = sheet.bleed;
  const lines: [number, number, number, number][] = [];
  for (const y of [tb, tt]) {
    lines.push([bl - GAP, y, bl - GAP - LENGTH, y], [br + GAP, y, br + GAP + LENGTH, y]);
  }
  for (const x of [tl, tr]) {
    lines.push([x, bb - GAP, x, bb - GAP - LENGTH], [x, bt + GAP, x, bt + GAP + LENGTH]);
  }
  return lines;
}

/**
 * Crop marks on every page, in the registration colour (Separation /All),
 * so they print on every plate; drawn outside the bleed, in the room the
 * sheet keeps for them.
 */
export function drawCropMarks(doc: PDFDocument, sheet: Sheet): void {
  const { context } = doc;
  const registration = context.register(
    context.obj([
      PDFName.of('Separation'),
      PDFName.of('All'),
      PDFName.of('DeviceGray'),
      context.obj({ FunctionType: 2, Domain: [0, 1], C0: [1], C1: [0], N: 1 }),
    ]),
  );
  const path = markLines(sheet)
    .map(([x1, y1, x2, y2]) => `${x1.toFixed(3)} ${y1.toFixed(3)} m ${x2.toFixed(3)} ${y2.toFixed(3)} l S`)
    .join('\n');
  const marks = context.register(context.stream(`q /CropMarks CS 1 SCN 0.25 w 0 J\n${path}\nQ\n`));
  for (const page of doc.getPages()) {
    page.node.normalize();
    const resources = page.node.normalizedEntries().Resources;
    const spaces = resources.lookupMaybe(PDFName.of('ColorSpace'), PDFDict) ?? context.obj({});
    spaces.set(PDFName.of('CropMarks'), registration);
    resources.set(PDFName.of('ColorSpace'), spaces);
    page.node.addContentStream(marks);
  }
}
