/**
 * Where pages break in tables: fixture issue 905 holds 27 units of a
 * paragraph, a caption and a table of 8 one-line rows, each unit some 19
 * lines tall, so that each meets the foot of a page at another line; a
 * section heading before every ninth; and a table with a row taller than a
 * page. Built through the CLI and read back from the PDF.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { type CliRun, cli, ROOT, workspace } from '../helpers/build.js';
import { type PlacedLine, placedLines } from '../helpers/pdf.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'issues', '905');
const PAGE_NUMBER = /^— \d+ —$/;
const CAPTION = /^表\d+ /;
const HEADING = /^[一二三]、第\d批汇总情况$/;

describe('pages breaking in tables (fixture issue 905, built with the CLI)', () => {
  let run: CliRun;
  let pages: PlacedLine[][];

  before(async () => {
    const dir = await workspace({ '905': FIXTURE });
    run = await cli(['905'], dir);
    pages = placedLines(path.join(dir, 'dist', '905.pdf')).map((page) =>
      page.filter((line) => !PAGE_NUMBER.test(line.text)).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0),
    );
  });

  test('builds: every character of a row taller than a page reaches the pages, none hidden', () => {
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /block-(hidden|truncated|dropped|repeated)/);
  });

  test('a table breaks between rows, never leaving its header row or one row alone at the foot of a page or at the head of the next', () => {
    let fragments = 0;
    for (const [i, page] of pages.entries()) {
      const headers = page.filter((line) => line.text === '序号');
      for (const [h, header] of headers.entries()) {
        const end = headers[h + 1]?.y0 ?? Infinity;
        const rows = page.filter((line) => /^\d$/.test(line.text) && line.x1 < header.x1 + 4 && line.y0 > header.y0 && line.y0 < end);
        assert.ok(rows.length >= 2, `page ${i + 1}: the header row at ${header.y0.toFixed(0)} has ${rows.length} row(s) under it`);
        if (rows.length < 8) fragments++;
      }
    }
    assert.ok(fragments >= 10, `${fragments} tables broke across pages: the fixture should make many break`);
  });

  test('a caption stays with its table, and a heading with the caption under it', () => {
    for (const [i, page] of pages.entries()) {
      for (const [l, line] of page.entries()) {
        const next = page.slice(l + 1).find((other) => other.y0 > line.y1 - 1);
        if (CAPTION.test(line.text)) assert.equal(next?.text, '序号', `page ${i + 1}: “${line.text}” is not followed by its table`);
        if (HEADING.test(line.text))
          assert.match(next?.text ?? '', CAPTION, `page ${i + 1}: “${line.text}” is not followed by its table's caption`);
      }
    }
  });
});
