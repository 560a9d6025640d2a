/**
 * Odd but valid issues build cleanly, with nothing lost and nothing printed
 * twice: a file with a byte order mark, one with Windows line ends, very
 * long paragraphs, a paragraph whose text repeats itself (Paged.js found
 * where to go on by content, src/page/break-tokens.ts), an article of
 * 200 paragraphs, 500 columns, tables, lists and notes (one table of 300
 * rows); and a publication whose classification has
 * no · (the masthead's own · must still be in the fonts). All are built in
 * one run; each PDF's text is compared with its source.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { type CaseRun, type Project, project, RAW, runCase } from '../helpers/corpus.js';
import { parseSummary, type RunSummary } from '../helpers/issues.js';

const UNIT = '学习贯彻党的二十大精神，推动高质量发展。';
/** Sentences that never repeat: 第1句……, 第2句……. */
const distinct = (count: number) => Array.from({ length: count }, (_, n) => `第${n + 1}句话说明第${n + 1}项工作的要求和做法。`).join('');

interface ValidCase {
  serial: string;
  name: string;
  /** The issue's body after its front matter, or a change to the whole file. */
  body?: string;
  file?: (markdown: string) => string | Buffer;
  /** Texts that must each be in the PDF exactly once. */
  once: string[];
}

const head = (serial: string) =>
  `---\nserial: ${serial}\nyear: 2024\nnumber: 1\ndate: 2024-01-10\ndistribution:\n  report: 省委常委会\n  send: 各市委宣传部\nprint_run: 100\n---\n`;
const article = (paragraphs: string[]) => `\n# 学习动态\n\n## 一篇考验排版的文章\n\n${paragraphs.join('\n\n')}\n\n最后一段在这里结束。\n`;

const CASES: ValidCase[] = [
  {
    serial: '7101',
    name: 'a file that starts with a byte order mark',
    file: (m) => `\uFEFF${m}`,
    body: article(['带字节顺序标记的文件照常排版。']),
    once: ['带字节顺序标记的文件照常排版。', '最后一段在这里结束。'],
  },
  {
    serial: '7102',
    name: 'Windows line ends (CR LF), print_run the last field',
    file: (m) => m.replace(/\n/g, '\r\n'),
    body: article(['用视窗换行符保存的文件照常排版。']),
    once: ['用视窗换行符保存的文件照常排版。', '最后一段在这里结束。'],
  },
  {
    serial: '7103',
    name: 'a paragraph of one sentence ×80',
    body: article([UNIT.repeat(80)]),
    once: [UNIT.repeat(80), '最后一段在这里结束。'],
  },
  {
    serial: '7104',
    name: 'a paragraph of one sentence ×400, and paragraphs after it',
    body: article([UNIT.repeat(400), '周期段落之后的第一段。', '周期段落之后的第二段。']),
    once: [UNIT.repeat(400), '周期段落之后的第一段。', '周期段落之后的第二段。'],
  },
  { serial: '7105', name: 'a paragraph of 5,000 characters', body: article([distinct(200)]), once: [distinct(200)] },
  { serial: '7106', name: 'a paragraph of 20,000 characters', body: article([distinct(800)]), once: [distinct(800)] },
  {
    serial: '7107',
    name: 'an article of 200 paragraphs',
    body: article(Array.from({ length: 200 }, (_, n) => `第${n + 1}段文字，说明一个问题。`)),
    once: Array.from({ length: 200 }, (_, n) => `第${n + 1}段文字，说明一个问题。`),
  },
  {
    serial: '7109',
    name: 'a table, lists and notes in a file with a byte order mark and CR LF line ends',
    file: (m) => `\uFEFF${m.replace(/\n/g, '\r\n')}`,
    body: article([
      '表1 各地学习情况',
      '| 地区 | 人数 | 说明 |\n| --- | --- | --- |\n| 甲市 | 120 | 按期完成学习任务。 |\n| 乙市 | 98 | 正在推进学习。[^1] |',
      '1. 建立工作推进机制；\n2. 加强督促检查工作。',
      '- 登录学习平台；\n- 参加集中学习。',
      '全文见[学习平台](https://example.org/study)。[^2]',
      '[^1]: 乙市的数字截至三月底。\n[^2]: 参见有关文件。',
    ]),
    once: [
      '按期完成学习任务。',
      '正在推进学习。',
      '建立工作推进机制；',
      '加强督促检查工作。',
      '登录学习平台；',
      '参加集中学习。',
      '乙市的数字截至三月底。',
      'https://example.org/study',
      '参见有关文件。',
      '最后一段在这里结束。',
    ],
  },
  {
    serial: '7110',
    name: 'a table of 300 rows over many pages',
    body: article([
      '表1 三百行的表格',
      `| 序号 | 事项 |\n| --- | --- |\n${Array.from({ length: 300 }, (_, n) => `| ${n + 1} | 第${n + 1}项工作的说明。 |`).join('\n')}`,
    ]),
    once: [...Array.from({ length: 300 }, (_, n) => `第${n + 1}项工作的说明。`), '最后一段在这里结束。'],
  },
  {
    serial: '7108',
    name: '500 columns',
    body: Array.from({ length: 500 }, (_, n) => `\n# 栏目${n + 1}\n\n## 文章${n + 1}\n\n这是第${n + 1}个栏目里的文章。\n`).join(''),
    once: Array.from({ length: 500 }, (_, n) => `这是第${n + 1}个栏目里的文章。`),
  },
];

/** The PDF's text as MuPDF reads it (poppler splits lines at compressed punctuation), without spaces and page numbers (— 5 —). */
function pdfText(file: string): string {
  return execFileSync('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .replace(/\s/g, '')
    .replace(/—\d+—/g, '');
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('odd but valid issues', { timeout: 700_000 }, () => {
  let p: Project;
  let run: CaseRun;
  let summary: RunSummary;

  before(async () => {
    p = await project();
    const publication = await readFile(p.at('issues/publication.yaml'), 'utf8');
    await p.write('issues/publication.yaml', publication.replace(/^classification: .*$/m, 'classification: 内部资料'));
    for (const c of CASES) {
      await p.addIssue(c.serial);
      const markdown = head(c.serial) + (c.body ?? '');
      await p.write(`issues/${c.serial}/issue.md`, c.file ? c.file(markdown) : markdown);
    }
    // Some 200 pages in one run: a generous limit, only to stop a hang.
    run = await runCase(p, [...CASES.map((c) => c.serial), '--json'], {}, 600_000);
    summary = parseSummary(run.stdout);
  });

  test('the run builds every issue, prints nothing raw and leaves nothing behind', () => {
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(`${run.stdout}${run.stderr}`, RAW);
    assert.deepEqual(run.leftRunning, []);
    assert.deepEqual(run.leftInTmp, []);
    assert.deepEqual(
      run.changed.filter((file) => file.startsWith('issues/')),
      [],
    );
  });

  for (const c of CASES) {
    test(`${c.name}: built, every text once`, () => {
      const issue = summary.issues.find((i) => i.serial === c.serial)!;
      assert.equal(issue.status, 'built', JSON.stringify(issue.diagnostics));
      const text = pdfText(path.join(p.dir, 'dist', `${c.serial}.pdf`));
      const wrong = c.once
        .filter((part) => occurrences(text, part) !== 1)
        .map((part) => `${occurrences(text, part)} × ${part.slice(0, 20)}…`);
      assert.deepEqual(wrong, []);
    });
  }

  test('a classification without ·: the masthead’s · is printed in a font of the issue, not Type 3', () => {
    const fonts = execFileSync('pdffonts', [path.join(p.dir, 'dist', '7101.pdf')], { encoding: 'utf8' });
    assert.doesNotMatch(fonts, /Type 3/);
    const text = pdfText(path.join(p.dir, 'dist', '7101.pdf'));
    assert.match(text, /内部资料/);
    assert.match(text, /2024年第1期·总第7101期/);
  });
});
