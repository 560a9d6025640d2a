import { PDFArray, PDFDict, PDFName, PDFRawStream } from 'pdf-lib';
import { error, warning, type Diagnostic } from '../../../diagnostics.js';
import type { Advice } from './advice.js';
import { count, pageList, type CheckResult } from './check.js';
import { trueTypeProblem } from './font-program.js';
import { decodeStream } from './graphics.js';

const PROGRAMS: Record<string, string> = { FontFile: 'Type 1', FontFile2: 'TrueType', FontFile3: 'CFF/OpenType' };

interface FontFacts {
  name: string;
  type: string;
  /** The embedded program's kind, or undefined when the font is not embedded. */
  program?: string;
  /** The embedded TrueType program's stream. */
  trueType?: PDFRawStream;
  subset: boolean;
}

/** `key` names a font that has no name (Chromium's Type 3 fonts have none): its object, `4 0 R`. */
function factsOf(font: PDFDict, key: string): FontFacts {
  const subtype = font.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() ?? 'unknown';
  const name = font.lookupMaybe(PDFName.of('BaseFont'), PDFName)?.decodeText() ?? font.lookupMaybe(PDFName.of('Name'), PDFName)?.decodeText() ?? `object ${key}`;
  const descendant = subtype === 'Type0' ? font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0, PDFDict) : undefined;
  const described = descendant ?? font;
  const descriptor = described.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  const program = Object.keys(PROGRAMS).find((key) => descriptor?.has(PDFName.of(key)));
  const type = descendant ? `Type0 ${descendant.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() ?? ''}`.trim() : subtype;
  // A Type 3 font's glyphs are drawn by the PDF itself: nothing is embedded, nothing is missing.
  const stream = descriptor?.lookup(PDFName.of('FontFile2'));
  const trueType = stream instanceof PDFRawStream ? stream : undefined;
  return { name, type, program: subtype === 'Type3' ? 'Type 3 glyph procedures' : program && PROGRAMS[program], trueType, subset: /^[A-Z]{6}\+/.test(name) };
}

/** What keeps an embedded TrueType program from being read, if anything. */
function programProblem(stream: PDFRawStream): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = decodeStream(stream);
  } catch (cause) {
    return `its stream cannot be decoded (${cause instanceof Error ? cause.message : String(cause)})`;
  }
  return trueTypeProblem(bytes);
}

/** Every font the pages use: embedded, subset, and none Type 3 (a shop's RIP rasterises Type 3 glyphs badly, if at all). */
export function checkFonts(fontsByPage: ReadonlyMap<string, { font: PDFDict; pages: number[] }>, file: string, advice: Advice): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const names: string[] = [];
  const type3: { name: string; pages: number[] }[] = [];
  // One program may be embedded once and used by several fonts (Chromium's, for one face): it is read, and reported, once.
  const programs = new Map<PDFRawStream, { name: string; problem?: string; pages: Set<number> }>();
  for (const [key, { font, pages }] of fontsByPage) {
    const facts = factsOf(font, key);
    names.push(`${facts.name} (${facts.type})`);
    if (facts.type === 'Type3') type3.push({ name: facts.name, pages });
    else if (!facts.program) diagnostics.push(error('preflight-font-not-embedded', `font ${facts.name} (${facts.type}) on ${pageList(pages)} is not embedded`, { file }));
    else if (!facts.subset) diagnostics.push(warning('preflight-font-not-subset', `font ${facts.name} on ${pageList(pages)} is embedded whole, not as a subset`, { file }));
    if (facts.trueType) {
      const program = programs.get(facts.trueType) ?? { name: facts.name, problem: programProblem(facts.trueType), pages: new Set<number>() };
      for (const page of pages) program.pages.add(page);
      programs.set(facts.trueType, program);
    }
  }
  for (const { name, problem, pages } of programs.values()) {
    const list = pageList([...pages].sort((a, b) => a - b));
    if (problem) diagnostics.push(error('preflight-font-damaged', `font ${name} on ${list} cannot be read: ${problem}; its text would not print`, { file }));
  }
  if (type3.length > 0) {
    // Chromium splits one outline font into many Type 3 fonts; one message says it once.
    const pages = [...new Set(type3.flatMap((f) => f.pages))].sort((a, b) => a - b);
    const which = type3.length === 1 ? `font ${type3[0]!.name} is` : `${type3.length} fonts (${type3.slice(0, 3).map((f) => f.name).join(', ')}${type3.length > 3 ? ', …' : ''}) are`;
    diagnostics.push(error('preflight-type3-font', `${which} Type 3 on ${pageList(pages)}: glyphs drawn as PDF procedures, which a RIP renders poorly; ${advice.type3}`, { file }));
  }
  const problems = diagnostics.filter((d) => d.severity === 'error').length;
  const summary =
    fontsByPage.size === 0
      ? 'no fonts used'
      : `${count(fontsByPage.size, 'font')}${problems === 0 ? ', all embedded, none Type 3' : ''}: ${names.join(', ')}`;
  return { name: 'fonts', summary, diagnostics };
}
