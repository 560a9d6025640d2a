/**
 * The YAML parser's errors in front matter, as an editor reads them
 * (stages/load/yaml-errors.ts): a Chinese (and English) sentence saying what
 * is wrong, at the line and column to fix, the parser's own words quoted
 * after it.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseIssueMeta } from '../../src/stages/load/front-matter.js';
import { cli, workspace } from '../helpers/build.js';

/** Front matter as in a file: its first line is the file's line 2, after `---`. */
const META = [
  'serial: 453',
  'year: 2023',
  'number: 9',
  'date: 2023-09-20',
  'distribution:',
  '  report: 省委常委会',
  '  send: 各市',
  'print_run: 2000',
];

/** The one diagnostic of front matter whose line `at` (of the file) reads `line` instead. */
function slip(at: number, line: string) {
  const yaml = META.toSpliced(at - 2, 1, line).join('\n');
  const { diagnostics } = parseIssueMeta(yaml, 'issues/453/issue.md', { folderSerial: '453', defaultEdition: '2023' });
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  const [d] = diagnostics;
  assert.equal(d!.rule, 'yaml-syntax');
  assert.match(d!.message.zh, /（YAML 解析器原文：“[^”]+”）$/, 'the parser’s words quoted after the explanation');
  assert.match(d!.message.en, / \(the YAML parser says: “[^”]+”\)$/);
  return { line: d!.line, column: d!.column, zh: d!.message.zh, en: d!.message.en };
}

describe('a YAML slip in front matter', () => {
  test('a field written twice names the field and where it was first', () => {
    const d = slip(4, 'year: 2024');
    assert.deepEqual([d.line, d.column], [4, 1]);
    assert.match(d.zh, /^字段“year”写了两次（第一次在第 3 行）；请删去多余的一个/);
    assert.match(d.en, /^the field “year” is written twice \(first on line 3\); remove one of them/);
  });

  test('a tab for indentation says to use spaces', () => {
    const d = slip(7, '\treport: 省委常委会');
    assert.deepEqual([d.line, d.column], [7, 1]);
    assert.match(d.zh, /^这一行用 Tab 键缩进了；YAML 只认空格，请把 Tab 换成空格/);
  });

  test('a quote left open is reported where it opens, not where the parser gave up', () => {
    const d = slip(5, 'date: "2023-09-20');
    assert.deepEqual([d.line, d.column], [5, 7]);
    assert.match(d.zh, /^这个值的引号 " 没有收尾的 "；请在值的末尾补上，或者去掉开头的引号/);
    assert.deepEqual([slip(5, "date: '2023-09-20").line, slip(5, "date: '2023-09-20").column], [5, 7]);
  });

  test('a bracket left open is reported where it opens', () => {
    const d = slip(3, 'year: [2023');
    assert.deepEqual([d.line, d.column], [3, 7]);
    assert.match(d.zh, /^这里的括号“\[”或“\{”没有配对的“\]”或“\}”/);
  });

  test('a line indented further than the one before is reported at that line', () => {
    const d = slip(4, ' number: 9');
    assert.deepEqual([d.line, d.column], [4, 2]);
    assert.match(d.zh, /^这一行比上一行多缩进了；若是新的字段，请与上一行对齐/);
  });

  test('fields of one level not aligned', () => {
    const d = slip(8, ' send: 各市');
    assert.equal(d.line, 8);
    assert.match(d.zh, /^这一行的缩进和同一层的其他行不一样/);
  });

  test('a full-width colon, and a missing colon', () => {
    const fullWidth = slip(4, 'number：9');
    assert.equal(fullWidth.line, 4);
    assert.match(fullWidth.zh, /^这一行用了全角冒号“：”；字段名后面要用半角冒号加一个空格“: ”/);
    assert.match(slip(8, '  send:各市').zh, /^这一行不是“字段: 值”/);
  });

  test('“: ” inside a value says to quote the value', () => {
    const d = slip(7, '  report: 报: 省委常委会');
    assert.deepEqual([d.line, d.column], [7, 11]);
    assert.match(d.zh, /^“report”的值里有“: ”；请给整个值加上引号/);
  });

  test('a value starting with a reserved character says to quote it', () => {
    assert.match(slip(9, 'print_run: @2000').zh, /^值不能以“@”开头；请给整个值加上引号/);
  });
});

test('the CLI says it in Chinese by default, naming the file and line, with the line under it', async () => {
  const dir = await workspace();
  const file = path.join(dir, 'issues', '453', 'issue.md');
  await writeFile(file, (await readFile(file, 'utf8')).replace('\nyear: 2023\n', '\nyear: 2023\nyear: 2024\n'));
  const run = await cli(['lint', '453'], dir, { BUILD_ISSUE_LANG: undefined });
  assert.equal(run.code, 1);
  assert.match(
    run.stderr,
    /^issues\/453\/issue\.md:5:1 yaml-syntax 字段“year”写了两次（第一次在第 4 行）；请删去多余的一个（YAML 解析器原文：“Map keys must be unique”）$/m,
  );
  assert.match(run.stderr, /^ 5 \| year: 2024$/m);
});
