/**
 * The CJK rules hold for an issue other than 453: test/fixtures/issues/901 is
 * written to be hard — long paragraphs, dense “”、《》——…… and nested quotes,
 * Latin words and digits next to Han, a two-part headline, a subtitle, run-in
 * heads, a short last article — and must build with zero audit findings.
 */
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { cli, ROOT, workspace } from '../helpers/build.js';
import { layoutTexts, pageTexts } from '../helpers/pdf.js';

describe('typesetting another issue (901)', () => {
  let dir: string;
  let run: Awaited<ReturnType<typeof cli>>;

  before(async () => {
    dir = await workspace({ '901': path.join(ROOT, 'test', 'fixtures', 'issues', '901') });
    run = await cli(['901', '--check', '--proof'], dir);
  });

  test('builds with --check: no line, page or punctuation rule is broken', () => {
    assert.doesNotMatch(run.stderr, /audit-/);
    assert.equal(run.code, 0, run.stderr);
  });

  test('its TOC numbers are the pages its titles are on', () => {
    const pdf = path.join(dir, 'dist', '901.pdf');
    const texts = pageTexts(pdf).map((t) => t.replace(/\s/g, ''));
    const titles = ['在新征程上奋力谱写', '用好“红色资源”讲好“红色故事”', '短评：以“钉钉子”精神抓落实'];
    const pages = titles.map((t) => texts.findIndex((text, i) => i > 0 && text.includes(t)) + 1);
    const toc = [...layoutTexts(pdf)[0]!.matchAll(/(\d{2})\s*$/gm)].map((m) => Number(m[1]));
    assert.deepEqual(toc, pages);
  });

  test('--proof writes a PNG of every page and a contact sheet', async () => {
    const files = await readdir(path.join(dir, 'dist', '901.proof'));
    const pages = pageTexts(path.join(dir, 'dist', '901.pdf')).length;
    // Named as docs/editors.md says, page-01.png onwards, whatever the page count (pdftoppm writes page-1.png below 10 pages).
    const expected = Array.from({ length: pages }, (_, i) => `page-${String(i + 1).padStart(2, '0')}.png`);
    assert.deepEqual(files.filter((f) => f.startsWith('page-')).sort(), expected);
    assert.ok(files.includes('contact-sheet.png'));
  });
});
