/**
 * Real documents print as written: test/fixtures/issues/903 holds every
 * construct of the content model (lists in three numbering styles and
 * bullets, notes, a quotation, a signature and annex, a long URL, a
 * 60-character string, inline code, ideographic-space indents, an image
 * with its caption, links, a table of 42 rows over three pages and a table
 * with merged cells), built through the CLI with --check. The PDF is read as
 * a reader and a print shop would: every character of the source on the
 * pages (a continued table's header row and 续表 line repeated, nothing else),
 * no Markdown syntax, no glyph outside the text area, no Type 3 font. The
 * tables' own layout is checked on the same fixture in tables.test.ts.
 */
import assert from 'node:assert/strict';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { cli, ROOT, workspace } from '../helpers/build.js';
import { fonts, type PlacedChar, pageTexts, placedChars } from '../helpers/pdf.js';
import { scratchDir } from '../helpers/scratch.js';
import { sharedBuild } from '../helpers/shared-build.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'issues', '903');

/** The 2023 edition's text area on an A4 page, in points from the top left (styles/2023/10-page.css). */
const AREA = { left: 73.638, right: 521.638, top: 99, bottom: 747 };
/** Full-width marks: MuPDF boxes them at full width where the style sets them half-width, at a line's start or end. */
const MARKS = /[，。、；：？！“”‘’（）《》〈〉「」『』【】〔〕]/u;

/** Circled numbers, which are both the editor's (① as list numbers) and the notes' marks: counted as one kind. */
const circled = (text: string) => text.replace(/[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF]/gu, '◯');

/** A table row's cells, without the merge marks (^ joins the cell above, < the cell to the left). */
const cells = (row: string) =>
  row
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '^' && cell !== '<');

/** Each table's caption label (表1, 附表) with the text of its header row, which a continuation page repeats under 续表1, 续附表. */
function tableHeaders(markdown: string): Map<string, string> {
  const headers = new Map<string, string>();
  const lines = markdown.split('\n');
  lines.forEach((line, i) => {
    const caption = /^(附?表\d*)[\s\u3000]/u.exec(line);
    const next = lines.slice(i + 1).find((l) => l.trim() !== '');
    if (caption && next?.startsWith('|')) headers.set(caption[1]!, cells(next).join(''));
  });
  return headers;
}

/**
 * The characters the source says must print, in no particular order: its
 * Markdown syntax taken out, and what the style adds put in (a mark for each
 * note reference and each note; the bullet of a bullet list; the ● before a
 * column's name).
 */
function sourceCharacters(markdown: string): string[] {
  const body = markdown.slice(markdown.indexOf('\n---\n', 4) + 5);
  const text = body
    .replace(/^\|(\s*:?-+:?\s*\|)+$/gm, '') // a table's rule under the header row
    .replace(/^\|.*\|$/gm, (row) => cells(row).join('')) // a row: its cells' text
    .replace(/^\[\^[^\]]+\]: /gm, '◯') // a note's definition: its mark in the notes list
    .replace(/\[\^[^\]]+\]/g, '◯') // a reference: its mark in the text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // an image: its caption
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1◯$2◯') // a link: its text and mark, and its URL with a mark in the notes
    .replace(/^# /gm, '●') // a column: the style's ● before its name
    .replace(/^#{2,3} /gm, '')
    .replace(/^(副题|作者)：/gm, '')
    .replace(/^- /gm, '●')
    .replace(/^> ?/gm, '')
    .replace(/\*\*|\*|`|\\$/gm, '');
  return [...circled(text).replace(/\s/gu, '')].sort();
}

/**
 * The characters on the article pages, by where they stand: page 1 (masthead,
 * TOC), the page numbers below the text area and the distribution footer
 * (from its 报： down, on the last page) left out.
 */
function pageCharacters(chars: readonly PlacedChar[]): string[] {
  const last = Math.max(...chars.map((c) => c.page));
  const footer = chars.find((c, i) => c.page === last && c.c === '报' && chars[i + 1]?.c === '：')!;
  const text = chars
    .filter((c) => c.page > 1 && c.top < AREA.bottom && !(c.page === last && c.top >= footer.top - 0.5))
    .map((c) => c.c)
    .join('');
  return [...circled(text).replace(/\s/gu, '')].sort();
}

/** What is in `a` and not in `b`, counting repeats. */
function missingFrom(a: readonly string[], b: readonly string[]): string {
  const left = new Map<string, number>();
  for (const ch of b) left.set(ch, (left.get(ch) ?? 0) + 1);
  return a.filter((ch) => (left.get(ch) ?? 0) <= 0 || void left.set(ch, left.get(ch)! - 1)).join('');
}

describe('real documents print as written (fixture 903)', () => {
  let dir: string;
  let pdf: string;
  let run: Awaited<ReturnType<typeof cli>>;

  before(async () => {
    // As tables.test.ts builds it (--keep-html only adds the HTML beside the PDF).
    ({ dir, run } = await sharedBuild(['903', '--keep-html', '--check'], { '903': FIXTURE }));
    pdf = path.join(dir, 'dist', '903.pdf');
  });

  test('builds with --check, and the preflight passes', () => {
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /audit-|block-/);
    assert.match(run.stdout + run.stderr, /903\.pdf: preflight passed/);
  });

  test('every character of the source is on the pages, none lost, none twice but a continued table’s header', async () => {
    const markdown = await readFile(path.join(FIXTURE, 'issue.md'), 'utf8');
    const headers = tableHeaders(markdown);
    const continued = pageTexts(pdf).flatMap((text) =>
      [...text.matchAll(/^\s*续(附?表\d*)\s*$/gmu)].map((m) => `续${m[1]}${headers.get(m[1]!)}`),
    );
    assert.ok(continued.length >= 2 && continued.every((repeat) => !repeat.endsWith('undefined')), `continuation lines: ${continued}`);
    const expected = [...sourceCharacters(markdown), ...[...continued.join('')]].sort();
    const found = pageCharacters(placedChars(pdf));
    assert.equal(missingFrom(expected, found), '', 'lost');
    assert.equal(missingFrom(found, expected), '', 'added or repeated');
  });

  test('no Markdown syntax on any page', () => {
    for (const [i, text] of pageTexts(pdf).entries()) {
      assert.doesNotMatch(text, /\*\*|\[\^|\]\(|!\[|`|~~|\|/, `page ${i + 1}`);
      assert.doesNotMatch(text, /^\s*(#|>|- |\d+\. {2})/m, `page ${i + 1}`);
    }
  });

  test('no glyph outside the text area (a full-width mark set half-width at a line edge by half its size at most)', () => {
    const chars = placedChars(pdf).filter((c) => c.c.trim() !== '' && c.top < AREA.bottom + 10);
    const outside = chars.filter((c) => {
      const slack = MARKS.test(c.c) ? (c.bottom - c.top) / 2.9 : 0.5;
      return c.left < AREA.left - slack || c.right > AREA.right + slack || c.top < AREA.top - 0.5 || c.bottom > AREA.bottom + 0.5;
    });
    assert.deepEqual(outside, []);
    assert.ok(chars.length > 1000);
  });

  test('every font is embedded TrueType, none Type 3, the monospace face among them', () => {
    const found = fonts(pdf);
    assert.ok(
      found.every((f) => f.type === 'CID TrueType' && f.embedded && f.subset),
      JSON.stringify(found),
    );
    assert.ok(found.some((f) => f.name.endsWith('SourceCodePro-Regular')));
  });

  test('a signature never opens a page alone: text of its article comes before it on its page', () => {
    const page = pageTexts(pdf)
      .find((text) => text.includes('2024年3月10日'))!
      .replace(/^\s*— \d+ —\s*$/gm, '');
    const before = page.slice(0, page.indexOf('中共河北省委办公厅')).replace(/\s/g, '');
    assert.notEqual(before, '', 'the signature starts its page');
  });

  test('the long URL and the 60-character string break inside the text block, with no line spread before them', () => {
    // The pages' text without page numbers and note marks (MuPDF reads a superscript after its line), which may fall inside a string broken across pages.
    const text = pageTexts(pdf)
      .map((page) => page.replace(/^\s*— \d+ —\s*$/gm, ''))
      .join('')
      .replace(/[\u2460-\u2473\s]/gu, '');
    assert.ok(text.includes('https://www.gov.cn/zhengce/content/2024-03/15/content_6939000_very_long_path_segment.htm'));
    assert.ok(text.includes('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwx'));
    // A spread line would show as runs of spaces between Han characters in MuPDF's text.
    for (const page of pageTexts(pdf)) assert.doesNotMatch(page, /\p{Script=Han} {2,}\p{Script=Han}/u);
  });
});

describe('the geometric check (block-overflow)', () => {
  test('a paragraph forced wider than the text area is reported at its source line', async () => {
    const dir = await workspace({ '903': FIXTURE });
    // An edition whose style sheet keeps one paragraph on one line: its text runs past the margin, though every character is in the DOM.
    const editions = await scratchDir('build-issue-editions-');
    for (const folder of ['templates/2023', 'styles/2023', 'fonts'])
      await cp(path.join(ROOT, folder), path.join(editions, folder), { recursive: true });
    await writeFile(path.join(editions, 'styles', '2023', '99-overflow.css'), '.article-body p[data-line="25"] { white-space: nowrap; }\n');
    const run = await cli(['903'], dir, { BUILD_ISSUE_EDITIONS: editions });
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /^issues\/903\/issue\.md:25 block-overflow on page 2, this block reaches \d+\.\d pt beyond the text area/m);
    assert.doesNotMatch(run.stderr, /block-hidden|block-truncated/);
  });
});
