/**
 * The layout audit catches each kind of breach. Each fixture is a tiny laid-out
 * page (the DOM shape Paged.js leaves: .pagedjs_page > .pagedjs_page_content)
 * whose CSS forces the breach, set in the house's own body font; the audit runs
 * in Chromium on it exactly as --check runs it on a real issue.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import subsetFont from 'subset-font';
import type { Chromium } from '../../src/browser/launch.js';
import { auditDisplayLines, auditPages } from '../../src/stages/paginate/audit.js';
import { pageScript } from '../../src/stages/render/page-script.js';
import { ROOT } from '../helpers/build.js';
import { startChromium } from '../helpers/chromium.js';

const SONG = path.join(ROOT, 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');

/** Body text 20px on a 5-character measure, unless a case says otherwise. */
const BASE = `
  :root { --pitch: 30px; }
  body { margin: 0; }
  .pagedjs_page_content { width: 100px; height: 600px; font: 20px/30px Song; text-align: justify; line-break: strict; text-spacing-trim: trim-start; text-autospace: normal; }
  p, h2 { margin: 0; font-size: 20px; }
`;

function page(blocks: string, css = ''): string {
  return `<!DOCTYPE html><html lang="zh-Hans"><head><style>@font-face { font-family: Song; src: url(data:font/ttf;base64,FONT); } ${BASE} ${css}</style></head>
  <body><div class="pagedjs_pages"><div class="pagedjs_page" data-page-number="1"><div class="pagedjs_page_content"><div class="article-body">${blocks}</div></div></div></div></body></html>`;
}

const CASES: Array<{ rule: string; html: string }> = [
  { rule: 'line-start', html: page('<p data-block="b1">一二三四五，六七</p>', 'p { line-break: anywhere; }') },
  { rule: 'line-end', html: page('<p data-block="b1">一二三四“五六</p>', 'p { line-break: anywhere; }') },
  { rule: 'single-char-line', html: page('<p data-block="b1">一二三四五六</p>') },
  { rule: 'orphan', html: page('<p data-block="b1" data-split-to="x">一二三</p>') },
  { rule: 'widow', html: page('<p data-block="b1" data-split-from="x">一二三</p>') },
  { rule: 'heading-alone', html: page('<p data-block="b1">一二三四五六七八</p><h2 class="snap" data-block="b2">标题</h2>') },
  { rule: 'punct-compression', html: page('<p data-block="b1">一”；二三</p>', 'p { text-spacing-trim: space-all; }') },
  { rule: 'punct-line-start', html: page('<p data-block="b1">一二三四五“六七”八</p>', 'p { text-spacing-trim: space-all; }') },
  { rule: 'punct-line-end', html: page('<p data-block="b1">一二三四，五六七</p>', 'p { text-spacing-trim: space-all; }') },
  { rule: 'latin-spacing', html: page('<p data-block="b1">一二A三四</p>', 'p { text-autospace: no-autospace; }') },
  { rule: 'off-grid', html: page('<p data-block="b1">一二三四</p><p data-block="b2" style="margin-top: 7px">五六七八</p>') },
  { rule: 'line-indent', html: page('<p data-block="b1">一二三四五六七</p>', 'p { text-align: center; text-align-last: center; }') },
];

/** Display lines (src/page/display-audit.ts): the render stage's <wbr> between phrases, set with keep-all. */
const DISPLAY = 'h2 { word-break: keep-all; }';
const DISPLAY_CASES: Array<{ rule: string; html: string }> = [
  { rule: 'display-break', html: page('<h2 class="title" data-block="b1">一二三四五六七</h2>', 'h2 { word-break: normal; }') },
  { rule: 'display-single-char', html: page('<h2 class="section" data-block="b1">一二三四五<wbr>六</h2>', DISPLAY) },
  { rule: 'display-uneven', html: page('<h2 class="title" data-block="b1">一二三<wbr>四五<wbr>六七</h2>', DISPLAY) },
];

describe('layout audit', () => {
  let chromium: Chromium;
  let tab: Page;
  let font: string;

  before(async () => {
    chromium = await startChromium();
    tab = await chromium.browser.newPage();
    font = (await subsetFont(await readFile(SONG), '一二三四五六七八标题，；“”A', { targetFormat: 'truetype' })).toString('base64');
  });
  after(async () => chromium?.close());

  const audit = async (html: string) => {
    await tab.setContent(html.replace('FONT', font), { waitUntil: 'load' });
    await tab.evaluate('document.fonts.ready');
    // The page script an issue's HTML carries, which holds the audit.
    await tab.addScriptTag({ content: await pageScript() });
    return auditPages(tab);
  };

  for (const { rule, html } of CASES) {
    test(`finds ${rule}`, async () => {
      const findings = await audit(html);
      assert.ok(
        findings.some((f) => f.rule === rule),
        `expected ${rule}, found ${JSON.stringify(findings)}`,
      );
      assert.ok(findings.every((f) => f.page === 1));
    });
  }

  for (const { rule, html } of DISPLAY_CASES) {
    test(`finds ${rule}`, async () => {
      await audit(html);
      const findings = await auditDisplayLines(tab);
      assert.ok(
        findings.some((f) => f.rule === rule && f.block === 'b1' && f.page === 1),
        `expected ${rule}, found ${JSON.stringify(findings)}`,
      );
    });
  }

  test('finds nothing in a headline broken between phrases, as even as they allow', async () => {
    await audit(
      page('<h2 class="title" data-block="b1">一二三<wbr>四五六七</h2><h2 class="title" data-block="b2">一二三四五<wbr>六七</h2>', DISPLAY),
    );
    assert.deepEqual(await auditDisplayLines(tab), []);
  });

  test('finds nothing on a page set by the rules', async () => {
    const findings = await audit(page('<p data-block="b1">一二三四五六七八</p><p data-block="b2">一二三四五</p>'));
    assert.deepEqual(findings, []);
  });
});
