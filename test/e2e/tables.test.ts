/**
 * Tables as the print shop gets them: the tables of fixture issue 903 (a
 * table of 42 rows that continues onto two more pages, and a table with
 * merged cells and figures) built through the real CLI, then read back from
 * the PDF with MuPDF's positions. That every character prints once, but a
 * continued table's header, and that no glyph lies outside the text area, are
 * checked in content.test.ts on the same fixture.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { layOut, takeLayoutPage, writeIssue } from '../../src/browser/layout-pages.js';
import { checkCompleteness } from '../../src/stages/paginate/completeness.js';
import { type CliRun, ROOT } from '../helpers/build.js';
import { startChromium } from '../helpers/chromium.js';
import { fonts, type PlacedLine, placedLines } from '../helpers/pdf.js';
import { sharedBuild } from '../helpers/shared-build.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'issues', '903');

const PAGE_NUMBER = /^— \d+ —$/;

/** The source's tables: each a list of rows, each row its cells as written (merge marks ^ and < included). */
function sourceTables(markdown: string): string[][][] {
  const tables: string[][][] = [];
  let table: string[][] | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      table = undefined;
      continue;
    }
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (cells.every((cell) => /^:?-+:?$/.test(cell))) continue;
    if (!table) tables.push((table = []));
    table.push(cells);
  }
  return tables;
}

describe('tables in print (fixture issue 903, built with the CLI)', () => {
  let run: CliRun;
  let pages: PlacedLine[][];
  let tables: string[][][];
  let file: string;
  let html: string;

  before(async () => {
    let dir: string;
    ({ dir, run } = await sharedBuild(['903', '--keep-html', '--check'], { '903': FIXTURE }));
    file = path.join(dir, 'dist', '903.pdf');
    html = await readFile(path.join(dir, 'dist', '903.html'), 'utf8');
    pages = placedLines(file);
    tables = sourceTables(await readFile(path.join(FIXTURE, 'issue.md'), 'utf8'));
  });

  const textOf = (page: PlacedLine[]) => page.map((line) => line.text).join('\n');
  const find = (page: PlacedLine[], text: string) => page.find((line) => line.text.replace(/\s/g, '') === text);
  /** The pages the long table is on: those holding its header row. */
  const longTablePages = () => pages.flatMap((page, i) => (find(page, '改革举措') ? [i] : []));

  test('builds with the layout audit (--check) finding nothing, the preflight passes, and no font is Type 3', () => {
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /audit-/);
    assert.match(run.stderr + run.stdout, /preflight passed/);
    for (const font of fonts(file)) assert.notEqual(font.type, 'Type 3', font.name);
  });

  test('the long table continues onto a second and a third page, its header row at the top of its part of each page, under 续表1', () => {
    const on = longTablePages();
    assert.ok(on.length >= 3, `the table is on pages ${on.map((i) => i + 1)}`);
    on.forEach((index, n) => {
      const page = pages[index]!;
      const header = find(page, '改革举措')!;
      const rows = page.filter(
        (line) => line.y0 > header.y0 && line.x0 >= header.x0 - 200 && tables[0]!.some((row) => row[1]!.startsWith(line.text.slice(0, 4))),
      );
      assert.ok(rows.length > 0, `page ${index + 1} holds rows`);
      assert.ok(header.y1 <= Math.min(...rows.map((line) => line.y0)), `page ${index + 1}: the header row is above every row`);
      const label = find(page, '续表1');
      if (n === 0) {
        assert.equal(label, undefined, 'the first page has no 续表 line');
        const caption = find(page, '表12024年宣传思想文化领域改革重点任务分工')!;
        assert.ok(caption && caption.y1 <= header.y0, 'the caption stands above the header, on the same page');
      } else {
        assert.ok(label && label.y1 <= header.y0, `page ${index + 1}: 续表1 above the header row`);
        assert.ok(
          page.every((line) => line === label || PAGE_NUMBER.test(line.text) || line.y0 >= label.y0 - 0.5),
          `page ${index + 1}: the table's part begins the page`,
        );
      }
    });
  });

  test('no row is split across pages, lost or printed twice: the pages hold the rows whole, in order', () => {
    const on = longTablePages();
    // The 改革举措 column: lines starting where the first row's measure starts (half an em before it, a line opening with a bracket set half-width).
    const first = tables[0]![1]![1]!;
    const start = pages[on[0]!]!.find((line) => first.startsWith(line.text))!.x0;
    const columnText = on.map((index) =>
      pages[index]!.filter(
        (line) => line.x0 > start - 7 && line.x0 < start + 0.5 && !PAGE_NUMBER.test(line.text) && line.text !== '改革举措',
      )
        .sort((a, b) => a.y0 - b.y0)
        .map((line) => line.text)
        .join(''),
    );
    const measures = tables[0]!.slice(1).map((row) => row[1]!);
    assert.equal(columnText.join(''), measures.join(''));
    // Each page's part ends where a row ends.
    const rowEnds = new Set(measures.map((_, i) => measures.slice(0, i + 1).join('').length));
    let printed = 0;
    for (const text of columnText) {
      printed += text.length;
      assert.ok(rowEnds.has(printed), `a page ends inside a row: …${text.slice(-8)}`);
    }
  });

  test('no Markdown syntax is printed', () => {
    for (const [i, page] of pages.entries()) assert.doesNotMatch(textOf(page), /[|^<>*#]|---/, `page ${i + 1}`);
  });

  test('merged cells print once, a group row across the whole table, a grouping cell beside its rows', () => {
    const page = pages.find((p) => find(p, '类别'))!;
    const group = find(page, '一、知识产权保护方面（共5项）');
    assert.ok(group, 'the group row prints on one line, as wide as the table');
    const columnEnd = Math.max(...page.filter((line) => line.text === '类别' || line.text === '制度建设').map((line) => line.x1));
    assert.ok(group.x1 > columnEnd + 50, 'it runs past the first column');
    assert.equal(page.filter((line) => line.text === '制度建设').length, 1);
    const label = find(page, '制度建设')!;
    const rows = ['健全知识产权快速维权机制', '建立知识产权保护信用评价制度'].map((text) => find(page, text)!);
    assert.ok(label.y0 > rows[0]!.y0 && label.y1 < rows[1]!.y1, 'the grouping cell is centred across the three rows it spans');
  });

  test('a column of figures is aligned on the units digit', () => {
    const page = pages.find((p) => find(p, '类别'))!;
    const unitsEdge = (line: PlacedLine) => {
      const digits = line.chars.filter((c) => /\d/.test(c.c));
      const point = line.chars.findIndex((c) => c.c === '.' || c.c === '%');
      return (point > 0 ? line.chars[point - 1]! : digits.at(-1)!).right;
    };
    for (const values of [
      ['12.5', '8', '6.25', '10', '7.5', '79.75'],
      ['15%', '7.5%', '12.5%', '100%'],
    ]) {
      const edges = values.map((value) => unitsEdge(find(page, value)!));
      assert.ok(
        Math.max(...edges) - Math.min(...edges) < 0.3,
        `${values.join(' ')}: units digits end at ${edges.map((e) => e.toFixed(2)).join(', ')}`,
      );
    }
  });

  test('the completeness check takes the repeated header rows for what they are, and still finds a row laid out twice or lost', async () => {
    const chromium = await startChromium();
    // The kept HTML laid out again, a row tampered with (code run in the page), the facts read as the build reads them.
    const laidOut = async (tamper: string) => {
      const layoutPage = await takeLayoutPage(chromium.browser);
      try {
        await writeIssue(layoutPage, html);
        await layOut(layoutPage);
        await layoutPage.page.evaluate(tamper);
        return await layoutPage.page.evaluate(() => window.buildIssue.layoutFacts());
      } finally {
        await layoutPage.page.close();
      }
    };
    try {
      const clean = await laidOut('0');
      // What the build found on its pages is the source's count (it built): each block as the source has it.
      const bundle = {
        file: 'issue.md',
        blocks: Object.entries(clean.blocks).map(([id, found]) => ({ id, line: Number(id.slice(1)), chars: found.chars })),
      };
      assert.deepEqual(checkCompleteness(bundle, clean), []);
      const reported = async (tamper: string) => checkCompleteness(bundle, await laidOut(tamper)).map((d) => d.rule);
      // The fifth row of the body of the long table, laid out a second time on the next page.
      const twice = `(() => {
        const rows = document.querySelectorAll('.pagedjs_pages table.table tbody > tr');
        rows[rows.length - 1].after(rows[4].cloneNode(true));
      })()`;
      assert.deepEqual(new Set(await reported(twice)), new Set(['block-repeated']));
      const lost = `document.querySelectorAll('.pagedjs_pages table.table tbody > tr')[4].remove()`;
      assert.deepEqual(new Set(await reported(lost)), new Set(['block-dropped']));
      const headerUnmarked = `document.querySelectorAll('.pagedjs_pages thead[data-repeated]').forEach((head) => head.removeAttribute('data-repeated'))`;
      assert.deepEqual(new Set(await reported(headerUnmarked)), new Set(['block-repeated']));
    } finally {
      await chromium.close();
    }
  });
});
