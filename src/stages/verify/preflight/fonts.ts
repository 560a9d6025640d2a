import { PDFArray, PDFDict, PDFName, PDFRawStream } from 'pdf-lib';
import { type Diagnostic, error, warning } from '../../../diagnostics.js';
import type { Message } from '../../../message.js';
import { decodeStream } from '../../finish/decode-stream.js';
import type { Advice } from './advice.js';
import { type CheckResult, count, pageList } from './check.js';
import { trueTypeProblem } from './font-program.js';

const PROGRAMS: Record<string, string> = { FontFile: 'Type 1', FontFile2: 'TrueType', FontFile3: 'CFF/OpenType' };

interface FontFacts {
  /** The font's name in the PDF; undefined for a font without one (Chromium's Type 3 fonts have none). */
  name?: string;
  type: string;
  /** The embedded program's kind, or undefined when the font is not embedded. */
  program?: string;
  /** The embedded TrueType program's stream. */
  trueType?: PDFRawStream;
  subset: boolean;
}

function factsOf(font: PDFDict): FontFacts {
  const subtype = font.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() ?? 'unknown';
  const name =
    font.lookupMaybe(PDFName.of('BaseFont'), PDFName)?.decodeText() ?? font.lookupMaybe(PDFName.of('Name'), PDFName)?.decodeText();
  const descendant = subtype === 'Type0' ? font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0, PDFDict) : undefined;
  const described = descendant ?? font;
  const descriptor = described.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  const program = Object.keys(PROGRAMS).find((key) => descriptor?.has(PDFName.of(key)));
  const type = descendant ? `Type0 ${descendant.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() ?? ''}`.trim() : subtype;
  // A Type 3 font's glyphs are drawn by the PDF itself: nothing is embedded, nothing is missing.
  const stream = descriptor?.lookup(PDFName.of('FontFile2'));
  const trueType = stream instanceof PDFRawStream ? stream : undefined;
  return {
    name,
    type,
    program: subtype === 'Type3' ? 'Type 3 glyph procedures' : program && PROGRAMS[program],
    trueType,
    subset: /^[A-Z]{6}\+/.test(name ?? ''),
  };
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

/** A font as the report names it: by its name, or as one without a name (never by a PDF object number). */
const fontName = (facts: FontFacts): Message =>
  facts.name ? { zh: facts.name, en: facts.name } : { zh: '无名字体', en: 'an unnamed font' };

/** Every font the pages use: embedded, subset, and none Type 3 (a shop's RIP rasterises Type 3 glyphs badly, if at all). */
export function checkFonts(
  fontsByPage: ReadonlyMap<string, { font: PDFDict; pages: number[] }>,
  file: string,
  advice: Advice,
): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const names: Message[] = [];
  const type3: { name?: string; pages: number[] }[] = [];
  // One program may be embedded once and used by several fonts (Chromium's, for one face): it is read, and reported, once.
  const programs = new Map<PDFRawStream, { name: Message; problem?: string; pages: Set<number> }>();
  for (const { font, pages } of fontsByPage.values()) {
    const facts = factsOf(font);
    const name = fontName(facts);
    const on = pageList(pages);
    names.push({ zh: `${name.zh}（${facts.type}）`, en: `${name.en} (${facts.type})` });
    if (facts.type === 'Type3') type3.push({ name: facts.name, pages });
    else if (!facts.program) {
      diagnostics.push(
        error(
          'preflight-font-not-embedded',
          { zh: `${on.zh}的字体 ${name.zh}（${facts.type}）没有嵌入`, en: `font ${name.en} (${facts.type}) on ${on.en} is not embedded` },
          { file },
        ),
      );
    } else if (!facts.subset) {
      diagnostics.push(
        warning(
          'preflight-font-not-subset',
          { zh: `${on.zh}的字体 ${name.zh} 整个嵌入，没有取子集`, en: `font ${name.en} on ${on.en} is embedded whole, not as a subset` },
          { file },
        ),
      );
    }
    if (facts.trueType) {
      const program = programs.get(facts.trueType) ?? { name, problem: programProblem(facts.trueType), pages: new Set<number>() };
      for (const page of pages) program.pages.add(page);
      programs.set(facts.trueType, program);
    }
  }
  for (const { name, problem, pages } of programs.values()) {
    const list = pageList([...pages].sort((a, b) => a - b));
    if (problem) {
      const message = {
        zh: `${list.zh}的字体 ${name.zh} 读不出来，它的文字印不出来（读取细节：“${problem}”）`,
        en: `font ${name.en} on ${list.en} cannot be read: ${problem}; its text would not print`,
      };
      diagnostics.push(error('preflight-font-damaged', message, { file }));
    }
  }
  if (type3.length > 0) {
    // Chromium splits one outline font into many Type 3 fonts; one message says it once.
    const pages = pageList([...new Set(type3.flatMap((f) => f.pages))].sort((a, b) => a - b));
    const named = type3.flatMap((f) => (f.name ? [f.name] : [])).slice(0, 3);
    const list = named.length > 0 ? `${named.join(', ')}${type3.length > named.length ? ', …' : ''}` : '';
    const which = {
      zh: `${type3.length} 个字体${list ? `（${list}）` : ''}`,
      en: type3.length === 1 ? `font ${list || 'without a name'} is` : `${type3.length} fonts${list ? ` (${list})` : ''} are`,
    };
    diagnostics.push(
      error(
        'preflight-type3-font',
        {
          zh: `${pages.zh}有 ${which.zh}是 Type 3：字形以 PDF 绘图指令画出，印厂的 RIP 输出效果差；${advice.type3.zh}`,
          en: `${which.en} Type 3 on ${pages.en}: glyphs drawn as PDF procedures, which a RIP renders poorly; ${advice.type3.en}`,
        },
        { file },
      ),
    );
  }
  const problems = diagnostics.filter((d) => d.severity === 'error').length;
  const summary: Message =
    fontsByPage.size === 0
      ? { zh: '没有用到字体', en: 'no fonts used' }
      : {
          zh: `${fontsByPage.size} 个字体${problems === 0 ? '，全部嵌入，没有 Type 3' : ''}：${names.map((n) => n.zh).join('，')}`,
          en: `${count(fontsByPage.size, 'font')}${problems === 0 ? ', all embedded, none Type 3' : ''}: ${names.map((n) => n.en).join(', ')}`,
        };
  return { name: 'fonts', summary, diagnostics };
}
