/**
 * Whether an embedded TrueType font program can be read, as a RIP would read
 * it: its table directory within the file, the tables a TrueType font draws
 * with (head, maxp, loca, glyf) present, each table matching its checksum,
 * and every glyph's place (loca) inside the glyph data. A font whose bytes
 * were damaged draws nothing (poppler printed page 2 without its text), and
 * the file's structure, which qpdf checks, can still be sound.
 *
 * @returns what is wrong, or undefined when the program reads.
 */
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
    let sum = 0;
    for (let at = offset; at < offset + length; at += 4) {
      // The head table's checkSumAdjustment (its bytes 8 to 11) counts as 0.
      if (tag === 'head' && at === offset + 8) continue;
      const word = at + 4 <= font.length ? view.getUint32(at) : font.subarray(at, at + 4).reduce((w, byte, k) => w + byte * 2 ** (24 - 8 * k), 0);
      sum = (sum + word) >>> 0;
    }
    if (sum !== view.getUint32(record + 4)) return `its ${tag} table does not match its checksum`;
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
  let previous = 0;
  for (let g = 0; g <= glyphs; g++) {
    const place = longOffsets ? view.getUint32(loca.offset + g * 4) : view.getUint16(loca.offset + g * 2) * 2;
    if (place < previous || place > glyf.length) return `its glyph ${g} lies outside its glyph data`;
    previous = place;
  }
  return undefined;
}
