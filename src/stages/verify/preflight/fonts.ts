import { PDFArray, PDFDict, PDFName } from 'pdf-lib';
import { error, warning, type Diagnostic } from '../../../diagnostics.js';
import type { Advice } from './advice.js';
import { count, pageList, type CheckResult } from './check.js';

const PROGRAMS: Record<string, string> = { FontFile: 'Type 1', FontFile2: 'TrueType', FontFile3: 'CFF/OpenType' };

interface FontFacts {
  name: string;
  type: string;
  /** The embedded program's kind, or undefined when the font is not embedded. */
  program?: string;
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
  return { name, type, program: subtype === 'Type3' ? 'Type 3 glyph procedures' : program && PROGRAMS[program], subset: /^[A-Z]{6}\+/.test(name) };
}

/** Every font the pages use: embedded, subset, and none Type 3 (a shop's RIP rasterises Type 3 glyphs badly, if at all). */
export function checkFonts(fontsByPage: ReadonlyMap<string, { font: PDFDict; pages: number[] }>, file: string, advice: Advice): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const names: string[] = [];
  const type3: { name: string; pages: number[] }[] = [];
  for (const [key, { font, pages }] of fontsByPage) {
    const facts = factsOf(font, key);
    names.push(`${facts.name} (${facts.type})`);
    if (facts.type === 'Type3') type3.push({ name: facts.name, pages });
    else if (!facts.program) diagnostics.push(error('preflight-font-not-embedded', `font ${facts.name} (${facts.type}) on ${pageList(pages)} is not embedded`, { file }));
    else if (!facts.subset) diagnostics.push(warning('preflight-font-not-subset', `font ${facts.name} on ${pageList(pages)} is embedded whole, not as a subset`, { file }));
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
