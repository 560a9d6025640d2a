/**
 * The preflight against PDFs made here with pdf-lib, each wrong in one way a
 * print shop cares about (the Type 3 case needs Chromium: test/e2e/print-shop-type3.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cmyk, PDFDocument, PDFName, PDFRawStream, StandardFonts } from 'pdf-lib';
import { preflight } from '../../src/stages/verify/preflight/preflight.js';

const A4: [number, number] = [595.276, 841.89];

interface Sheet {
  pages?: number;
  size?: [number, number];
  trim?: boolean;
  producer?: string;
  draw?: (doc: PDFDocument, page: ReturnType<PDFDocument['addPage']>) => Promise<void> | void;
}

async function pdf({ pages = 4, size = A4, trim = true, producer, draw }: Sheet = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (producer) doc.setProducer(producer);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage(size);
    if (trim) page.setTrimBox(0, 0, size[0], size[1]);
    await draw?.(doc, page);
  }
  return doc.save();
}

const rules = (report: Awaited<ReturnType<typeof preflight>>) => report.diagnostics.map((d) => `${d.severity} ${d.rule}`);
const check = (bytes: Uint8Array) => preflight(bytes, { file: 'test.pdf', requireMultipleOf4: true });

/** A 1 × 1 px PNG (red), to place at various sizes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');

describe('preflight', () => {
  test('passes four A4 pages with a trim box, naming what it checked', async () => {
    const report = await check(await pdf());
    assert.deepEqual(rules(report), []);
    assert.equal(report.passed, true);
    assert.deepEqual(
      report.checks.map((c) => c.name),
      ['pages', 'boxes', 'fonts', 'colour', 'images', 'syntax'],
    );
    assert.match(report.checks[0]!.summary.en, /^4 pages, a multiple of 4$/);
  });

  test('fails a page that is not A4, naming its size', async () => {
    const report = await check(await pdf({ size: [612, 792] }));
    assert.equal(report.passed, false);
    const sizes = report.diagnostics.filter((d) => d.rule === 'preflight-page-size');
    assert.equal(sizes.length, 1);
    assert.match(sizes[0]!.message.en, /pages 1, 2, 3, 4 are 612\.000 × 792\.000 pt \(215\.9 × 279\.4 mm\), not A4/);
  });

  test('fails an odd page count, saying how many a saddle-stitched issue needs', async () => {
    const report = await check(await pdf({ pages: 5 }));
    assert.deepEqual(rules(report), ['error preflight-page-count']);
    assert.match(report.diagnostics[0]!.message.en, /5 pages is not a multiple of 4: a saddle-stitched issue needs 8/);
  });

  test('advises on the page count as fits the maker of the PDF', async () => {
    const ours = await check(await pdf({ pages: 5, producer: 'build-issue 0.1.0' }));
    assert.match(ours.diagnostics[0]!.message.en, /build without --no-pad/);
    const theirs = await check(await pdf({ pages: 5, producer: 'Adobe InDesign 19.0' }));
    assert.doesNotMatch(theirs.diagnostics[0]!.message.en, /--no-pad/);
    assert.match(theirs.diagnostics[0]!.message.en, /add blank pages before the last page/);
  });

  test('only warns about the page count when the build was asked not to pad', async () => {
    const report = await preflight(await pdf({ pages: 5 }), { file: 'test.pdf', requireMultipleOf4: false });
    assert.deepEqual(rules(report), ['warning preflight-page-count']);
    assert.equal(report.passed, true);
  });

  test('fails pages without a trim box', async () => {
    const report = await check(await pdf({ trim: false }));
    assert.deepEqual(rules(report), ['error preflight-trim-box']);
    assert.match(report.diagnostics[0]!.message.en, /pages 1, 2, 3, 4 have no TrimBox/);
  });

  test('fails a trim box that sticks out of the media box', async () => {
    const report = await check(await pdf({ draw: (_, page) => page.setMediaBox(0, 0, 595.276, 800) }));
    assert.ok(rules(report).includes('error preflight-boxes'), rules(report).join());
  });

  test('fails a font that is not embedded, naming it', async () => {
    const bytes = await pdf({
      draw: async (doc, page) => {
        if (doc.getPageCount() === 3) page.drawText('Hello', { font: await doc.embedFont(StandardFonts.Helvetica), x: 50, y: 700 });
      },
    });
    const report = await check(bytes);
    assert.deepEqual(rules(report), ['error preflight-font-not-embedded']);
    assert.match(report.diagnostics[0]!.message.en, /font Helvetica \(Type1\) on page 3 is not embedded/);
  });

  test('warns about an image below 300 dpi at its placed size, and not about the same image placed small', async () => {
    const bytes = await pdf({
      pages: 4,
      draw: async (doc, page) => {
        const image = await doc.embedPng(PNG);
        // 1 px over 1 pt is 72 dpi; over 0.2 pt it is 360 dpi.
        if (doc.getPageCount() === 2) page.drawImage(image, { x: 100, y: 100, width: 1, height: 1 });
        else page.drawImage(image, { x: 100, y: 100, width: 0.2, height: 0.2 });
      },
    });
    const report = await check(bytes);
    assert.deepEqual(rules(report), ['warning preflight-image-resolution']);
    assert.match(report.diagnostics[0]!.message.en, /^page 2: an image below 300 dpi at the placed size; lowest 72 dpi/);
    assert.match(report.checks.find((c) => c.name === 'images')!.summary.en, /^4 images placed, 1 below 300 dpi/);
  });

  test('lists the colour spaces the pages paint with', async () => {
    const bytes = await pdf({ draw: (_, page) => page.drawRectangle({ x: 10, y: 10, width: 50, height: 50, color: cmyk(0, 1, 1, 0) }) });
    const report = await check(bytes);
    assert.equal(report.checks.find((c) => c.name === 'colour')!.summary.en, 'DeviceCMYK');
  });

  test('reports content a RIP could not read, by page', async () => {
    const bytes = await pdf({
      draw: (doc, page) => {
        if (doc.getPageCount() === 3)
          page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream('BT /F1 12 Tf (never ends) Tj ET q 2 Tq Q')));
      },
    });
    const report = await check(bytes);
    assert.deepEqual(rules(report), ['error preflight-content-syntax']);
    assert.equal(
      report.diagnostics[0]!.message.en,
      'cannot read the content: page 3, content stream, byte 36: "Tq", which is not a PDF operator',
    );
    assert.equal(
      report.diagnostics[0]!.message.zh,
      '页面内容有读不出来的地方，这里的文字或图形可能印不出来或印错（读取细节：“page 3, content stream, byte 36: "Tq", which is not a PDF operator”）',
    );
    assert.equal(report.passed, false);
  });

  test('reports a content stream that cannot be decoded, by page, and does not throw', async () => {
    const bytes = await pdf({
      draw: (doc, page) => {
        if (doc.getPageCount() !== 2) return;
        // Said to be Flate, but not zlib data.
        const stream = PDFRawStream.of(doc.context.obj({ Filter: 'FlateDecode' }), new Uint8Array([1, 2, 3, 4, 5]));
        page.node.set(PDFName.of('Contents'), doc.context.register(stream));
      },
    });
    const report = await check(bytes);
    assert.ok(rules(report).includes('error preflight-content-syntax'), rules(report).join());
    assert.match(
      report.diagnostics.find((d) => d.rule === 'preflight-content-syntax')!.message.en,
      /^cannot read the content: page 2, content stream: a stream that cannot be decoded/,
    );
    const qpdf = report.diagnostics.find((d) => d.rule === 'preflight-syntax');
    assert.ok(qpdf && !qpdf.message.en.includes('build-issue-preflight-'), 'qpdf names the scratch copy, not test.pdf');
    assert.equal(report.passed, false);
  });

  test('reports a damaged file through qpdf', async () => {
    const good = Buffer.from(await pdf());
    const text = good.toString('latin1');
    const damaged = Buffer.from(text.replace(/startxref\s+\d+/, 'startxref\n12'), 'latin1');
    const report = await check(damaged);
    const syntax = report.diagnostics.filter((d) => d.rule === 'preflight-syntax');
    assert.equal(syntax.length, 1, rules(report).join());
    assert.match(syntax[0]!.message.en, /^qpdf: .*damaged/);
    // In Chinese, what it means first; qpdf's words only quoted after it.
    assert.match(syntax[0]!.message.zh, /^PDF 的文件结构有错误（交叉引用表、对象或数据流坏了），[^“]*（qpdf 原文：“[^”]*damaged[^”]*”）$/);
  });

  test('fails what is not a PDF at all', async () => {
    const report = await check(new TextEncoder().encode('not a pdf'));
    assert.deepEqual(rules(report), ['error preflight-unreadable']);
    assert.match(report.diagnostics[0]!.message.zh, /^这个文件读不出来，不是可用的 PDF（pdf-lib 原文：“[^”]+”）$/);
  });
});
