/** The finish's compressed-marks step: which glyphs it gives a narrower font copy, and the streams it writes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFRawStream } from 'pdf-lib';
import { fitCompressedMarks } from '../../src/stages/finish/compressed-marks.js';
import { deflateLikePako, flateStream } from '../../src/stages/finish/flate-stream.js';

/** Deterministic bytes: a linear congruential generator. */
function noise(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

/** A page's content as Chromium writes it: one glyph a line, each placed from the one before. */
function chromiumLike(glyphs: number, seed: number): Uint8Array {
  const random = noise(glyphs, seed);
  let text = 'BT\n/F4 10.5 Tf\n1 0 0 -1 72 100 Tm\n<0021> Tj\n';
  for (let i = 0; i < glyphs; i++)
    text += `${(10.5 - (random[i]! % 3) * 2.6).toFixed(4)} 0 Td <${(random[i]! * 37).toString(16).padStart(4, '0')}> Tj\n`;
  return Buffer.from(`${text}ET\n`, 'latin1');
}

test('compresses every kind of stream to the bytes pako.deflate writes, one after another with the compressor kept', async () => {
  const streams = [
    new Uint8Array(0),
    Buffer.from('q 1 0 0 1 0 0 cm Q', 'latin1'),
    chromiumLike(20_000, 1), // longer than the window, and compressed past one output chunk of pako's
    noise(200_000, 2), // incompressible: the output is larger than the input
    chromiumLike(50, 3), // a short one after long ones: nothing of theirs may remain
    new Uint8Array(300_000).fill(0x20),
    noise(70_000, 4),
    chromiumLike(3_000, 5),
  ];
  // pdf-lib's flateStream compresses with pako.deflate, a new compressor for each stream.
  const { context } = await PDFDocument.create();
  for (const [i, bytes] of streams.entries()) {
    const theirs = context.flateStream(bytes) as PDFRawStream;
    assert.deepEqual(Buffer.from(deflateLikePako(bytes)), Buffer.from(theirs.contents), `stream ${i} (${bytes.length} bytes)`);
  }
});

test('a flate stream is the one pdf-lib makes, dictionary and bytes', async () => {
  const bytes = chromiumLike(2_000, 6);
  const ours = await PDFDocument.create();
  const theirs = await PDFDocument.create();
  ours.context.register(flateStream(ours.context, bytes));
  theirs.context.register(theirs.context.flateStream(bytes));
  const saved = (doc: PDFDocument) => doc.save({ useObjectStreams: false });
  assert.deepEqual(Buffer.from(await saved(ours)), Buffer.from(await saved(theirs)));
});

/**
 * A one-page document whose font /F1 (a Type0 font, every glyph 1000 wide,
 * 300 for glyph 5) shows `content`. No font program: the step reads only the
 * width table.
 */
async function pageShowing(content: string): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([200, 200]);
  const context = doc.context;
  const cid = context.obj({ Type: 'Font', Subtype: 'CIDFontType2', BaseFont: 'Test', DW: 1000, W: [5, [300]] });
  const type0 = context.obj({
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: 'Test',
    Encoding: 'Identity-H',
    DescendantFonts: [context.register(cid)],
  });
  page.node.set(PDFName.of('Resources'), context.obj({ Font: { F1: context.register(type0) } }));
  page.node.set(PDFName.of('Contents'), context.register(context.flateStream(Buffer.from(content, 'latin1'))));
  return doc;
}

/** The page's content after the step, and the widths its font copies give each glyph. */
async function fitted(content: string): Promise<{ content: string; copies: Record<string, string> }> {
  const doc = await pageShowing(content);
  fitCompressedMarks(doc);
  const page = doc.getPages()[0]!;
  const stream = page.node.Contents() as PDFRawStream;
  const fonts = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  const copies: Record<string, string> = {};
  for (const [name, ref] of fonts.entries()) {
    if (name.asString() === '/F1') continue;
    const cid = doc.context.lookup(ref, PDFDict).lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    copies[name.asString()] = cid.lookup(PDFName.of('W'))!.toString().replace(/\s+/g, ' ');
  }
  return { content: Buffer.from(inflateSync(stream.contents)).toString('latin1'), copies };
}

test('a glyph set half its width before the next on its line gets a copy of its font that says so', async () => {
  // Chromium's own shapes: a glyph placed by Td and shown with Tj, then the next half an em on.
  const { content, copies } = await fitted(
    'BT\n/F1 10 Tf\n1 0 0 -1 10 100 Tm\n<0001> Tj\n10 0 Td <0002> Tj\n5 0 Td <0003> Tj\n10 0 Td <0004> Tj\nET\n',
  );
  assert.equal(
    content,
    'BT\n/F1 10 Tf\n1 0 0 -1 10 100 Tm\n<0001> Tj\n10 0 Td /N1 10 Tf <0002> Tj /F1 10 Tf\n5 0 Td <0003> Tj\n10 0 Td <0004> Tj\nET\n',
  );
  assert.deepEqual(copies, { '/N1': '[ 2 [ 500 ] ]' });
});

test('reads the shapes other writers use: operands on lines of their own, negative and fractional moves, other operators between', async () => {
  const { content, copies } = await fitted(
    'BT /F1 10 Tf 1 0 0 1 10 100 Tm <0001>Tj\n0 0 0 rg\n-.5 0 Td\n10\n0\nTd\n<0002>\nTj 4.5 0 Td <0003> Tj ET',
  );
  // <0001> at 10, <0002> at 19.5 (9.5 on: narrower by a twentieth, not enough), <0003> at 24: <0002> set at 450.
  assert.equal(
    content,
    'BT /F1 10 Tf 1 0 0 1 10 100 Tm <0001>Tj\n0 0 0 rg\n-.5 0 Td\n10\n0\nTd\n/N1 10 Tf <0002>\nTj /F1 10 Tf 4.5 0 Td <0003> Tj ET',
  );
  assert.deepEqual(copies, { '/N1': '[ 2 [ 450 ] ]' });
});

test('leaves alone glyphs on other lines, in other sizes, shown by TJ, and narrow by their own width', async () => {
  const { content, copies } = await fitted(
    [
      'BT /F1 10 Tf 1 0 0 1 10 100 Tm <0001> Tj 5 -12 Td <0002> Tj ET', // the next glyph is on the next line
      'BT /F1 10 Tf 1 0 0 1 10 80 Tm <0001> Tj /F1 12 Tf 5 0 Td <0002> Tj ET', // the next glyph is in another size
      'BT /F1 10 Tf 1 0 0 1 10 60 Tm [<0001>] TJ 5 0 Td <0002> Tj ET', // TJ: not a one-glyph show
      'BT /F1 10 Tf 1 0 0 1 10 40 Tm <0005> Tj 3 0 Td <0002> Tj ET', // glyph 5 is 300 wide and set at 300
    ].join('\n'),
  );
  assert.deepEqual(copies, {});
  assert.doesNotMatch(content, /\/N\d/);
});
