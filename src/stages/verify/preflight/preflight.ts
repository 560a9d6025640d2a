import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { type Diagnostic, error, hasErrors } from '../../../diagnostics.js';
import { scratchDir } from '../../../io/scratch.js';
import { adviceFor } from './advice.js';
import { checkBoxes, checkPageCount } from './boxes.js';
import type { CheckResult } from './check.js';
import { checkFonts } from './fonts.js';
import { type ImagePlacement, walkPage } from './graphics.js';
import { checkImages } from './images.js';
import { checkSyntax, readStructure, type StructureOutcome } from './syntax.js';

export interface PreflightOptions {
  /** The PDF's name in messages. */
  file: string;
  /** A page count that is not a multiple of 4 fails (true), or only warns (a build with --no-pad). */
  requireMultipleOf4: boolean;
}

export interface PreflightReport {
  file: string;
  checks: CheckResult[];
  diagnostics: Diagnostic[];
  passed: boolean;
}

/** What the pages draw with, gathered page by page. */
function gatherUse(doc: PDFDocument) {
  const fonts = new Map<string, { font: PDFDict; pages: number[] }>();
  const colourSpaces = new Set<string>();
  const images: ImagePlacement[] = [];
  const syntaxErrors: string[] = [];
  doc.getPages().forEach((page, i) => {
    const resources = doc.context.lookupMaybe(page.node.getInheritableAttribute(PDFName.of('Resources')), PDFDict);
    const use = walkPage(doc.context, page.node.get(PDFName.of('Contents')), resources, i + 1);
    for (const [key, font] of use.fonts) {
      const entry = fonts.get(key) ?? { font, pages: [] };
      entry.pages.push(i + 1);
      fonts.set(key, entry);
    }
    for (const space of use.colourSpaces) colourSpaces.add(space);
    images.push(...use.images);
    syntaxErrors.push(...use.syntaxErrors);
  });
  return { fonts, colourSpaces, images, syntaxErrors };
}

/** qpdf reads files; the bytes go to a scratch file for it, which its messages then name as `file`. */
async function structureOf(bytes: Uint8Array, file: string): Promise<StructureOutcome> {
  const dir = await scratchDir('preflight');
  try {
    const scratch = path.join(dir, 'check.pdf');
    await writeFile(scratch, bytes);
    const outcome = await readStructure(scratch);
    return { ...outcome, output: outcome.output.replaceAll(scratch, file) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Checks a PDF as a print shop's preflight would: page sizes and boxes,
 * page count for saddle stitching, fonts, colour spaces, image resolution at
 * the placed size, and the file's syntax (its structure read by qpdf, its
 * pages' content by the walk that gathers the rest).
 */
export async function preflight(bytes: Uint8Array, options: PreflightOptions): Promise<PreflightReport> {
  const { file } = options;
  // qpdf runs in its own process while the pages are read here.
  const structure = structureOf(bytes, file);
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true }).catch((cause: unknown) => cause as Error);
  if (doc instanceof Error) {
    await structure.catch(() => undefined);
    const diagnostics = [
      error(
        'preflight-unreadable',
        { zh: `这个文件读不出来，不是可用的 PDF（pdf-lib 原文：“${doc.message}”）`, en: `not a PDF that can be read: ${doc.message}` },
        { file },
      ),
    ];
    return { file, checks: [{ name: 'syntax', summary: { zh: '无法读取', en: 'unreadable' }, diagnostics }], diagnostics, passed: false };
  }
  const pages = doc.getPages();
  const use = gatherUse(doc);
  const advice = adviceFor(doc.getProducer());
  const colours = [...use.colourSpaces].sort();
  const checks: CheckResult[] = [
    checkPageCount(pages.length, file, options.requireMultipleOf4, advice),
    checkBoxes(pages, file),
    checkFonts(use.fonts, file, advice),
    {
      name: 'colour',
      summary:
        colours.length > 0
          ? { zh: colours.join('、'), en: colours.join(', ') }
          : { zh: '未设置（黑色，默认 DeviceGray）', en: 'none set (black, DeviceGray by default)' },
      diagnostics: [],
    },
    checkImages(use.images, file),
    checkSyntax(await structure, use.syntaxErrors, file),
  ];
  const diagnostics = checks.flatMap((check) => check.diagnostics);
  return { file, checks, diagnostics, passed: !hasErrors(diagnostics) };
}
