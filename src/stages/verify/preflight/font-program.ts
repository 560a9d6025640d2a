/**
 * Whether an embedded TrueType font program can be read, as a rasteriser
 * reads it: its table directory within the file, the tables a TrueType font
 * draws with (head, maxp, loca, glyf) present, every glyph's place (loca)
 * inside the glyph data, and every glyph's outline whole (its contours'
 * points, flags and coordinates, or its components, inside its own bytes).
 * A font whose bytes were damaged draws nothing (poppler printed page 2
 * without its text), and the file's structure, which qpdf checks, can still
 * be sound.
 *
 * The glyph data's checksums (glyf, loca) must match where the font records
 * them, as Chromium's subsets do: damage inside a glyph's coordinates still
 * parses, and only they show it. Ghostscript (--grayscale) writes 0 for the
 * tables it rebuilds (and leaves others' stale), so a checksum of 0 is not one.
 */

/** Composite glyph flags (the OpenType glyf table). */
const ARGS_ARE_WORDS = 0x0001;
const HAS_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAS_X_AND_Y_SCALE = 0x0040;
const HAS_TWO_BY_TWO = 0x0080;
const HAS_INSTRUCTIONS = 0x0100;

/** Simple glyph flags. */
const X_SHORT = 0x02;
const Y_SHORT = 0x04;
const REPEAT = 0x08;
const X_SAME = 0x10;
const Y_SAME = 0x20;

/** What is wrong with one glyph's outline (`view` holds only its bytes), or undefined. */
function glyphProblem(view: DataView, glyphCount: number): string | undefined {
  const end = view.byteLength;
  if (end < 10) return 'its header is cut short';
  if (view.getInt16(2) > view.getInt16(6) || view.getInt16(4) > view.getInt16(8)) return 'its bounding box is inverted';
  const contours = view.getInt16(0);
  let at = 10;
  if (contours < 0) {
    for (let flags = MORE_COMPONENTS; flags & MORE_COMPONENTS; ) {
      if (at + 4 > end) return 'a component runs past its end';
      flags = view.getUint16(at);
      if (view.getUint16(at + 2) >= glyphCount) return 'a component names a glyph the font does not have';
      at += 4 + (flags & ARGS_ARE_WORDS ? 4 : 2) + (flags & HAS_TWO_BY_TWO ? 8 : flags & HAS_X_AND_Y_SCALE ? 4 : flags & HAS_SCALE ? 2 : 0);
      if (at > end) return 'a component runs past its end';
      if (!(flags & MORE_COMPONENTS) && flags & HAS_INSTRUCTIONS) at += 2 + (at + 2 <= end ? view.getUint16(at) : 0);
    }
    return at > end ? 'its instructions run past its end' : undefined;
  }
  if (at + contours * 2 + 2 > end) return 'its contours run past its end';
  let points = 0;
  for (let c = 0; c < contours; c++) {
    const last = view.getUint16(at + c * 2) + 1;
    if (last < points || (c > 0 && last === points)) return 'its contours are out of order';
    points = last;
  }
  at += contours * 2;
  at += 2 + view.getUint16(at);
  let xBytes = 0;
  let yBytes = 0;
  for (let read = 0; read < points; ) {
    if (at >= end) return 'its flags run past its end';
    const flag = view.getUint8(at++);
    let times = 1;
    if (flag & REPEAT) {
      if (at >= end) return 'its flags run past its end';
      times += view.getUint8(at++);
    }
    if (read + times > points) return 'it has more flags than points';
    read += times;
    xBytes += times * (flag & X_SHORT ? 1 : flag & X_SAME ? 0 : 2);
    yBytes += times * (flag & Y_SHORT ? 1 : flag & Y_SAME ? 0 : 2);
  }
  return at + xBytes + yBytes > end ? 'its coordinates run past its end' : undefined;
}

/** A table's checksum: its bytes as big-endian 32-bit words, the last padded with zeros, summed. */
function checksum(font: Uint8Array, offset: number, length: number): number {
  let sum = 0;
  for (let at = offset; at < offset + length; at += 4) {
    sum =
      (sum +
        (((font[at] ?? 0) << 24) >>> 0) +
        ((at + 1 < offset + length ? font[at + 1]! : 0) << 16) +
        ((at + 2 < offset + length ? font[at + 2]! : 0) << 8) +
        (at + 3 < offset + length ? font[at + 3]! : 0)) >>>
      0;
  }
  return sum;
}

/** @returns what is wrong, or undefined when the program reads. */
export function trueTypeProblem(font: Uint8Array): string | undefined {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  if (font.length < 12) return 'it is too short to be a font';
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565 /* 'true' */) return 'it does not start as a TrueType font';
  const count = view.getUint16(4);
  if (12 + count * 16 > font.length) return 'its table directory runs past its end';
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(...font.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    if (offset + length > font.length) return `its ${tag} table runs past its end`;
    const recorded = view.getUint32(record + 4);
    if ((tag === 'glyf' || tag === 'loca') && recorded !== 0 && checksum(font, offset, length) !== recorded)
      return `its ${tag} table does not match its checksum`;
    tables.set(tag, { offset, length });
  }
  for (const tag of ['head', 'maxp', 'loca', 'glyf']) if (!tables.has(tag)) return `it has no ${tag} table`;
  const head = tables.get('head')!;
  if (head.length < 54 || view.getUint32(head.offset + 12) !== 0x5f0f3cf5) return 'its head table is not one';
  const glyphs = view.getUint16(tables.get('maxp')!.offset + 4);
  const longOffsets = view.getInt16(head.offset + 50) === 1;
  const loca = tables.get('loca')!;
  const glyf = tables.get('glyf')!;
  if (loca.length < (glyphs + 1) * (longOffsets ? 4 : 2)) return 'its loca table is shorter than its glyph count';
  const placeOf = (g: number) => (longOffsets ? view.getUint32(loca.offset + g * 4) : view.getUint16(loca.offset + g * 2) * 2);
  for (let g = 0; g < glyphs; g++) {
    const [start, end] = [placeOf(g), placeOf(g + 1)];
    if (start > end || end > glyf.length) return `its glyph ${g} lies outside its glyph data`;
    if (start === end) continue; // a glyph with no outline (a space)
    const problem = glyphProblem(new DataView(font.buffer, font.byteOffset + glyf.offset + start, end - start), glyphs);
    if (problem) return `its glyph ${g} cannot be drawn: ${problem}`;
  }
  return undefined;
}
