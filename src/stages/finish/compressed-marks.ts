/**
 * Text extraction through punctuation compression (标点挤压).
 *
 * Chromium sets a compressed closing mark (the ” of “未来指向”；”, the ” of
 * “资料”“数”) with the font's `halt` advance, half an em, and writes each
 * glyph at its place (`dx 0 Td <gid> Tj`); the font's width table (/W)
 * still gives the glyph its full em. poppler (`pdftotext`), what archive
 * indexers use, takes a glyph's box from /W, sees the next glyph overlap it
 * by half an em, and starts a new line there; MuPDF reads by position.
 *
 * Each glyph shown narrower than its /W width is switched, for that one
 * glyph, to a copy of its font whose /W gives the width it was set at: the
 * same embedded font program, a second font dictionary. The glyphs' places
 * and shapes do not change; only the widths extractors read.
 */

import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFPage, PDFRawStream, type PDFRef } from 'pdf-lib';
import { decodeStream } from './decode-stream.js';
import { flateStream } from './flate-stream.js';

/** A glyph shown by a one-glyph `Tj`, where it stands in the content. */
interface Shown {
  start: number;
  end: number;
  gid: number;
  font: string;
  size: number;
  x: number;
  y: number;
}

/**
 * A content stream's tokens. Chromium writes nearly every glyph as
 * `dx dy Td <gid> Tj` or, first in its text object, `<gid> Tj`: these two
 * shapes are matched whole (groups 1–3, group 4), one match a glyph instead
 * of one a token; anything else is an operand (group 5) or an operator
 * (group 6).
 */
const TOKEN =
  /(-?\d*\.?\d+) (-?\d*\.?\d+) Td <([0-9a-fA-F]{4})> Tj(?![A-Za-z'"*])|<([0-9a-fA-F]{4})> Tj(?![A-Za-z'"*])|(\/[^\s/<>[\]()]+|<[0-9a-fA-F]*>|-?\d*\.?\d+|\[|\]|\((?:\\.|[^\\)])*\))|([A-Za-z'"*]+)/gu;
/** A one-glyph hex string, <hhhh>. */
const ONE_GLYPH = /^<[0-9a-fA-F]{4}>$/u;
/** The length of `<hhhh> Tj`. */
const SHOW_LENGTH = 9;

/** The one-glyph text shows of a content stream, with their positions in text space. */
function glyphsOf(content: string): Shown[] {
  const shown: Shown[] = [];
  // The operators read here take at most two operands: only the last two are kept.
  let last: string | undefined;
  let beforeLast: string | undefined;
  let lastAt = 0;
  let font = '';
  let size = 0;
  let x = 0;
  let y = 0;
  let lineX = 0;
  let lineY = 0;
  // Td: the next line starts at an offset from this one's start.
  const nextLine = (a: number, b: number) => ([x, y, lineX, lineY] = [lineX + a, lineY + b, lineX + a, lineY + b]);
  const show = (start: number, end: number, hex: string) => shown.push({ start, end, gid: parseInt(hex, 16), font, size, x, y });
  const tokens = new RegExp(TOKEN);
  for (let m = tokens.exec(content); m !== null; m = tokens.exec(content)) {
    const [, dx, dy, movedGid, gid, operand, operator] = m;
    if (movedGid !== undefined || gid !== undefined) {
      if (movedGid !== undefined) nextLine(Number(dx), Number(dy));
      const end = m.index + m[0].length;
      show(end - SHOW_LENGTH, end, movedGid ?? gid!);
    } else if (operator === undefined) {
      [beforeLast, last, lastAt] = [last, operand, m.index];
      continue;
    } else {
      const [a, b] = [Number(beforeLast), Number(last)];
      if (operator === 'Tf') [font, size] = [beforeLast?.slice(1) ?? '', b];
      else if (operator === 'Tm') [x, y, lineX, lineY] = [a, b, a, b];
      else if (operator === 'Td') nextLine(a, b);
      else if (operator === 'BT') [x, y, lineX, lineY] = [0, 0, 0, 0];
      else if (operator === 'Tj' && last !== undefined && ONE_GLYPH.test(last)) show(lastAt, m.index + 2, last.slice(1, -1));
    }
    last = beforeLast = undefined;
  }
  return shown;
}

/** Glyph widths (thousandths of an em) of a Type0 font's CID font. */
function widthsOf(cidFont: PDFDict): (gid: number) => number {
  const table = new Map<number, number>();
  const w = cidFont.lookup(PDFName.of('W'));
  if (w instanceof PDFArray) {
    const items = w.asArray().map((item) => cidFont.context.lookup(item));
    for (let i = 0; i < items.length; ) {
      const first = (items[i] as PDFNumber).asNumber();
      const next = items[i + 1];
      if (next instanceof PDFArray) {
        for (const [k, width] of next.asArray().entries()) table.set(first + k, (cidFont.context.lookup(width) as PDFNumber).asNumber());
        i += 2;
      } else {
        const last = (next as PDFNumber).asNumber();
        for (let c = first; c <= last; c++) table.set(c, (items[i + 2] as PDFNumber).asNumber());
        i += 3;
      }
    }
  }
  const dw = cidFont.lookup(PDFName.of('DW'));
  const fallback = dw instanceof PDFNumber ? dw.asNumber() : 1000;
  return (gid) => table.get(gid) ?? fallback;
}

function contentOf(page: PDFPage): string | undefined {
  const contents = page.node.Contents();
  if (!(contents instanceof PDFRawStream)) return undefined; // Chromium writes one stream a page
  const bytes = decodeStream(contents);
  // One character a byte (Latin-1), so that the bytes come back as they were.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

interface PageGlyphs {
  page: PDFPage;
  content: string;
  fonts: PDFDict;
  shown: Shown[];
  /** Glyphs set narrower than their font says, with the width they were set at. */
  narrowed: Map<Shown, number>;
}

/** A page's one-glyph shows, and which of them are set narrower than their font's width table says. */
function readPage(page: PDFPage): PageGlyphs | undefined {
  const content = contentOf(page);
  const fonts = page.node.Resources()?.lookup(PDFName.of('Font'));
  if (content === undefined || !(fonts instanceof PDFDict)) return undefined;
  const shown = glyphsOf(content);
  const widths = new Map<string, (gid: number) => number>();
  const widthIn = (font: string) => {
    if (!widths.has(font)) {
      const type0 = fonts.lookup(PDFName.of(font));
      const cid = type0 instanceof PDFDict ? type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict) : undefined;
      widths.set(font, cid ? widthsOf(cid) : () => 0);
    }
    return widths.get(font)!;
  };
  // A glyph's width as set: to the next glyph on its line, in the same size.
  const narrowed = new Map<Shown, number>();
  shown.forEach((glyph, i) => {
    const next = shown[i + 1];
    if (!next || Math.abs(next.y - glyph.y) > 0.01 || next.size !== glyph.size || glyph.size === 0) return;
    const set = ((next.x - glyph.x) * 1000) / glyph.size;
    // Rounded down to a twentieth of an em: no overlap, and a gap under the tenth of an em at which poppler reads a space.
    if (set > 0 && set < widthIn(glyph.font)(glyph.gid) - 100) narrowed.set(glyph, Math.floor(set / 50) * 50);
  });
  return { page, content, fonts, shown, narrowed };
}

/** Gives each glyph set narrower than its font says a font copy that says so (see the top of the file). */
export function fitCompressedMarks(doc: PDFDocument): void {
  const pages = doc
    .getPages()
    .flatMap((page) => readPage(page) ?? [])
    .filter((p) => p.narrowed.size > 0);
  // One copy of a font for each width its glyphs were narrowed to, shared by every page.
  const fontRef = (p: PageGlyphs, font: string) => p.fonts.get(PDFName.of(font))!;
  const wanted = new Map<string, { source: PDFDict; gids: Set<number> }>();
  const keyOf = (p: PageGlyphs, glyph: Shown, width: number) => `${fontRef(p, glyph.font).toString()}:${width}`;
  for (const p of pages) {
    for (const [glyph, width] of p.narrowed) {
      const key = keyOf(p, glyph, width);
      if (!wanted.has(key)) wanted.set(key, { source: p.fonts.lookup(PDFName.of(glyph.font), PDFDict), gids: new Set() });
      wanted.get(key)!.gids.add(glyph.gid);
    }
  }
  const copies = new Map<string, PDFRef>();
  for (const [key, { source, gids }] of [...wanted].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const width = Number(key.split(':').at(-1));
    const type0 = source.clone(doc.context);
    const cid = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict).clone(doc.context);
    cid.set(PDFName.of('W'), doc.context.obj([...gids].sort((a, b) => a - b).flatMap((gid) => [gid, [width]])));
    type0.set(PDFName.of('DescendantFonts'), doc.context.obj([doc.context.register(cid)]));
    copies.set(key, doc.context.register(type0));
  }

  for (const p of pages) {
    const names = new Map<string, string>();
    const nameOf = (key: string) => {
      if (!names.has(key)) {
        const name = `N${names.size + 1}`;
        p.fonts.set(PDFName.of(name), copies.get(key)!);
        names.set(key, name);
      }
      return names.get(key)!;
    };
    let out = '';
    let at = 0;
    for (const glyph of p.shown) {
      const width = p.narrowed.get(glyph);
      if (width === undefined) continue;
      const copy = nameOf(keyOf(p, glyph, width));
      out += `${p.content.slice(at, glyph.start)}/${copy} ${glyph.size} Tf ${p.content.slice(glyph.start, glyph.end)} /${glyph.font} ${glyph.size} Tf`;
      at = glyph.end;
    }
    out += p.content.slice(at);
    p.page.node.set(PDFName.of('Contents'), doc.context.register(flateStream(doc.context, Buffer.from(out, 'latin1'))));
  }
}
