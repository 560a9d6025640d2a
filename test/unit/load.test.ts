import assert from 'node:assert/strict';
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { parseIssueMeta, splitFrontMatter } from '../../src/stages/load/front-matter.js';
import { loadIssue } from '../../src/stages/load/load-issue.js';
import { ROOT } from '../helpers/build.js';
import { scratchDir } from '../helpers/scratch.js';

const META = `serial: 453
year: 2023
number: 9
date: 2023-09-20
distribution:
  report: 省委常委会
  send: 各市
print_run: 2000`;

const meta = (yaml: string) => parseIssueMeta(yaml, 'issues/453/issue.md', { folderSerial: '453', defaultEdition: '2023' });

async function loadSource(markdown: string, serial = '900') {
  const dir = await scratchDir('load-');
  await cp(path.join(ROOT, 'issues', 'publication.yaml'), path.join(dir, 'publication.yaml'));
  await cp(path.join(ROOT, 'issues', '453'), path.join(dir, serial), { recursive: true });
  await writeFile(path.join(dir, serial, 'issue.md'), markdown);
  return loadIssue(serial, { issuesDir: dir, rootDir: dir, defaultEdition: '2023' });
}

const front = (serial = '900') => `---\n${META.replace('453', serial)}\n---\n`;

describe('front matter', () => {
  test('a complete front matter gives the issue’s facts, with the default edition', () => {
    const result = meta(META);
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.value?.serial, 453);
    assert.equal(result.value?.printRun, 2000);
    assert.equal(result.value?.edition, '2023');
    assert.equal(result.value?.distribution.send, '各市');
  });

  test('a missing field is reported at the line of its parent, naming the field', () => {
    const result = meta(META.replace('print_run: 2000', ''));
    assert.equal(result.value, undefined);
    assert.equal(result.diagnostics[0]?.rule, 'missing-field');
    assert.match(result.diagnostics[0]!.message.en, /print_run/);
  });

  test('a wrong value is reported at its own line of the file', () => {
    const result = meta(META.replace('date: 2023-09-20', 'date: 2023年9月20日'));
    const d = result.diagnostics.find((x) => x.rule === 'field-format');
    assert.ok(d);
    // front matter starts on line 2 of the file; date is its 4th line.
    assert.equal(d.line, 5);
    assert.equal(formatDiagnostic(d, 'en').startsWith('issues/453/issue.md:5:'), true);
  });

  test('an unknown field is a typo until proven otherwise', () => {
    const result = meta(`${META}\nprint_runs: 3`);
    assert.equal(result.diagnostics[0]?.rule, 'unknown-field');
    assert.equal(result.diagnostics[0]?.line, 10);
  });

  test('a serial that disagrees with the folder is rejected', () => {
    const result = parseIssueMeta(META, 'f.md', { folderSerial: '454', defaultEdition: '2023' });
    assert.equal(result.diagnostics[0]?.rule, 'serial-mismatch');
  });

  test('YAML syntax errors carry the file line', () => {
    const result = meta('serial: 453\nyear: [2023\n');
    assert.equal(result.diagnostics[0]?.rule, 'yaml-syntax');
    assert.ok((result.diagnostics[0]?.line ?? 0) >= 2);
  });

  test('a file without front matter is told how to start', () => {
    const result = splitFrontMatter('# 学习动态\n', 'x.md');
    assert.equal(result.diagnostics[0]?.rule, 'front-matter-missing');
    assert.equal(result.diagnostics[0]?.line, 1);
  });
});

describe('issue structure', () => {
  test('columns, articles, subtitle and byline are read from the conventions', async () => {
    const result = await loadSource(
      `${front()}\n# ●学习动态\n\n## 标题一\n副题：——副题\n作者：某某\n\n正文。\n\n### 小标题\n\n**加粗。**正文。\n`,
    );
    assert.deepEqual(result.diagnostics, []);
    const column = result.value!.columns[0]!;
    assert.equal(column.name, '学习动态');
    assert.equal(column.articles[0]!.title, '标题一');
    assert.equal(column.articles[0]!.subtitle, '——副题');
    assert.equal(column.articles[0]!.byline, '某某');
    assert.equal(column.articles[0]!.position.line, 14);
  });

  test('raw HTML is rejected at its line', async () => {
    const result = await loadSource(`${front()}\n# 栏目\n\n## 标题\n\n<script>alert(1)</script>\n\n正文。\n`);
    const d = result.diagnostics.find((x) => x.rule === 'raw-html');
    assert.ok(d, 'raw HTML not reported');
    assert.equal(d.line, 16);
  });

  test('inline raw HTML is rejected too', async () => {
    const result = await loadSource(`${front()}\n# 栏目\n\n## 标题\n\n正文<img src=x onerror=alert(1)>。\n`);
    assert.ok(result.diagnostics.some((x) => x.rule === 'raw-html' && x.line === 16));
  });

  test('text before the first column, code blocks and deep headings are each rejected with a hint', async () => {
    const result = await loadSource(`${front()}\n正文。\n\n# 栏目\n\n## 标题\n\n    代码\n\n#### 深\n\n正文。\n`);
    const rules = result.diagnostics.map((d) => `${d.rule}@${d.line}`);
    assert.deepEqual(rules, ['content-before-column@12', 'unsupported-markdown@18', 'heading-depth@20']);
  });

  test('a byline away from the title is misplaced', async () => {
    const result = await loadSource(`${front()}\n# 栏目\n\n## 标题\n\n正文。\n\n作者：某某\n`);
    assert.equal(result.diagnostics[0]?.rule, 'misplaced-meta');
    assert.equal(result.diagnostics[0]?.line, 18);
  });

  test('a missing issue lists the issues that exist', async () => {
    const result = await loadIssue('999', { issuesDir: path.join(ROOT, 'issues'), rootDir: ROOT, defaultEdition: '2023' });
    assert.equal(result.diagnostics[0]?.rule, 'issue-missing');
    assert.match(result.diagnostics[0]!.message.en, /453/);
  });

  test('issue 453 loads clean: 4 columns, 6 articles', async () => {
    const result = await loadIssue('453', { issuesDir: path.join(ROOT, 'issues'), rootDir: ROOT, defaultEdition: '2023' });
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(
      result.value!.columns.map((c) => c.name),
      ['学习动态', '学思践悟', '工作经验交流', '它山之石'],
    );
    assert.equal(result.value!.columns.flatMap((c) => c.articles).length, 6);
  });
});
