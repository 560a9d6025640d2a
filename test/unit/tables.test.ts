/**
 * Tables in the issue format (docs/editors.md, Tables): merged cells written
 * with “^” and “<”, the caption line above a table, and the HTML the render
 * stage makes of them; a malformed merge stops the build at its cell.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Table } from 'mdast';
import { parseMarkdown } from '../../src/stages/load/parse-markdown.js';
import { readStructure } from '../../src/stages/load/structure.js';
import { captionLabel, continuedLabel } from '../../src/stages/load/table-caption.js';
import { tableGrid } from '../../src/stages/load/table-grid.js';
import { blockCounter, markdownToHtml } from '../../src/stages/render/markdown-to-html.js';

const ARTICLE = '# 栏目\n\n## 标题\n\n正文。\n\n';
/** Line of the first line after ARTICLE. */
const FIRST = 7;

const tableOf = (markdown: string) => parseMarkdown(markdown).children.find((node): node is Table => node.type === 'table')!;

/** Each printed cell as text@row,column and its spans (“×rows×columns” when merged). */
function cells(markdown: string): string[][] {
  return tableGrid(tableOf(markdown)).rows.map((row) =>
    row.map((cell) => {
      const text = cell.node?.children.map((child) => ('value' in child ? child.value : '')).join('') ?? '';
      const spans = cell.rowSpan > 1 || cell.colSpan > 1 ? `×${cell.rowSpan}×${cell.colSpan}` : '';
      return `${text}@${cell.row},${cell.column}${spans}`;
    }),
  );
}

const diagnosticsOf = (snippet: string) =>
  readStructure(parseMarkdown(ARTICLE + snippet), 'issue.md').diagnostics.map((d) => `${d.rule}@${d.line}:${d.column}`);

async function htmlOf(snippet: string) {
  const loaded = readStructure(parseMarkdown(ARTICLE + snippet), 'issue.md');
  assert.deepEqual(loaded.diagnostics, []);
  const counter = blockCounter();
  const html = await markdownToHtml(loaded.value![0]!.articles[0]!.body, counter);
  // Without the line-breaking glue (render/cjk-text.ts), which is not this test's.
  return { html: html.replace(/<span class="nb">([^<]*)<\/span>/g, '$1'), blocks: counter.blocks };
}

describe('merged cells', () => {
  test('“^” merges a cell into the one above it, “<” into the one on its left', () => {
    const markdown = [
      '| 类别 | 指标 | 单位 |',
      '| --- | --- | --- |',
      '| 一、知识产权保护方面（共3项） | < | < |',
      '| 制度建设 | 快速维权 | 省市场监管局 |',
      '| ^ | 纠纷调解 | ^ |',
      '| ^ | 信用评价 | 省知识产权局 |',
    ].join('\n');
    assert.deepEqual(cells(markdown), [
      ['类别@0,0', '指标@0,1', '单位@0,2'],
      ['一、知识产权保护方面（共3项）@1,0×1×3'],
      ['制度建设@2,0×3×1', '快速维权@2,1', '省市场监管局@2,2×2×1'],
      ['纠纷调解@3,1'],
      ['信用评价@4,1', '省知识产权局@4,2'],
    ]);
  });

  test('a merged cell may span rows and columns at once, as a rectangle', () => {
    const markdown = '| 甲 | 乙 | 丙 |\n| --- | --- | --- |\n| 合并 | < | 1 |\n| ^ | ^ | 2 |\n';
    assert.deepEqual(cells(markdown), [['甲@0,0', '乙@0,1', '丙@0,2'], ['合并@1,0×2×2', '1@1,2'], ['2@2,2']]);
    assert.deepEqual(tableGrid(tableOf(markdown)).problems, []);
  });

  test('the full-width marks ＾ and ＜ merge as ^ and < do', () => {
    assert.deepEqual(cells('| 甲 | 乙 |\n| --- | --- |\n| 合计 | ＜ |\n| 1 | 2 |\n| ＾ | 3 |\n'), [
      ['甲@0,0', '乙@0,1'],
      ['合计@1,0×1×2'],
      ['1@2,0×2×1', '2@2,1'],
      ['3@3,1'],
    ]);
  });

  test('a short row prints empty cells for those it leaves out; a cell holding more than the mark is text', () => {
    assert.deepEqual(cells('| 甲 | 乙 |\n| --- | --- |\n| ^ 注 |\n'), [
      ['甲@0,0', '乙@0,1'],
      ['^ 注@1,0', '@1,1'],
    ]);
  });

  const cases: Array<[string, string, string, number, number, RegExp]> = [
    ['“^” in the header row', '| 甲 | ^ |\n| --- | --- |\n| 1 | 2 |\n', 'table-merge', FIRST, 7, /header row has no cell above/],
    ['“^” in the first body row', '| 甲 | 乙 |\n| --- | --- |\n| ^ | 2 |\n', 'table-merge', FIRST + 2, 3, /merge it with the header row/],
    [
      '“<” in the first column',
      '| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n| < | 3 |\n',
      'table-merge',
      FIRST + 3,
      3,
      /first column has no cell to its left/,
    ],
    [
      '“^” under only part of a merged cell',
      '| 甲 | 乙 |\n| --- | --- |\n| 合并 | < |\n| 1 | ^ |\n',
      'table-merge',
      FIRST + 3,
      7,
      /no rectangle/,
    ],
    [
      '“^” leaving part of a merged cell behind',
      '| 甲 | 乙 |\n| --- | --- |\n| 合并 | < |\n| ^ | 2 |\n',
      'table-merge',
      FIRST + 3,
      7,
      /spans 2 columns here/,
    ],
    [
      '“<” widening a cell merged down',
      '| 甲 | 乙 | 丙 |\n| --- | --- | --- |\n| 合并 | 1 | 2 |\n| ^ | < | 3 |\n',
      'table-merge',
      FIRST + 3,
      7,
      /no rectangle/,
    ],
    [
      'more cells than the header',
      '| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 | 3 |\n',
      'table-row-cells',
      FIRST + 2,
      11,
      /3 cells, the header 2/,
    ],
  ];
  for (const [name, snippet, rule, line, column, message] of cases) {
    test(`${name} is reported at its cell (${rule}), with what to write instead`, () => {
      const diagnostics = readStructure(parseMarkdown(ARTICLE + snippet), 'issue.md').diagnostics;
      assert.deepEqual(
        diagnostics.map((d) => `${d.rule}@${d.line}:${d.column}`),
        [`${rule}@${line}:${column}`],
      );
      assert.match(diagnostics[0]!.message.en, message);
      assert.match(diagnostics[0]!.message.en, /; (write|remove)/, 'a hint follows the problem');
    });
  }

  test('a well-formed table has no diagnostics', () => {
    assert.deepEqual(diagnosticsOf('表1　任务\n\n| 序号 | 举措 |\n| --- | --- |\n| 1 | 甲 |\n| ^ | 乙 |\n'), []);
  });
});

describe('table captions', () => {
  test('a line that names a table is its caption, with the label a continuation page prints', () => {
    assert.equal(captionLabel('表1　2024年重点任务'), '表1');
    assert.equal(captionLabel('表 2-1 分工'), '表2-1');
    assert.equal(captionLabel('附表：考核指标'), '附表');
    assert.equal(captionLabel('附表3 评分'), '附表3');
    assert.equal(captionLabel('表一　指标'), '表一');
    assert.equal(continuedLabel('表1'), '续表1');
    assert.equal(continuedLabel(undefined), '续表');
  });

  test('a sentence that begins with 表 is no caption', () => {
    assert.equal(captionLabel('表彰先进，树立典型。'), undefined);
    assert.equal(captionLabel('表1显示，任务均已完成。'), undefined);
    assert.equal(captionLabel('表1　任务\n第二行'), undefined);
  });
});

describe('tables in HTML', () => {
  test('merged cells span, each cell carries its line and column, and the marks do not print', async () => {
    const { html } = await htmlOf('| 类别 | 指标 |\n| --- | --- |\n| 一、方面 | < |\n| 制度 | 维权 |\n| ^ | 调解 |\n');
    assert.match(html, /<td colspan="2" class="align-left first" data-line="9" data-column="0"[^>]*>一、方面<\/td>/);
    assert.match(html, /<td rowspan="2" class="align-left first" data-line="10" data-column="0"[^>]*>制度<\/td>/);
    assert.match(html, /<td class="align-left" data-line="11" data-column="1"[^>]*>调解<\/td>/);
    assert.doesNotMatch(html.replace(/<[^>]+>/g, ''), /[\^<|]/);
  });

  test('each cell is a block of its own, tracked by its source line; the table is not one', async () => {
    const { html, blocks } = await htmlOf('| 甲 | 乙 |\n| --- | --- |\n| 一 | 二 |\n');
    assert.doesNotMatch(html, /<table[^>]*data-block/);
    assert.deepEqual(
      blocks.slice(1).map((b) => `${b.line}:${b.chars}`),
      [`${FIRST}:1`, `${FIRST}:1`, `${FIRST + 2}:1`, `${FIRST + 2}:1`],
    );
  });

  test('a column of figures is aligned on the units digit; other columns start at the left, or as the delimiter row asks', async () => {
    const { html } = await htmlOf(
      '| 序号 | 分值 | 权重 | 说明 |\n| --- | --- | --- | ---: |\n| 1 | 12.5 | 15% | 甲 |\n| 2 | 1,234 | — | 乙 |\n',
    );
    assert.match(html, /<td class="align-number[^"]*"[^>]*><span class="units">12<\/span><span class="decimals">.5<\/span><\/td>/);
    assert.match(html, /<td class="align-number[^"]*"[^>]*><span class="units">15<\/span><span class="decimals">%<\/span><\/td>/);
    assert.match(html, /<td class="align-center"[^>]*>—<\/td>/, 'a dash in a column of figures is centred');
    assert.match(html, /<td class="align-right"[^>]*>甲<\/td>/);
    assert.match(html, /<th class="align-center first"/);
  });

  test('a caption above the table is marked to go with it, and names the 续表 line', async () => {
    const { html } = await htmlOf('表1　重点任务\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n');
    assert.match(html, /<p [^>]*class="table-caption snap">/);
    assert.match(html, /<table class="table" data-continued="续表1"/);
    const plain = await htmlOf('正文在前。\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n');
    assert.match(plain.html, /<table class="table after-text" data-continued="续表"/);
  });

  test('a table whose first row is empty has no header row', async () => {
    const { html } = await htmlOf('| | |\n| --- | --- |\n| 1 | 2 |\n');
    assert.doesNotMatch(html, /<thead>|<th/);
  });
});
