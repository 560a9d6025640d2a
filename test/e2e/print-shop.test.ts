/**
 * Issue 453 as the print shop receives it: exact A4 boxes, metadata and XMP
 * that name the issue, bookmarks to the pages where articles start, a page
 * count that binds, identical bytes on every rebuild, a preflight that passes.
 * Expectations come from the source (issue.md, publication.yaml) or from
 * the PDF itself, never from a page count typed here.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';
import { parse } from 'yaml';
import { preflight } from '../../src/stages/verify/preflight/preflight.js';
import { type CliRun, cli, ROOT } from '../helpers/build.js';
import { type Box, catalog, info, pageBoxes, pageTexts, qpdfJson } from '../helpers/pdf.js';
import { sharedBuild } from '../helpers/shared-build.js';

const A4 = { width: 595.276, height: 841.89 };
const near = (a: number, b: number, tolerance = 0.05) => Math.abs(a - b) <= tolerance;
const width = (box: Box) => box[2] - box[0];
const height = (box: Box) => box[3] - box[1];
const flat = (text: string) => text.replace(/\s/g, '');

interface OutlineItem {
  title: string;
  destpageposfrom1: number;
  kids: OutlineItem[];
}

/** Columns (`# `) and their articles (`## `), from the Markdown body. */
async function sourceOutline(): Promise<{ column: string; articles: string[] }[]> {
  const markdown = await readFile(path.join(ROOT, 'issues', '453', 'issue.md'), 'utf8');
  const body = markdown.slice(markdown.indexOf('\n---', 4) + 4);
  const columns: { column: string; articles: string[] }[] = [];
  for (const m of body.matchAll(/^(#{1,2}) (.+)$/gm)) {
    if (m[1] === '#') columns.push({ column: m[2]!.trim(), articles: [] });
    else columns.at(-1)!.articles.push(m[2]!.trim());
  }
  return columns;
}

describe('issue 453 for the print shop', () => {
  let dir: string;
  let pdf: string;
  let bytes: Buffer;
  let texts: string[];
  let stdout: string;

  before(async () => {
    let run: CliRun;
    ({ dir, run } = await sharedBuild(['453']));
    assert.equal(run.code, 0, run.stderr);
    stdout = run.stdout;
    pdf = path.join(dir, 'dist', '453.pdf');
    bytes = await readFile(pdf);
    texts = pageTexts(pdf);
  });

  test('every page is exact A4, with TrimBox, BleedBox and CropBox on the A4 trim', () => {
    const boxes = pageBoxes(pdf);
    assert.equal(boxes.length, texts.length);
    boxes.forEach((page, i) => {
      for (const name of ['media', 'crop', 'bleed', 'trim'] as const) {
        const box = page[name];
        assert.ok(
          near(width(box), A4.width) && near(height(box), A4.height),
          `page ${i + 1} ${name} box is ${width(box)} × ${height(box)}`,
        );
        assert.ok(near(box[0], 0) && near(box[1], 0), `page ${i + 1} ${name} box starts at ${box[0]}, ${box[1]}`);
      }
    });
  });

  test('the Info dictionary names the issue, its publishers, build-issue and the engines’ versions, never the browser’s user agent', async () => {
    const publication = parse(await readFile(path.join(ROOT, 'issues', 'publication.yaml'), 'utf8')) as { publishers: string[] };
    const fields = info(pdf);
    assert.equal(fields.Title, '党委中心组理论学习通讯 2023年第9期（总第453期）');
    assert.equal(fields.Author, publication.publishers.join('、'));
    assert.match(fields.Subject!, /^党委中心组理论学习通讯，中宣部中组部印发意见/);
    for (const { column } of await sourceOutline()) assert.ok(fields.Keywords!.includes(column), `Keywords lack ${column}`);
    assert.match(fields.Creator!, /^build-issue \d+\.\d+\.\d+/);
    assert.match(fields.Producer!, new RegExp(`^${fields.Creator} \\(\\S.* \\d+\\.\\d+\\.\\d+\\.\\d+, Paged\\.js \\d+\\.\\d+\\.\\d+\\)$`));
    assert.doesNotMatch(bytes.toString('latin1'), /HeadlessChrome|Mozilla\/5\.0|Skia\/PDF/);
  });

  test('the dates are the issue’s date, and the catalog says the language is zh-CN', () => {
    const dates = execFileSync('pdfinfo', ['-isodates', pdf], { encoding: 'utf8' });
    assert.match(dates, /^CreationDate:\s+2023-09-19T16:00:00Z$/m); // 2023-09-20 00:00 in Beijing
    assert.match(dates, /^ModDate:\s+2023-09-19T16:00:00Z$/m);
    const root = catalog(pdf);
    assert.equal(root['/Lang'], 'u:zh-CN');
  });

  test('is not tagged unless asked (--tagged)', () => {
    assert.equal(info(pdf).Tagged, 'no');
  });

  test('the XMP says what the Info dictionary says', () => {
    const xmp = execFileSync('pdfinfo', ['-meta', pdf], { encoding: 'utf8' });
    const fields = info(pdf);
    assert.ok(xmp.includes(`<rdf:li xml:lang="x-default">${fields.Title}</rdf:li>`), 'dc:title');
    assert.ok(xmp.includes(`<rdf:li>${fields.Author}</rdf:li>`), 'dc:creator');
    assert.match(xmp, /<dc:language><rdf:Bag><rdf:li>zh-CN<\/rdf:li><\/rdf:Bag><\/dc:language>/);
    assert.ok(xmp.includes(`<xmp:CreatorTool>${fields.Creator}</xmp:CreatorTool>`), 'xmp:CreatorTool');
    assert.ok(xmp.includes(`<pdf:Producer>${fields.Producer}</pdf:Producer>`), 'pdf:Producer');
    assert.match(xmp, /<xmp:CreateDate>2023-09-19T16:00:00Z<\/xmp:CreateDate>/);
    assert.match(xmp, /<xmpMM:DocumentID>uuid:[0-9a-f-]{36}<\/xmpMM:DocumentID>/);
  });

  test('the document id is a hash of the file itself with its ids blank, so only the bytes decide it', () => {
    const trailer = bytes.toString('latin1', bytes.lastIndexOf('trailer'));
    const id = /\/ID \[ <([0-9a-f]{32})> <([0-9a-f]{32})> \]/.exec(trailer);
    assert.ok(id, 'the trailer has an /ID of two hex strings');
    assert.equal(id[1], id[2]);
    const latin1 = bytes.toString('latin1');
    const uuid = /<xmpMM:DocumentID>uuid:([0-9a-f-]{36})</.exec(latin1)![1]!;
    assert.equal(uuid.replace(/-/g, '').slice(0, 12), id[1]!.slice(0, 12), 'the XMP id is made from the same hash');
    const blankUuid = '00000000-0000-5000-8000-000000000000';
    const blank = latin1.replaceAll(`<${id[1]}>`, `<${'0'.repeat(32)}>`).replaceAll(`uuid:${uuid}`, `uuid:${blankUuid}`);
    assert.equal(createHash('sha256').update(Buffer.from(blank, 'latin1')).digest('hex').slice(0, 32), id[1]);
  });

  test('bookmarks list the columns and their articles, each opening the page where it starts', async () => {
    const outline = qpdfJson(pdf, 'outlines').outlines as OutlineItem[];
    const source = await sourceOutline();
    assert.deepEqual(
      outline.map((item) => ({ column: item.title, articles: item.kids.map((kid) => kid.title) })),
      source,
    );
    const pages = texts.map(flat);
    for (const column of outline) {
      for (const article of column.kids) {
        // The title's first page after the TOC on page 1.
        const printed = pages.findIndex((text, i) => i > 0 && text.includes(flat(article.title).slice(0, 12))) + 1;
        assert.ok(printed > 1, `“${article.title}” not found on the pages`);
        assert.equal(article.destpageposfrom1, printed, `“${article.title}” opens page ${article.destpageposfrom1}, starts on ${printed}`);
      }
      assert.equal(column.destpageposfrom1, column.kids[0]!.destpageposfrom1, `column ${column.title}`);
    }
  });

  test('the page count binds (a multiple of 4) and the distribution footer is on the last page', () => {
    assert.equal(texts.length % 4, 0, `${texts.length} pages`);
    const footers = texts.map((text, i) => (flat(text).includes('共印：2000份') ? i + 1 : 0)).filter(Boolean);
    assert.deepEqual(footers, [texts.length]);
  });

  test('writes dist/453.pdf.sha256 in sha256sum’s format, and sha256sum agrees', async () => {
    const line = await readFile(`${pdf}.sha256`, 'utf8');
    assert.equal(line, `${createHash('sha256').update(bytes).digest('hex')}  453.pdf\n`);
    execFileSync('sha256sum', ['-c', '453.pdf.sha256'], { cwd: path.dirname(pdf), stdio: 'pipe' });
  });

  test('a second build of the same input, later, gives the same bytes', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const again = await cli(['453', '--force', '-o', 'dist/again.pdf'], dir);
    assert.equal(again.code, 0, again.stderr);
    const second = await readFile(path.join(dir, 'dist', 'again.pdf'));
    assert.equal(createHash('sha256').update(second).digest('hex'), createHash('sha256').update(bytes).digest('hex'));
  });

  test('nothing in the file carries the day it was built', () => {
    const expanded = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { maxBuffer: 256 * 1024 * 1024 }).toString(
      'latin1',
    );
    const today = new Date().toISOString().slice(0, 10);
    assert.ok(!expanded.includes(`D:${today.replace(/-/g, '')}`), 'a PDF date of today');
    assert.ok(!expanded.includes(`${today}T`), 'an XMP date of today');
  });

  test('SOURCE_DATE_EPOCH, when set, is the date the PDF carries', async () => {
    const run = await cli(['453', '--force', '-o', 'dist/epoch.pdf'], dir, { SOURCE_DATE_EPOCH: '1700000000' });
    assert.equal(run.code, 0, run.stderr);
    const dates = execFileSync('pdfinfo', ['-isodates', path.join(dir, 'dist', 'epoch.pdf')], { encoding: 'utf8' });
    assert.match(dates, /^CreationDate:\s+2023-11-14T22:13:20Z$/m);
  });

  test('the build ran the preflight, and `build-issue preflight` passes the file', async () => {
    assert.match(stdout, /dist\/453\.pdf: preflight passed/);
    const run = await cli(['preflight', 'dist/453.pdf'], dir);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /✓ pages +\d+ pages, a multiple of 4/);
    assert.match(run.stdout, /✓ fonts +\d+ fonts, all embedded, none Type 3/);
    assert.match(run.stdout, /^preflight passed/m);
  });

  test('`build-issue preflight --json` gives each check’s status and the problems as data', async () => {
    const run = await cli(['preflight', 'dist/453.pdf', '--json'], dir);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as {
      file: string;
      passed: boolean;
      checks: { name: string; status: string }[];
      diagnostics: unknown[];
    };
    assert.equal(report.file, 'dist/453.pdf');
    assert.equal(report.passed, true);
    assert.deepEqual(
      report.checks.map((c) => `${c.name} ${c.status}`),
      ['pages passed', 'boxes passed', 'fonts passed', 'colour passed', 'images passed', 'syntax passed'],
    );
    assert.deepEqual(report.diagnostics, []);
  });

  test('a PDF whose body font was damaged fails the preflight, naming the font and its pages', async () => {
    // The body font's program, decoded, with bytes in the middle of its glyph data changed, stored again:
    // the file stays sound (qpdf finds nothing), but poppler draws the pages without their text.
    const doc = await PDFDocument.load(await readFile(pdf));
    const programs = doc.context
      .enumerateIndirectObjects()
      .filter(([, object]) => object instanceof PDFRawStream && object.dict.has(PDFName.of('Length1')));
    const [ref, body] = programs.sort(([, a], [, b]) => (b as PDFRawStream).contents.length - (a as PDFRawStream).contents.length)[0] as [
      PDFRef,
      PDFRawStream,
    ];
    const damaged = Buffer.from(inflateSync(body.contents));
    for (let i = 0; i < 64; i++) damaged[Math.floor(damaged.length / 2) + i] = 0xff;
    doc.context.assign(ref, doc.context.flateStream(damaged, { Length1: damaged.length }));
    const report = await preflight(await doc.save({ useObjectStreams: false }), { file: 'damaged.pdf', requireMultipleOf4: true });
    const found = report.diagnostics.filter((d) => d.rule === 'preflight-font-damaged');
    assert.equal(found.length, 1, JSON.stringify(report.diagnostics));
    assert.match(
      found[0]!.message.en,
      /^font [A-Z]{6}\+NotoSerifSC-Regular on pages 1, 2, .* cannot be read: its \w+ table does not match its checksum/,
    );
    assert.equal(report.passed, false);
  });

  test('qpdf --check finds nothing wrong', () => {
    const out = execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' });
    assert.match(out, /No syntax or stream encoding errors found/);
  });
});
