/**
 * Builds the real issue 453 with the CLI and opens the PDF it wrote: pages,
 * TOC numbers against the pages titles landed on, page numbers, text fidelity
 * against the seed, fonts.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { pageScript } from '../../src/stages/render/page-script.js';
import { type CliRun, ROOT } from '../helpers/build.js';
import { fonts, hanOnly, layoutTexts, pageSizes, pageTexts, RADICALS } from '../helpers/pdf.js';
import { scratchDir } from '../helpers/scratch.js';
import { sharedBuild } from '../helpers/shared-build.js';

// A copy of ../shared/seeds/000_ceb4e9f67c3b5b87.txt, the printed issue's conversion.
const SEED = path.join(ROOT, 'test', 'fixtures', 'import', 'seed-453.txt');
const A4 = { width: 595.276, height: 841.89 };

/** The seed's body and footer (everything after its printed TOC), with the two conversion artifacts mended. */
async function expectedHan(): Promise<string> {
  const seed = await readFile(SEED, 'utf8');
  const body = seed.slice(seed.indexOf('\n## ●学习动态'));
  return hanOnly(body.replace('深入学\n\n学习贯彻', '深入学习贯彻').replace('思想 and 行动', '思想和行动'));
}

describe('build-issue 453', () => {
  let dir: string;
  let pdf: string;
  let texts: string[];
  let stdout: string;
  let stderrOf453: string;
  const tocNumbers = () => [...layoutTexts(pdf)[0]!.matchAll(/(\d{2})\s*$/gm)].map((m) => Number(m[1]));

  before(async () => {
    let run: CliRun;
    ({ dir, run } = await sharedBuild(['453', '--keep-html', '--check']));
    assert.equal(run.code, 0, run.stderr);
    stdout = run.stdout;
    stderrOf453 = run.stderr;
    pdf = path.join(dir, 'dist', '453.pdf');
    texts = pageTexts(pdf);
  });

  test('the layout audit finds no breach of the typesetting rules on any page', () => {
    // --check fails the build on any finding; this names them if there are any.
    assert.doesNotMatch(stderrOf453, /audit-/);
  });

  test('says that the --check audit ran and found nothing', () => {
    assert.match(stdout, /^dist\/453\.pdf: 16 pages in [\d.]+ s; the --check audit read every line of every page and found nothing$/m);
  });

  test('poppler and MuPDF both read a line with compressed punctuation whole (标点挤压)', () => {
    const line = '继承性发展、对人类文明演进的未来指向”；从“坚持自信自立，中国的';
    const poppler = execFileSync('pdftotext', ['-f', '13', '-l', '13', pdf, '-'], { encoding: 'utf8' }).split('\n');
    const mupdf = execFileSync('mutool', ['draw', '-F', 'txt', '-o', '-', pdf, '13'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).split('\n');
    for (const [reader, lines] of [
      ['pdftotext', poppler],
      ['mutool', mupdf],
    ] as const) {
      assert.ok(
        lines.some((l) => l.trim() === line),
        `${reader} splits the line: ${lines.filter((l) => l.includes('未来指向') || l.startsWith('；从')).join(' / ')}`,
      );
      assert.ok(
        lines.some((l) => l.includes('“名词解释”“典型案例”“图片资料”“数')),
        `${reader} splits 名词解释”“典型案例`,
      );
    }
  });

  test('comes out as printed: 16 pages, articles starting on pages 2, 3, 5, 7, 12 and 14', () => {
    assert.equal(texts.length, 16);
    assert.deepEqual(tocNumbers(), [2, 3, 5, 7, 12, 14]);
  });

  test('writes dist/453.pdf and says where', async () => {
    assert.ok((await stat(pdf)).size > 10_000);
    assert.match(stdout, /dist\/453\.pdf: \d+ pages/);
  });

  test('every page is A4', () => {
    const sizes = pageSizes(pdf);
    assert.equal(sizes.length, texts.length);
    for (const size of sizes) {
      assert.ok(
        Math.abs(size.width - A4.width) < 0.05 && Math.abs(size.height - A4.height) < 0.05,
        `page is ${size.width} × ${size.height}`,
      );
    }
  });

  test('page 1 holds the masthead and the table of contents', () => {
    const first = texts[0]!.replace(/\s/g, '');
    for (const text of [
      '党内刊物·注意保存',
      '党委中心组',
      '理论学习通讯',
      '总第453期',
      '中共河北省委宣传部',
      '2023年9月20日',
      '学习动态',
      '它山之石',
    ]) {
      assert.ok(first.includes(text), `page 1 lacks ${text}`);
    }
  });

  test('each TOC number is the page on which that article’s title is printed', () => {
    const titles = [
      '中宣部中组部印发意见提高党委中心组学习质量',
      '河北省学习贯彻习近平新时代中国特色社会主义思想主题教育第一批总结暨第二批部署会议召开',
      '激发新就业群体“红色动能”',
      '学习贯彻党的二十大精神闯出阜平产业振兴发展新路',
      '彰显理论价值凝聚实践伟力',
      '培塑理论学习新赛道全面提升理论学习质量',
    ];
    const flat = texts.map((t) => t.replace(/\s/g, ''));
    const titlePages = titles.map((title) => flat.findIndex((t, i) => i > 0 && t.includes(title)) + 1);
    assert.ok(
      titlePages.every((p) => p > 1),
      `titles found on pages ${titlePages}`,
    );
    assert.deepEqual(tocNumbers(), titlePages);
  });

  test('every page after the first shows its number as — n —', () => {
    texts.slice(1).forEach((text, i) => {
      assert.match(text, new RegExp(`—\\s*${i + 2}\\s*—`), `page ${i + 2} has no page number`);
    });
    assert.doesNotMatch(texts[0]!, /—\s*1\s*—/);
  });

  test('every Han character of the seed’s body is in the PDF, in order, none lost or doubled', async () => {
    const expected = await expectedHan();
    const actual = hanOnly(texts.slice(1).join(''));
    assert.equal(actual.length, expected.length, 'number of Han characters differs');
    assert.equal(actual, expected);
  });

  test('no Kangxi or CJK radical stands in for an ideograph in the text layer', () => {
    const all = texts.join('');
    const found = [...all].filter((ch) => RADICALS.test(ch));
    assert.deepEqual(found, []);
  });

  test('every font is embedded and subset, none is Type 3', () => {
    const rows = fonts(pdf);
    assert.ok(rows.length >= 3);
    for (const row of rows) {
      assert.ok(row.embedded && row.subset, `${row.name} is not embedded and subset`);
      assert.doesNotMatch(row.type, /Type 3/, `${row.name} is Type 3`);
    }
  });

  test('the kept HTML carries the page script as bundled from src/page/ (the CLI makes it ahead of time, the tests from the sources)', async () => {
    const html = await readFile(path.join(dir, 'dist', '453.html'), 'utf8');
    assert.ok(html.includes(`<script>\n${await pageScript()}\n</script>`), 'the page script in the HTML is not the one the sources make');
  });

  test('the kept HTML renders to the same pages with stock pagedjs-cli', async () => {
    const html = path.join(dir, 'dist', '453.html');
    // pagedjs-cli leaves its Chromium's profile and socket folder in the temporary folder: a scratch one, removed after.
    const temporary = await scratchDir('build-issue-pagedjs-cli-');
    const reference = path.join(dir, 'reference.pdf');
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'pagedjs-cli', 'src', 'cli.js'), html, '-o', reference, '--browserArgs', '--no-sandbox'],
      {
        env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium', TMPDIR: temporary },
        stdio: 'pipe',
      },
    );
    const theirs = pageTexts(reference).map((t) => t.replace(/\s/g, ''));
    assert.deepEqual(
      theirs,
      texts.map((t) => t.replace(/\s/g, '')),
    );
  });
});
