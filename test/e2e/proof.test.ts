/**
 * Proofs (stages/proof/proof.ts): a PNG of every page and a contact sheet
 * of them all, both drawn by pdftoppm, with no browser. The sheet is read
 * back pixel by pixel: its first cell is the first page's image.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { writeProofs } from '../../src/stages/proof/proof.js';
import { readPng } from '../helpers/images.js';
import { sharedBuild } from '../helpers/shared-build.js';

describe('proofs', () => {
  test('a contact sheet shows every page at the page images’ size, four to a row, on grey', async () => {
    const { dir } = await sharedBuild(['453']);
    const proofs = await writeProofs(path.join(dir, 'dist', '453.pdf'));
    assert.deepEqual(proofs.diagnostics, []);
    const files = proofs.value!.map((f) => path.basename(f));
    assert.equal(files.length, 17);
    assert.equal(files.at(-1), 'contact-sheet.png');
    const page = readPng(await readFile(proofs.value![0]!));
    const sheet = readPng(await readFile(proofs.value!.at(-1)!));
    // Four columns of pages with 16 px around and between them; four rows for 16 pages, each with its number below.
    assert.ok(Math.abs(sheet.width - (16 + 4 * (page.width + 16))) <= 4, `sheet ${sheet.width} px wide, page ${page.width}`);
    assert.ok(sheet.height > 4 * page.height && sheet.height < 4 * (page.height + 60), `sheet ${sheet.height} px high`);
    // The gap at the top left is the sheet's grey (#888).
    assert.ok(Math.abs(sheet.grey[4 * sheet.width + 4]! - 0x88) <= 2);
    // The first cell is page 1: its pixels differ from the page image's by a few levels on average at most.
    let difference = 0;
    for (let y = 0; y < page.height - 2; y++)
      for (let x = 0; x < page.width - 2; x++)
        difference += Math.abs(sheet.grey[(16 + y) * sheet.width + 16 + x]! - page.grey[y * page.width + x]!);
    const mean = difference / ((page.height - 2) * (page.width - 2));
    assert.ok(mean < 2, `the first cell differs from page 1 by ${mean.toFixed(1)} levels on average`);
    // ... and not from a blank page alone: page 1 has ink.
    assert.ok(
      page.grey.some((level) => level < 100),
      'page 1 has no dark pixel',
    );
  });
});
