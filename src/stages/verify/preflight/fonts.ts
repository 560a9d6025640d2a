import { PDFArray, PDFDict, PDFName } from 'pdf-lib';
import { error, warning, type Diagnostic } from '../../../diagnostics.js';
import { count, pageList, type CheckResult } from './check.js';

const PROGRAMS: Record<string, string> = { FontFile: 'Type 1', FontFile2: 'TrueType', FontFile3: 'CFF/OpenType' };

interface FontFacts {
  name: string;
  type: string;
  /** The embedded program's kind, or undefined when the font is not embedded. */
  program?: string;
  subset: boolean;
}

function factsOf(font: PDFDict): FontFacts {
  const subtype = font.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() ?? 'unknown';
  const name = font.lookupMaybe(PDFName.of('BaseFont'), PDFName)?.decodeText() ?? font.lookupMaybe(PDFName.of('Name'), PDFName)?.decodeText() ?? '(unnamed)';
  const descendant = subtype === 'Type0' ? font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0, PDFDict) : undefined;
  const described = descendant ?? font;
  const descriptor = described.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  const program = Object.keys(PROGRAMS).find((key) => descriptor?.has(PDFName.of(key)));
  const type = descendant ? `Type0 ${descendant.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() ?? ''}`.trim() : subtype;
  // A Type 3 font's glyphs are drawn by the PDF itself: nothing is embedded, nothing is missing.
  return { name, type, program: subtype === 'Type3' ? 'Type 3 glyph procedures' : program && PROGRAMS[program], subset: /^[A-Z]{6}\+/.test(name) };
}

/** Every font the pages use: embedded, subset, and none Type 3 (a shop's RIP rasterises Type 3 glyphs badly, if at all). */
export function checkFonts(fontsByPage: ReadonlyMap<string, { font: PDFDict; pages: number[] }>, file: string): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const names: string[] = [];
  for (const { font, pages } of fontsByPage.values()) {
    const facts = factsOf(font);
    names.push(`${facts.name} (${facts.type})`);
    const where = pageList(pages);
    if (facts.type === 'Type3') {
      diagnostics.push(error('preflight-type3-font', `font ${facts.name} on ${where} is Type 3 (glyphs drawn as PDF procedures, not a font the shop's RIP can use); embed the font as TrueType or CFF instead`, { file }));
    } else if (!facts.program) {
      diagnostics.push(error('preflight-font-not-embedded', `font ${facts.name} (${facts.type}) on ${where} is not embedded`, { file }));
    } else if (!facts.subset) {
      diagnostics.push(warning('preflight-font-not-subset', `font ${facts.name} on ${where} is embedded whole, not as a subset`, { file }));
    }
  }
  const problems = diagnostics.filter((d) => d.severity === 'error').length;
  const summary =
    fontsByPage.size === 0
      ? 'no fonts used'
      : `${count(fontsByPage.size, 'font')}${problems === 0 ? ', all embedded, none Type 3' : ''}: ${names.join(', ')}`;
  return { name: 'fonts', summary, diagnostics };
}
