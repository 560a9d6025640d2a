/**
 * The render stage glues characters together only where Chromium would
 * otherwise break a line (render/cjk-text.ts). This asks Chromium, with the
 * house style's text settings, where it breaks before each mark that must not
 * start a line, after a wide range of characters, and checks that the glue
 * covers every one of those places.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Chromium } from '../../src/browser/launch.js';
import { takeLayoutPage, writeIssue } from '../../src/browser/layout-pages.js';
import { CLOSING_MARKS, NO_LINE_END, NO_LINE_START } from '../../src/page/marks.js';
import { segmentForLineBreaking } from '../../src/stages/render/cjk-text.js';
import { cli, ROOT, workspace } from '../helpers/build.js';
import { startChromium } from '../helpers/chromium.js';
import { copyIssue } from '../helpers/issues.js';

const BEFORE_MARK = [
  ...new Set([
    '字',
    '𪚥',
    'a',
    'Z',
    '1',
    '9',
    ...'"\'()[]<>%.,;:!?-/&#*+=_~',
    ...NO_LINE_START,
    ...CLOSING_MARKS,
    ...NO_LINE_END,
    '～',
    '①',
    'α',
    'ー',
    'あ',
  ]),
];
/** What surrounds the pair: Chromium's rules for quotation marks look at their neighbours. */
const CONTEXTS = [
  ['字', '字'],
  ['a', 'a'],
  ['，', '字'],
  ['字', '“'],
] as const;

interface Probe {
  text: string;
  /** Index, in code points, of the mark: a break is between it and the character before. */
  at: number;
}

/** The probes Chromium breaks at, set one character to a line in a paragraph of an article. */
function breaksIn(probes: Probe[]): string {
  return `(() => {
    const probes = ${JSON.stringify(probes)};
    const paragraph = document.createElement('p');
    paragraph.style.width = '1px';
    document.querySelector('.article-body').append(paragraph);
    const range = document.createRange();
    const top = (node, from, to) => { range.setStart(node, from); range.setEnd(node, to); return range.getBoundingClientRect().top; };
    const broken = probes.filter(({ text, at }) => {
      paragraph.textContent = text;
      const chars = Array.from(text);
      const start = chars.slice(0, at - 1).join('').length;
      const mark = start + chars[at - 1].length;
      return top(paragraph.firstChild, start, mark) !== top(paragraph.firstChild, mark, mark + chars[at].length);
    });
    paragraph.remove();
    return broken;
  })()`;
}

/** Whether the glue keeps chars[at - 1] and chars[at] on one line. */
function glued({ text, at }: Probe): boolean {
  let offset = 0;
  for (const segment of segmentForLineBreaking(text, { paragraphEnd: false })) {
    const length = [...segment.text].length;
    if (segment.glued && offset < at && at < offset + length) return true;
    offset += length;
  }
  return false;
}

describe('line-breaking glue against Chromium', () => {
  let chromium: Chromium;
  let html: string;

  before(async () => {
    const dir = await workspace();
    await copyIssue(dir, path.join(ROOT, 'test', 'fixtures', 'batch', 'short', 'issue.md'), '501');
    const run = await cli(['501', '--keep-html'], dir);
    assert.equal(run.code, 0, run.stderr);
    html = await readFile(path.join(dir, 'dist', '501.html'), 'utf8');
    chromium = await startChromium();
  });

  after(() => chromium?.close());

  test('every place Chromium would start a line with a mark that must not start one is glued', async () => {
    const probes = BEFORE_MARK.flatMap((before) =>
      [...NO_LINE_START].flatMap((mark) =>
        CONTEXTS.map(([left, right]): Probe => ({ text: `${left}${before}${mark}${right}`, at: [...left, ...before].length })),
      ),
    );
    const layoutPage = await takeLayoutPage(chromium.browser);
    await writeIssue(layoutPage, html);
    const broken = (await layoutPage.page.evaluate(breaksIn(probes))) as Probe[];
    // The probe works: Chromium breaks before a dash after a Han character (and the glue is needed).
    assert.ok(
      broken.some((p) => p.text === '字字—字'),
      `Chromium broke at ${broken.length} probes, not before 字—`,
    );
    assert.deepEqual(
      broken.filter((probe) => !glued(probe)).map((probe) => probe.text),
      [],
    );
  });
});
