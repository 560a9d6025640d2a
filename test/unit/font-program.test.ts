/**
 * The preflight reads each embedded TrueType program as a rasteriser would
 * (stages/verify/preflight/font-program.ts): a subset as build-issue makes
 * them reads; one whose glyph data was damaged does not, whether its
 * checksums are recorded (Chromium's subsets) or written as 0 (Ghostscript's
 * rewrite for --grayscale, which must still pass when whole).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import subsetFont from 'subset-font';
import { trueTypeProblem } from '../../src/stages/verify/preflight/font-program.js';
import { ROOT } from '../helpers/build.js';

const BODY_FONT = path.join(ROOT, 'node_modules', '@expo-google-fonts', 'noto-serif-sc', '400Regular', 'NotoSerifSC_400Regular.ttf');

/** A table's place in the font, and where its directory record is. */
function table(font: Buffer, tag: string): { record: number; offset: number; length: number } {
  for (let i = 0; i < font.readUInt16BE(4); i++) {
    const record = 12 + i * 16;
    if (font.toString('latin1', record, record + 4) === tag)
      return { record, offset: font.readUInt32BE(record + 8), length: font.readUInt32BE(record + 12) };
  }
  throw new Error(`no ${tag} table`);
}

/** As Ghostscript writes the fonts it rebuilds: glyf's and loca's checksums 0. */
function checksumsCleared(font: Buffer): Buffer {
  const copy = Buffer.from(font);
  for (const tag of ['glyf', 'loca']) copy.writeUInt32BE(0, table(copy, tag).record + 4);
  return copy;
}

/** The font with the first glyph that has an outline changed by `damage` (given the glyph's bytes). */
function withGlyphDamaged(font: Buffer, damage: (glyph: Buffer) => void): Buffer {
  const copy = Buffer.from(font);
  const glyf = table(copy, 'glyf');
  const loca = table(copy, 'loca');
  const long = copy.readInt16BE(table(copy, 'head').offset + 50) === 1;
  const place = (g: number) => (long ? copy.readUInt32BE(loca.offset + g * 4) : copy.readUInt16BE(loca.offset + g * 2) * 2);
  let g = 0;
  while (place(g) === place(g + 1)) g++;
  damage(copy.subarray(glyf.offset + place(g), glyf.offset + place(g + 1)));
  return copy;
}

describe('an embedded TrueType program', () => {
  let subset: Buffer;
  before(async () => {
    subset = await subsetFont(await readFile(BODY_FONT), '学习贯彻党的二十大精神，推动高质量发展。', { targetFormat: 'truetype' });
  });

  test('a subset as build-issue makes it reads, with its checksums or with them cleared', () => {
    assert.equal(trueTypeProblem(subset), undefined);
    assert.equal(trueTypeProblem(checksumsCleared(subset)), undefined);
  });

  test('damage inside a glyph’s coordinates is found by the recorded checksum', () => {
    const damaged = withGlyphDamaged(subset, (glyph) => glyph.fill(0x7f, glyph.length - 8));
    assert.equal(trueTypeProblem(damaged), 'its glyf table does not match its checksum');
  });

  test('a glyph whose outline runs past its bytes cannot be drawn, checksums or none', () => {
    // Its last contour's last point made enormous: flags and coordinates for 65,536 points.
    const damaged = checksumsCleared(withGlyphDamaged(subset, (glyph) => glyph.writeUInt16BE(0xffff, 10 + (glyph.readInt16BE(0) - 1) * 2)));
    assert.match(trueTypeProblem(damaged) ?? '', /^its glyph \d+ cannot be drawn: its (flags|coordinates) run past its end$/);
  });

  test('a composite glyph naming a glyph the font does not have cannot be drawn', () => {
    const damaged = checksumsCleared(
      withGlyphDamaged(subset, (glyph) => {
        glyph.writeInt16BE(-1, 0);
        glyph.writeUInt16BE(0, 10); // flags: byte arguments, no more components
        glyph.writeUInt16BE(0xfffe, 12);
      }),
    );
    assert.match(trueTypeProblem(damaged) ?? '', /a component names a glyph the font does not have/);
  });

  test('a font cut short is not read past its end', () => {
    assert.match(trueTypeProblem(subset.subarray(0, Math.floor(subset.length / 2))) ?? '', /runs past its end/);
  });
});
