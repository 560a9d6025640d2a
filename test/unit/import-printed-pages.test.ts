/** The printed original's record in the front matter, and the comparison of a layout's pages with it. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseIssueMeta } from '../../src/stages/load/front-matter.js';
import { loadIssue } from '../../src/stages/load/load-issue.js';
import { pairTocEntries } from '../../src/stages/load/printed-record.js';
import type { IssueDocument } from '../../src/stages/load/types.js';
import { comparePrintedPages } from '../../src/stages/verify/printed-pages.js';
import { ROOT } from '../helpers/build.js';

/** Front matter without a printed record, one line per field. */
const META = 'serial: 453\nyear: 2023\nnumber: 9\ndate: 2023-09-20\ndistribution: { report: 省委常委会, send: 各市 }\nprint_run: 2000\n';
const meta = (yaml: string) => parseIssueMeta(yaml, 'issues/453/issue.md', { folderSerial: '453', defaultEdition: '2023' });

async function issue453(): Promise<IssueDocument> {
  const loaded = await loadIssue('453', { issuesDir: path.join(ROOT, 'issues'), rootDir: ROOT, defaultEdition: '2023' });
  assert.deepEqual(loaded.diagnostics, []);
  return loaded.value!;
}

/** The pages issue 453 was printed with: a1 … a6. */
const PRINTED = { a1: 2, a2: 3, a3: 5, a4: 7, a5: 12, a6: 14 };

describe('the printed record in front matter', () => {
  test('is optional, and read when present', () => {
    assert.equal(meta(META).value?.printed, undefined);
    const read = meta(
      `${META}printed:\n  toc:\n    - title: 标题\n      byline: 某某\n      page: 02\n  page_breaks:\n    - page: 3\n      after: 深入学\n`,
    );
    assert.deepEqual(read.diagnostics, []);
    assert.deepEqual(read.value?.printed, {
      toc: [{ title: '标题', byline: '某某', page: 2 }],
      pageBreaks: [{ page: 3, after: '深入学' }],
    });
  });

  test('a wrong entry is reported at its own line, naming the field', () => {
    const read = meta(`${META}printed:\n  toc:\n    - title: 标题\n      page: 五\n`);
    assert.equal(read.value, undefined);
    assert.deepEqual(
      read.diagnostics.map((d) => [d.rule, d.line]),
      [['field-type', 11]],
    );
    assert.match(read.diagnostics[0]!.message.en, /printed\.toc\.0\.page/);
  });

  test('unknown keys and a toc that is not a list are rejected', () => {
    const rules = meta(`${META}printed:\n  toc: 标题\n  pages: 16\n`).diagnostics.map((d) => d.rule);
    assert.deepEqual(rules.sort(), ['field-type', 'unknown-field']);
  });

  test('issue 453 carries the pages of its printed TOC', async () => {
    assert.deepEqual(
      (await issue453()).meta.printed?.toc.map((e) => e.page),
      Object.values(PRINTED),
    );
  });
});

describe('pairing printed TOC entries with titles', () => {
  test('finds a title whose entry runs the subtitle on after it, whatever the spacing and dashes', () => {
    assert.deepEqual(
      pairTocEntries(['彰显理论价值 凝聚实践伟力——《新阶段》出版发行', '总结暨 部署'], ['总结 暨部署', '彰显理论价值凝聚实践伟力']),
      [1, 0],
    );
  });

  test('gives an entry the longest title it names, and each title to one entry', () => {
    assert.deepEqual(pairTocEntries(['学习贯彻', '学习贯彻精神'], ['学习', '学习贯彻精神', '学习贯彻']), [2, 1]);
    assert.deepEqual(pairTocEntries(['无关'], ['学习']), [-1]);
  });
});

describe('comparing start pages with the printed original', () => {
  test('says nothing when every article starts where it did in print', async () => {
    assert.deepEqual(comparePrintedPages(await issue453(), { articles: PRINTED }, { strict: true }), []);
  });

  test('reports each article that moved, at its title line: a warning, or an error when strict', async () => {
    const doc = await issue453();
    const moved = { ...PRINTED, a3: 6, a6: 15 };
    const warnings = comparePrintedPages(doc, { articles: moved }, { strict: false });
    assert.deepEqual(
      warnings.map((d) => [d.severity, d.rule, d.line]),
      [
        ['warning', 'printed-page-differs', doc.columns[1]!.articles[0]!.position.line],
        ['warning', 'printed-page-differs', doc.columns[3]!.articles[0]!.position.line],
      ],
    );
    assert.match(warnings[0]!.message.en, /starts on page 6; the printed issue has it on page 5/);
    assert.deepEqual(
      comparePrintedPages(doc, { articles: moved }, { strict: true }).map((d) => d.severity),
      ['error', 'error'],
    );
  });

  test('reports a printed entry that names no article, and an article the printed TOC lacks', async () => {
    const doc = await issue453();
    const retitled = structuredClone(doc);
    retitled.columns[0]!.articles[0]!.title = '另一个标题';
    const found = comparePrintedPages(retitled, { articles: PRINTED }, { strict: false });
    assert.deepEqual(
      found.map((d) => d.rule),
      ['printed-toc-unmatched', 'printed-toc-missing'],
    );
    assert.match(found[0]!.message.en, /中宣部中组部印发意见/);
  });

  test('an issue without a printed record is not compared', async () => {
    const doc = await issue453();
    const { printed: _printed, ...rest } = doc.meta;
    assert.deepEqual(comparePrintedPages({ ...doc, meta: rest }, { articles: {} }, { strict: true }), []);
  });
});
