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

/** A glyph shown by a one-glyph `Tj` narrower than its font says: where it stands in the content, and the width it was set at. */
interface Narrowed {
  start: number;
  end: number;
  gid: number;
  font: string;
  size: number;
  /** Thousandths of an em, rounded down to a twentieth of an em. */
  width: number;
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

/**
 * The one-glyph text shows of a content stream that are set narrower than
 * their font's width table says (`widthOf`, in thousandths of an em): a
 * glyph's width as set is the distance to the next one-glyph show, if that
 * is on its line and in its size. The loop runs once a glyph, in a build of
 * one issue mostly before V8 has optimized it: it keeps the text state and
 * the glyph before in plain variables and makes an object only for a
 * narrowed glyph.
 */
function narrowedGlyphs(content: string, widthOf: (font: string, gid: number) => number): Narrowed[] {
  const narrowed: Narrowed[] = [];
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
  // The glyph shown before this one (none while prevStart is -1): the next one shown gives its width as set.
  let prevStart = -1;
  let prevEnd = 0;
  let prevGid = 0;
  let prevFont = '';
  let prevSize = 0;
  let prevX = 0;
  let prevY = 0;
  const tokens = new RegExp(TOKEN);
  for (let m = tokens.exec(content); m !== null; m = tokens.exec(content)) {
    let start: number;
    let end: number;
    let hex: string;
    if (m[3] !== undefined || m[4] !== undefined) {
      if (m[3] !== undefined) {
        // Td: the next line starts at an offset from this one's start.
        lineX += Number(m[1]);
        lineY += Number(m[2]);
        x = lineX;
        y = lineY;
      }
      end = m.index + m[0].length;
      start = end - SHOW_LENGTH;
      hex = m[3] ?? m[4]!;
      last = beforeLast = undefined;
    } else if (m[6] === undefined) {
      beforeLast = last;
      last = m[5];
      lastAt = m.index;
      continue;
    } else {
      const operator = m[6];
      const shows = operator === 'Tj' && last !== undefined && ONE_GLYPH.test(last);
      if (operator === 'Tf') {
        font = beforeLast?.slice(1) ?? '';
        size = Number(last);
      } else if (operator === 'Tm') {
        x = lineX = Number(beforeLast);
        y = lineY = Number(last);
      } else if (operator === 'Td') {
        lineX += Number(beforeLast);
        lineY += Number(last);
        x = lineX;
        y = lineY;
      } else if (operator === 'BT') x = y = lineX = lineY = 0;
      const shown = last;
      last = beforeLast = undefined;
      if (!shows) continue;
      start = lastAt;
      end = m.index + 2;
      hex = shown!.slice(1, -1);
    }
    // The glyph before is on this one's line (a NaN position counts as on it) and in its size.
    if (prevStart >= 0 && !(Math.abs(y - prevY) > 0.01) && size === prevSize && prevSize !== 0) {
      const set = ((x - prevX) * 1000) / prevSize;
      // Rounded down to a twentieth of an em: no overlap, and a gap under the tenth of an em at which poppler reads a space.
      if (set > 0 && set < widthOf(prevFont, prevGid) - 100) {
        narrowed.push({
          start: prevStart,
          end: prevEnd,
          gid: prevGid,
          font: prevFont,
          size: prevSize,
          width: Math.floor(set / 50) * 50,
        });
      }
    }
    prevStart = start;
    prevEnd = end;
    prevGid = parseInt(hex, 16);
    prevFont = font;
    prevSize = size;
    prevX = x;
    prevY = y;
  }
  return narrowed;
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
  /** Glyphs set narrower than their font says, in the content's order. */
  narrowed: Narrowed[];
}

/** Width tables by CID font: pages share their fonts, and a table is read once for all of them. */
type WidthTables = Map<PDFDict, (gid: number) => number>;

/** A page's one-glyph shows set narrower than their font's width table says. */
function readPage(page: PDFPage, tables: WidthTables): PageGlyphs | undefined {
  const content = contentOf(page);
  const fonts = page.node.Resources()?.lookup(PDFName.of('Font'));
  if (content === undefined || !(fonts instanceof PDFDict)) return undefined;
  const widths = new Map<string, (gid: number) => number>();
  const widthOf = (font: string, gid: number) => {
    if (!widths.has(font)) {
      const type0 = fonts.lookup(PDFName.of(font));
      const cid = type0 instanceof PDFDict ? type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict) : undefined;
      if (cid && !tables.has(cid)) tables.set(cid, widthsOf(cid));
      widths.set(font, cid ? tables.get(cid)! : () => 0);
    }
    return widths.get(font)!(gid);
  };
  return { page, content, fonts, narrowed: narrowedGlyphs(content, widthOf) };
}

/** Gives each glyph set narrower than its font says a font copy that says so (see the top of the file). */
export function fitCompressedMarks(doc: PDFDocument): void {
  const tables: WidthTables = new Map();
  const pages = doc
    .getPages()
    .flatMap((page) => readPage(page, tables) ?? [])
    .filter((p) => p.narrowed.length > 0);
  // One copy of a font for each width its glyphs were narrowed to, shared by every page.
  const fontRef = (p: PageGlyphs, font: string) => p.fonts.get(PDFName.of(font))!;
  const wanted = new Map<string, { source: PDFDict; gids: Set<number> }>();
  const keyOf = (p: PageGlyphs, glyph: Narrowed) => `${fontRef(p, glyph.font).toString()}:${glyph.width}`;
  for (const p of pages) {
    for (const glyph of p.narrowed) {
      const key = keyOf(p, glyph);
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
    for (const glyph of p.narrowed) {
      const copy = nameOf(keyOf(p, glyph));
      out += `${p.content.slice(at, glyph.start)}/${copy} ${glyph.size} Tf ${p.content.slice(glyph.start, glyph.end)} /${glyph.font} ${glyph.size} Tf`;
      at = glyph.end;
    }
    out += p.content.slice(at);
    p.page.node.set(PDFName.of('Contents'), doc.context.register(flateStream(doc.context, Buffer.from(out, 'latin1'))));
  }
}
