/**
 * The print-shop options on real builds: --bleed with --marks (and --tagged), padding to a
 * multiple of 4 (and --no-pad), --grayscale; and the preflight failing a
 * Chromium PDF whose CFF font became Type 3.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { launchChromium } from '../../src/browser/launch.js';
import { type CliRun, cli, ROOT, workspace } from '../helpers/build.js';
import { copyIssue } from '../helpers/issues.js';
import { catalog, fonts, info, pageBoxes, pageCount, pageTexts, qpdfJson } from '../helpers/pdf.js';

const MM = 72 / 25.4;
const A4 = { width: 595.276, height: 841.89 };
const near = (a: number, b: number, tolerance = 0.05) => Math.abs(a - b) <= tolerance;
const flat = (text: string) => text.replace(/\s/g, '');
const SOURCE = path.join(ROOT, 'issues', '453', 'issue.md');

describe('--bleed 3mm --marks --tagged', () => {
  let pdf: string;
  before(async () => {
    const dir = await workspace();
    const run = await cli(['453', '--no-lint', '--bleed', '3mm', '--marks', '--tagged'], dir);
    assert.equal(run.code, 0, run.stderr);
    pdf = path.join(dir, 'dist', '453.pdf');
  });

  test('the TrimBox is A4, the BleedBox 3 mm beyond it on every side, the MediaBox beyond that', () => {
    for (const [i, page] of pageBoxes(pdf).entries()) {
      const { trim, bleed, media } = page;
      assert.ok(near(trim[2] - trim[0], A4.width) && near(trim[3] - trim[1], A4.height), `page ${i + 1} trim ${trim}`);
      for (const side of [0, 1]) assert.ok(near(trim[side]! - bleed[side]!, 3 * MM), `page ${i + 1} bleed ${bleed} around ${trim}`);
      for (const side of [2, 3]) assert.ok(near(bleed[side]! - trim[side]!, 3 * MM), `page ${i + 1} bleed ${bleed} around ${trim}`);
      assert.ok(media[0] < bleed[0] && media[1] < bleed[1] && media[2] > bleed[2] && media[3] > bleed[3], `page ${i + 1} media ${media}`);
    }
  });

  test('crop marks are drawn on the trim lines, outside the bleed, in the registration colour', () => {
    const { trim, bleed } = pageBoxes(pdf)[0]!;
    const trace = execFileSync('mutool', ['trace', pdf, '1'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const marks = [
      ...trace.matchAll(
        /<stroke_path[^>]*colorspace="Separation\(DeviceGray,All\)"[^>]*>\s*<moveto x="([\d.]+)" y="([\d.]+)"\/>\s*<lineto x="([\d.]+)" y="([\d.]+)"\/>/g,
      ),
    ].map((m) => m.slice(1, 5).map(Number));
    assert.equal(marks.length, 8);
    const onTrimLine = (v: number, a: number, b: number) => near(v, a, 0.01) || near(v, b, 0.01);
    const outsideBleed = (x: number, y: number) => x < bleed[0] || x > bleed[2] || y < bleed[1] || y > bleed[3];
    for (const [x1, y1, x2, y2] of marks as [number, number, number, number][]) {
      assert.ok(
        x1 === x2 ? onTrimLine(x1, trim[0], trim[2]) : onTrimLine(y1, trim[1], trim[3]),
        `mark ${x1},${y1} → ${x2},${y2} is not on a trim line`,
      );
      assert.ok(outsideBleed(x1, y1) && outsideBleed(x2, y2), `mark ${x1},${y1} → ${x2},${y2} enters the bleed`);
    }
  });

  test('keeps Chromium’s structure tree through finishing (a tagged PDF)', () => {
    assert.equal(info(pdf).Tagged, 'yes');
    assert.match(catalog(pdf)['/StructTreeRoot'] ?? '', /^\d+ 0 R$/);
  });

  test('passes the preflight', async () => {
    const run = await cli(['preflight', pdf], ROOT);
    assert.equal(run.code, 0, run.stdout + run.stderr);
  });
});

describe('padding to a multiple of 4 pages', () => {
  let dir: string;
  let serial = '';
  let unpadded = 0;
  /** The build of that cut with --no-pad. */
  let noPad: CliRun;

  /**
   * 453 cut short, article by article, until a build without padding comes
   * out at 4n + 1 or 4n + 2 pages: then padding needs blank pages whether or
   * not the footer shares its page (at 4n + 3 a footer page of its own may
   * be all it takes).
   */
  before(async () => {
    dir = await workspace();
    const cuts = ['\n# 它山之石', '\n## 彰显理论价值', '\n# 工作经验交流', '\n# 学思践悟', '\n## 河北省学习贯彻'];
    for (const [i, cut] of cuts.entries()) {
      serial = String(9001 + i);
      await copyIssue(dir, SOURCE, serial, (markdown) =>
        markdown.replace(/\n# the printed original[\s\S]*?(?=\n---)/, '').slice(0, markdown.indexOf(cut)),
      );
      noPad = await cli([serial, '--no-lint', '--no-pad'], dir);
      assert.equal(noPad.code, 0, noPad.stderr);
      unpadded = pageCount(path.join(dir, 'dist', `${serial}.pdf`));
      if (unpadded % 4 === 1 || unpadded % 4 === 2) return;
    }
    assert.fail('no cut of 453 came out at 4n + 1 or 4n + 2 pages: no issue to pad with blank pages');
  });

  test('--no-pad keeps the page count, and the build warns that it does not bind', () => {
    assert.match(noPad.stderr, new RegExp(`preflight-page-count ${unpadded} pages is not a multiple of 4`));
  });

  test('by default, blank pages come before the footer, which stays on the last page; the build says so', async () => {
    const run = await cli([serial, '--no-lint', '--force'], dir);
    assert.equal(run.code, 0, run.stderr);
    const pdf = path.join(dir, 'dist', `${serial}.pdf`);
    const texts = pageTexts(pdf);
    assert.equal(texts.length % 4, 0, `${texts.length} pages`);
    assert.ok(texts.length > unpadded, `${texts.length} pages, ${unpadded} without padding`);
    const blanks = texts.map((text, i) => (flat(text) === '' ? i + 1 : 0)).filter(Boolean);
    assert.ok(blanks.length > 0, 'no blank page');
    assert.ok(
      blanks.every((page) => page > 1 && page < texts.length),
      `blank pages ${blanks}`,
    );
    assert.deepEqual(
      texts.map((text, i) => (flat(text).includes('共印：2000份') ? i + 1 : 0)).filter(Boolean),
      [texts.length],
      'the footer is on the last page only',
    );
    assert.match(
      run.stdout,
      new RegExp(
        `padded to ${texts.length} pages for saddle stitching: ${blanks.length} blank pages? \\(no page number\\) before the distribution footer`,
      ),
    );
    // Pages with text before the blanks keep their numbers.
    for (let page = 2; page < blanks[0]!; page++)
      assert.match(texts[page - 1]!, new RegExp(`—\\s*${page}\\s*—`), `page ${page} lost its number`);
  });

  test('bookmarks of the padded issue still open the pages where articles start', () => {
    const pdf = path.join(dir, 'dist', `${serial}.pdf`);
    const pages = pageTexts(pdf).map(flat);
    const outline = qpdfJson(pdf, 'outlines').outlines as { kids: { title: string; destpageposfrom1: number }[] }[];
    for (const article of outline.flatMap((column) => column.kids)) {
      const printed = pages.findIndex((text, i) => i > 0 && text.includes(flat(article.title).slice(0, 12))) + 1;
      assert.equal(article.destpageposfrom1, printed, article.title);
    }
  });
});

describe('--grayscale', () => {
  let pdf: string;
  before(async () => {
    const dir = await workspace();
    const run = await cli(['453', '--no-lint', '--grayscale'], dir);
    assert.equal(run.code, 0, run.stderr);
    pdf = path.join(dir, 'dist', '453.pdf');
  });

  test('Ghostscript finds no cyan, magenta or yellow ink on any page', () => {
    const coverage = execFileSync('gs', ['-q', '-o', '-', '-sDEVICE=inkcov', pdf], { encoding: 'utf8' });
    const pages = coverage.trim().split('\n');
    assert.equal(pages.length, pageCount(pdf));
    for (const line of pages) {
      const [c, m, y, k] = line.trim().split(/\s+/).map(Number) as [number, number, number, number];
      assert.ok(c === 0 && m === 0 && y === 0, `colour ink: ${line}`);
      assert.ok(k > 0, `no black ink: ${line}`);
    }
  });

  test('fonts stay embedded, subset TrueType, none Type 3', () => {
    const rows = fonts(pdf);
    assert.ok(rows.length >= 3);
    for (const row of rows) {
      assert.ok(row.embedded && row.subset, `${row.name}`);
      assert.match(row.type, /CID TrueType/, `${row.name} is ${row.type}`);
    }
  });
});

describe('preflight of a Chromium PDF set in a CFF font (fonts-noto-cjk)', () => {
  test('fails on its Type 3 fonts, naming the problem', async () => {
    const chromium = await launchChromium(process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium');
    const dir = await workspace();
    const file = path.join(dir, 'type3.pdf');
    try {
      const page = await chromium.browser.newPage();
      await page.setContent('<p style="font-family: \'Noto Sans CJK SC\'; font-size: 20pt">党委中心组理论学习通讯</p>');
      await writeFile(file, await page.pdf({ format: 'A4' }));
    } finally {
      await chromium.close();
    }
    assert.ok(
      fonts(file).some((row) => /Type 3/.test(row.type)),
      'Chromium did not make a Type 3 font: is fonts-noto-cjk installed?',
    );
    const run = await cli(['preflight', file], dir);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /preflight-type3-font .*Type 3 on page 1/);
    // Chromium made it, not build-issue: the advice is for the program that made it.
    assert.match(run.stderr, /in the program that made the PDF/);
    assert.match(run.stdout, /✗ fonts/);
  });
});
