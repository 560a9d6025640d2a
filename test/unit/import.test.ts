/**
 * `build-issue import`, through its stage function: the seed (the conversion
 * issues/453 was made from by hand) and a conversion of our own that uses
 * other heading levels, other TOC leaders and other splits.
 */
import assert from 'node:assert/strict';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Diagnostic } from '../../src/diagnostics.js';
import { importConversion } from '../../src/stages/import/import-conversion.js';
import { duplicatedFragment } from '../../src/stages/import/page-breaks.js';
import { writeImportedIssue } from '../../src/stages/import/write-folder.js';
import { issueMarkdown } from '../../src/stages/import/write-issue.js';
import { loadIssue } from '../../src/stages/load/load-issue.js';
import { parsePublication } from '../../src/stages/load/publication.js';
import { tableGrid } from '../../src/stages/load/table-grid.js';
import type { IssueDocument, Publication } from '../../src/stages/load/types.js';
import { ROOT } from '../helpers/build.js';
import { scratchDir } from '../helpers/scratch.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'import');
const SEED = path.join(FIXTURES, 'seed-453.txt');
const OTHER = path.join(FIXTURES, 'other-levels.md');
const FORMS = path.join(FIXTURES, 'tables-forms.md');

const projectPublication = async (): Promise<Publication> =>
  parsePublication(await readFile(path.join(ROOT, 'issues', 'publication.yaml'), 'utf8'), 'publication.yaml').value!;

async function imported(file: string, publication?: Publication) {
  const result = importConversion(await readFile(file, 'utf8'), { file: path.basename(file), publication });
  assert.deepEqual(result.diagnostics, []);
  return result.value!;
}

/** Imports into a fresh issues/ folder (with the project's publication.yaml, or none), applies `edit` to issue.md, loads it. */
async function importAndLoad(file: string, options: { withPublication: boolean; edit?: (markdown: string) => string }) {
  const dir = await scratchDir('import-');
  const issuesDir = path.join(dir, 'issues');
  await mkdir(issuesDir);
  if (options.withPublication) await cp(path.join(ROOT, 'issues', 'publication.yaml'), path.join(issuesDir, 'publication.yaml'));
  const issue = await imported(file, options.withPublication ? await projectPublication() : undefined);
  const written = await writeImportedIssue(issue, { issuesDir, rootDir: dir, conversion: path.basename(file) });
  const issueFile = path.join(issuesDir, String(issue.meta.serial), 'issue.md');
  if (options.edit) await writeFile(issueFile, options.edit(await readFile(issueFile, 'utf8')));
  const loaded = await loadIssue(String(issue.meta.serial), { issuesDir, rootDir: dir, defaultEdition: '2023' });
  assert.deepEqual(loaded.diagnostics, []);
  return { issue, written: written.value!, issuesDir, doc: loaded.value!, markdown: await readFile(issueFile, 'utf8') };
}

const rules = (report: readonly Diagnostic[], rule: string) => report.filter((d) => d.rule === rule);
const at = (report: readonly Diagnostic[], rule: string) => rules(report, rule).map((d) => `${d.line}:${d.column}`);

/** What an issue says, without where it was read from. */
function content(doc: IssueDocument) {
  const withoutPositions = (value: unknown) =>
    JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'position' ? undefined : v))) as unknown;
  const { positions, ...meta } = doc.meta;
  return { meta, publication: doc.publication, columns: withoutPositions(doc.columns) };
}

const bodyText = (doc: IssueDocument) => JSON.stringify(content(doc).columns);

describe('importing the seed of 453', () => {
  test('joins each paragraph a printed page split, at the line where the next page began', async () => {
    const { report, meta } = await imported(SEED);
    assert.deepEqual(at(report, 'import-joined'), [
      '62:1',
      '68:1',
      '82:1',
      '88:1',
      '100:1',
      '112:1',
      '116:1',
      '124:1',
      '128:1',
      '140:1',
      '158:1',
      '164:1',
    ]);
    assert.deepEqual(
      meta.printed.pageBreaks.map((b) => b.page),
      [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16],
    );
    assert.deepEqual(meta.printed.pageBreaks[0], { page: 4, after: '武装，牢牢把握深入学' });
  });

  test('keeps once the fragment printed on both sides of a break, and reports it', async () => {
    const { report } = await imported(SEED);
    const removed = rules(report, 'import-duplicate-removed');
    assert.equal(removed.length, 1);
    assert.equal(removed[0]!.line, 62);
    assert.match(removed[0]!.message.en, /“学”.*深入学 \| 学习贯彻.*深入学习贯彻/);
    const { doc } = await importAndLoad(SEED, { withPublication: true });
    assert.ok(bodyText(doc).includes('牢牢把握深入学习贯彻习近平'));
    assert.ok(!bodyText(doc).includes('深入学学习'));
  });

  test('lists the English word as a suspected conversion error at its line, and leaves it', async () => {
    const { report } = await imported(SEED);
    const latin = rules(report, 'latin-word');
    assert.deepEqual(
      latin.map((d) => `${d.line}:${d.column}`),
      ['106:128'],
    );
    assert.match(latin[0]!.message.en, /“and” in Chinese text/);
    const { doc } = await importAndLoad(SEED, { withPublication: true });
    assert.ok(bodyText(doc).includes('群众的思想 and 行动统一'));
  });

  test('spaces the wrapped title as the printed TOC does, and says so', async () => {
    const { report } = await imported(SEED);
    assert.deepEqual(at(report, 'import-title-respaced'), ['50:1']);
    assert.deepEqual(
      report
        .map((d) => d.rule)
        .filter((rule, index, all) => all.indexOf(rule) === index)
        .sort(),
      ['import-duplicate-removed', 'import-joined', 'import-title-respaced', 'latin-word'],
    );
  });

  test('keeps the printed TOC in the front matter and out of the body', async () => {
    const { doc, markdown } = await importAndLoad(SEED, { withPublication: true });
    assert.deepEqual(
      doc.meta.printed?.toc.map((e) => e.page),
      [2, 3, 5, 7, 12, 14],
    );
    assert.deepEqual(doc.meta.printed?.toc[2], { title: '激发新就业群体“红色动能”', byline: '临西县委常委、组织部部长 卫建豪', page: 5 });
    const body = markdown.slice(markdown.indexOf('\n---\n', 4));
    assert.ok(!/\.{3,}|……/.test(body), 'TOC leaders left in the body');
    assert.equal(body.split('## 激发新就业群体“红色动能”').length, 2, 'a title stands twice in the body');
  });

  test('reads the masthead and footer into front matter, repeating nothing publication.yaml says', async () => {
    const { issue, markdown, written } = await importAndLoad(SEED, { withPublication: true });
    assert.deepEqual(issue.meta.distribution.report, '省委常委会、省人大常委会、省政府、省政协领导');
    assert.deepEqual(issue.publication, await projectPublication());
    assert.deepEqual(written, ['issues/453/issue.md'], 'publication.yaml rewritten');
    for (const shared of ['中共河北省委宣传部', '党内刊物', '83012929', 'lilunxuanjiang'])
      assert.ok(!markdown.includes(shared), `issue.md repeats ${shared}`);
    assert.deepEqual(rules(issue.report, 'import-publication-differs'), []);
  });

  test('into a project without publication.yaml, writes one from the masthead and footer', async () => {
    const { written, issuesDir } = await importAndLoad(SEED, { withPublication: false });
    assert.deepEqual(written, ['issues/publication.yaml', 'issues/453/issue.md']);
    const publication = parsePublication(await readFile(path.join(issuesDir, 'publication.yaml'), 'utf8'), 'publication.yaml');
    assert.deepEqual(publication.value, await projectPublication());
  });

  test('needs the editorial contacts only when there is no publication.yaml to take them from', async () => {
    const seed = await readFile(SEED, 'utf8');
    const withoutContacts = seed.slice(0, seed.indexOf('编辑：《党委中心组'));
    assert.ok(importConversion(withoutContacts, { file: 'seed', publication: await projectPublication() }).value);
    const alone = importConversion(withoutContacts, { file: 'seed' });
    assert.equal(alone.value, undefined);
    assert.deepEqual(
      alone.diagnostics.filter((d) => d.rule === 'import-missing-fact').map((d) => d.message.en.replace(/.*state /, '')),
      [
        'the editorial office (编辑：…)',
        'the office’s 电话：',
        'the office’s 地址：',
        'the office’s 传真：',
        'the office’s 邮编：',
        'the office’s 邮箱：',
      ],
    );
  });

  test('after the editor’s one fix from the report, loads to the same issue as issues/453', async () => {
    const fix = (markdown: string) => markdown.replace('思想 and 行动', '思想和行动');
    const { doc } = await importAndLoad(SEED, { withPublication: true, edit: fix });
    const handMade = await loadIssue('453', { issuesDir: path.join(ROOT, 'issues'), rootDir: ROOT, defaultEdition: '2023' });
    assert.deepEqual(content(doc), content(handMade.value!));
  });

  test('without that fix, the English word is the only difference', async () => {
    const { doc } = await importAndLoad(SEED, { withPublication: true });
    const handMade = await loadIssue('453', { issuesDir: path.join(ROOT, 'issues'), rootDir: ROOT, defaultEdition: '2023' });
    assert.notDeepEqual(content(doc), content(handMade.value!));
    assert.equal(bodyText(doc).replace('思想 and 行动', '思想和行动'), bodyText(handMade.value!));
  });
});

describe('importing a conversion with other heading levels and splits', () => {
  test('finds columns, titles, subtitle, bylines, sections and run-in heads whatever their levels', async () => {
    const { doc } = await importAndLoad(OTHER, { withPublication: true });
    assert.deepEqual(
      doc.columns.map((c) => c.name),
      ['理论前沿', '基层实践'],
    );
    const [first, second, third] = doc.columns.flatMap((c) => c.articles);
    assert.equal(first!.title, '把握新时代的历史方位');
    assert.deepEqual(
      [second!.title, second!.subtitle, second!.byline],
      ['在实践中深化认识', '——关于调查研究的几点思考', '示例市委党校 张明'],
    );
    assert.deepEqual([third!.title, third!.byline], ['社区治理的新探索', '王芳']);
    const sections = (body: typeof first) =>
      body!.body.children.filter((n) => n.type === 'heading').map((n) => JSON.stringify(n).match(/"value":"([^"]+)"/)![1]);
    assert.deepEqual(sections(first), ['一、历史方位从哪里来', '二、历史方位到哪里去']);
    assert.deepEqual(sections(third), ['组织起来', '服务上门']);
    const runIn = second!.body.children[0]!;
    assert.equal(runIn.type === 'paragraph' && runIn.children[0]!.type, 'strong', 'the bold sentence is not a run-in head');
  });

  test('reads a one-line masthead, a 目录 heading, ideographic-space footer and …… leaders', async () => {
    const { doc } = await importAndLoad(OTHER, { withPublication: false });
    assert.deepEqual(
      [doc.meta.serial, doc.meta.year, doc.meta.number, doc.meta.date, doc.meta.printRun],
      [454, 2023, 10, '2023-10-20', 500],
    );
    assert.deepEqual(doc.meta.distribution, { report: '市委常委', send: '各区委、各部门' });
    assert.deepEqual(doc.publication, {
      name: ['学习参考'],
      classification: '内部资料·注意保存',
      publishers: ['中共示例市委党校'],
      office: {
        name: '《学习参考》编辑部',
        phone: '（0000）1234567',
        address: '示例市人民路1号',
        fax: '（0000）7654321',
        postcode: '000001',
        email: 'xuexi@example.org',
      },
    });
    assert.deepEqual(doc.meta.printed?.toc, [
      { title: '把握新时代的历史方位', page: 2 },
      { title: '在实践中深化认识——关于调查研究的几点思考', byline: '示例市委党校 张明', page: 4 },
      { title: '社区治理的新探索', byline: '王芳', page: 6 },
    ]);
  });

  test('removes a two-character duplicate but keeps a doubled character that is Chinese (常 | 常感受)', async () => {
    const { issue, doc } = await importAndLoad(OTHER, { withPublication: true });
    assert.deepEqual(at(issue.report, 'import-joined'), ['33:1', '49:1', '53:1', '69:1']);
    assert.deepEqual(at(issue.report, 'import-duplicate-removed'), ['33:1']);
    assert.ok(bodyText(doc).includes('坚持问题导向，把调查研究'));
    assert.ok(bodyText(doc).includes('让群众常常感受到'));
    assert.deepEqual(
      issue.meta.printed.pageBreaks.map((b) => b.page),
      [3, 5, 6, 7],
    );
  });

  test('reports half-width punctuation and an unclosed quote at their columns, and leaves acronyms alone', async () => {
    const { report } = await imported(OTHER);
    assert.deepEqual(at(report, 'halfwidth-punctuation'), ['63:30']);
    assert.deepEqual(at(report, 'bracket-unbalanced'), ['67:5']);
    assert.deepEqual(rules(report, 'latin-word'), [], 'APP is an acronym, not a stray word');
  });

  test('into a project of another publication, reports each difference and leaves publication.yaml alone', async () => {
    const { issue, written } = await importAndLoad(OTHER, { withPublication: true });
    assert.deepEqual(written, ['issues/454/issue.md']);
    const differs = rules(issue.report, 'import-publication-differs').map((d) => d.message.en.split(' ')[3]);
    assert.deepEqual(differs, [
      'name',
      'classification',
      'publishers',
      'office.name',
      'office.phone',
      'office.address',
      'office.fax',
      'office.postcode',
      'office.email',
    ]);
  });
});

describe('importing a conversion without a printed TOC', () => {
  test('tells titles from sections by heading level, says so, and keeps no printed record', async () => {
    const other = await readFile(OTHER, 'utf8');
    const withoutToc = other.slice(0, other.indexOf('# 目 录')) + other.slice(other.indexOf('#### 【理论前沿】'));
    const result = importConversion(withoutToc, { file: 'no-toc.md' });
    const issue = result.value!;
    assert.deepEqual(rules(issue.report, 'import-no-toc').length, 1);
    assert.deepEqual(
      issue.columns.map((c) => c.articles.map((a) => a.title.text)),
      [['把握新时代的历史方位', '在实践中深化认识'], ['社区治理的新探索']],
    );
    assert.deepEqual(issue.columns[0]!.articles[0]!.body.filter((b) => b.kind === 'section').length, 2);
    assert.deepEqual(issue.meta.printed, { toc: [], pageBreaks: [] });
    assert.ok(!issueMarkdown(issue, 'no-toc.md').includes('printed:'));
  });
});

describe('a fragment repeated across a break', () => {
  test('goes when keeping it twice would cut a word', () => {
    assert.equal(duplicatedFragment('牢牢把握深入学', '学习贯彻习近平'), '学');
  });

  test('stays when the doubled character is a word as written', () => {
    assert.equal(duplicatedFragment('我的同学', '学习很好'), undefined);
    assert.equal(duplicatedFragment('我们要常', '常学习理论'), undefined);
  });

  test('is only ever Chinese characters', () => {
    assert.equal(duplicatedFragment('共印2000', '2000份'), undefined);
  });
});

describe('importing a conversion of a policy document: tables, lists, notes, a signature', () => {
  test('joins a table that printed page breaks split three ways, leaving out the page numbers, the repeated header and 续表', async () => {
    const { issue, markdown, doc } = await importAndLoad(FORMS, { withPublication: true });
    const tables = doc.columns[0]!.articles[0]!.body.children.filter((node) => node.type === 'table');
    assert.equal(tables.length, 1);
    const rows = tables[0]!.children.map((row) => row.children.map((cell) => JSON.stringify(cell).match(/"value":"([^"]*)"/)?.[1] ?? ''));
    assert.deepEqual(
      rows.map((row) => row[1]),
      ['序号', '<', '1', '2', '3', '4', '<', '5', '6', '<'],
    );
    assert.doesNotMatch(markdown, /— \d —|续表/);
    assert.deepEqual(at(issue.report, 'import-page-number'), ['47:1', '55:1', '79:1']);
    assert.deepEqual(at(issue.report, 'import-table-joined'), ['49:3', '59:2']);
    assert.match(rules(issue.report, 'import-table-joined')[0]!.message.en, /its header row repeated here left out/);
    assert.doesNotMatch(
      rules(issue.report, 'import-table-joined')[1]!.message.en,
      /header/,
      'a part without the header keeps its first row',
    );
  });

  test('writes merged cells with ^ and <, as the load stage reads them, and reports each row', async () => {
    const { issue, markdown, doc } = await importAndLoad(FORMS, { withPublication: true });
    assert.match(markdown, /^\| 一、知识产权保护方面（共4项） \| < \| < \| < \| < \|$/m);
    assert.match(markdown, /^\| \^ \| 2 \| 完善知识产权纠纷多元调解机制 \| 市司法局 \| 2024年9月 \|$/m);
    assert.match(markdown, /^\| 合计 \| < \| < \| < \| < \|$/m, 'a row with one text in every cell is one cell');
    const table = doc.columns[0]!.articles[0]!.body.children.find((node) => node.type === 'table')!;
    const grid = tableGrid(table);
    assert.deepEqual(grid.problems, []);
    assert.deepEqual(grid.rows.map((row) => row.map((cell) => `${cell.rowSpan}×${cell.colSpan}`).join(' ')).slice(1, 4), [
      '1×5',
      '2×1 1×1 1×1 1×1 1×1',
      '1×1 1×1 1×1 1×1',
    ]);
    assert.deepEqual(at(issue.report, 'import-table-merged'), ['42:3', '44:2', '51:2', '52:3', '59:2', '61:3']);
  });

  test('writes short numbered paragraphs as one list, a Markdown list as a list, 注： and its notes as one note block', async () => {
    const { issue, markdown, doc } = await importAndLoad(FORMS, { withPublication: true });
    assert.match(markdown, /^（一）知识产权保护\n（二）理论宣讲\n（三）阵地建设$/m);
    assert.match(markdown, /^1\. 细化工作措施，明确时间节点\n2\. 加强督促检查，定期通报进展\n3\. 强化宣传引导，营造良好氛围$/m);
    assert.match(markdown, /^注：1\.本表由市委全面深化改革委员会办公室汇总。\n2\.完成时限为最迟时限，鼓励提前完成。$/m);
    const kinds = doc.columns[0]!.articles[0]!.body.children.map((node) =>
      node.type === 'paragraph' ? (node.data?.kind ?? 'paragraph') : node.type,
    );
    assert.deepEqual(kinds, ['paragraph', 'paragraph', 'list', 'paragraph', 'list', 'paragraph', 'table', 'note-block', 'signature']);
    assert.deepEqual(at(issue.report, 'import-list'), ['32:1']);
    assert.deepEqual(at(issue.report, 'import-notes'), ['63:1']);
  });

  test('writes the issuing bodies and the date at the article’s end as its signature, not joined as a split paragraph', async () => {
    const { issue, markdown } = await importAndLoad(FORMS, { withPublication: true });
    assert.match(markdown, /^中共示例市委办公室\n示例市人民政府办公室\n2024年3月10日$/m);
    assert.deepEqual(at(issue.report, 'import-signature'), ['67:1']);
    assert.deepEqual(at(issue.report, 'import-joined'), ['81:1'], 'only the paragraph a page break split is joined');
  });

  test('counts the pages a table went on across when it numbers a later break', async () => {
    const { doc } = await importAndLoad(FORMS, { withPublication: true });
    assert.deepEqual(doc.meta.printed?.pageBreaks, [{ page: 6, after: '百余场，覆盖干部群众' }]);
  });
});
