/**
 * Messages in Chinese by default and in English on request (src/message.ts,
 * chosen by the CLI and printed by cli/reporter.ts), and the source line under
 * a diagnostic with a caret at its column, Chinese characters counted as the
 * two terminal columns they take.
 */
import assert from 'node:assert/strict';
import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { excerptLines } from '../../src/cli/reporter.js';
import { error, warning } from '../../src/diagnostics.js';
import { displayWidth } from '../../src/excerpt.js';
import { chosenLang } from '../../src/message.js';
import { cli, workspace } from '../helpers/build.js';
import { scratchDir } from '../helpers/scratch.js';

/** A folder with draft.md holding `text` (linted without fonts: a draft is no issue). */
async function draft(text: string): Promise<string> {
  const dir = await scratchDir('build-issue-lang-');
  await writeFile(path.join(dir, 'draft.md'), text);
  return dir;
}

const DRAFT = '# 学习动态\n\n## 标题\n\n中央宣传部,中央组织部印发意见。\n';

describe('the language of messages', () => {
  test('is Chinese unless --lang or BUILD_ISSUE_LANG says otherwise; --lang wins', () => {
    assert.deepEqual(chosenLang(['453'], {}), { lang: 'zh' });
    assert.deepEqual(chosenLang(['453'], { BUILD_ISSUE_LANG: 'en' }), { lang: 'en' });
    assert.deepEqual(chosenLang(['lint', '453', '--lang', 'en'], { BUILD_ISSUE_LANG: 'zh' }), { lang: 'en' });
    assert.deepEqual(chosenLang(['--lang=zh', '453'], { BUILD_ISSUE_LANG: 'en' }), { lang: 'zh' });
    assert.deepEqual(chosenLang(['--', '--lang', 'en'], {}), { lang: 'zh' }, 'after -- it is an argument, not the option');
    assert.match(chosenLang(['--lang', 'fr'], {}).problem?.zh ?? '', /--lang 只能是 zh（中文）或 en（英文）/);
    assert.match(
      chosenLang([], { BUILD_ISSUE_LANG: 'de' }).problem?.en ?? '',
      /BUILD_ISSUE_LANG must be zh \(Chinese\) or en \(English\), not “de”/,
    );
  });

  test('a diagnostic cannot be made without a Chinese text', () => {
    const place = { file: 'issues/453/issue.md', line: 1 };
    assert.throws(() => error('image-missing', { zh: '', en: 'x.png is not in issues/453' }, place), /without a Chinese text/);
    assert.throws(
      () => warning('image-missing', { zh: 'x.png is not in issues/453', en: 'x.png is not in issues/453' }, place),
      /without a Chinese text/,
    );
    assert.throws(() => error('image-missing', { zh: '图片不存在', en: ' ' }, place), /without an English text/);
    assert.equal(error('image-missing', { zh: '图片不存在', en: 'no image' }, place).message.zh, '图片不存在');
  });

  test('the CLI speaks Chinese by default, in full-width punctuation', async () => {
    const dir = await draft(DRAFT);
    const run = await cli(['lint', 'draft.md'], dir, { BUILD_ISSUE_LANG: undefined });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^draft\.md:5:6 halfwidth-punctuation 中文里用了半角的“,”；请改为“，”$/m);
    assert.match(run.stderr, /^draft\.md 警告 glyph-unchecked 没有检查字体缺字/m);
    assert.match(run.stdout, /^draft\.md：1 个错误，1 个警告；其中 1 处可用 --fix 自动改正$/m);
    assert.doesNotMatch(run.stdout + run.stderr, /\b(error|warning)s?\b/);
  });

  test('--lang en, before or after the command, and BUILD_ISSUE_LANG=en switch it to English', async () => {
    const dir = await draft(DRAFT);
    const runs = [
      await cli(['lint', 'draft.md', '--lang', 'en'], dir, { BUILD_ISSUE_LANG: undefined }),
      await cli(['--lang=en', 'lint', 'draft.md'], dir, { BUILD_ISSUE_LANG: undefined }),
      await cli(['lint', 'draft.md'], dir, { BUILD_ISSUE_LANG: 'en' }),
    ];
    for (const run of runs) {
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, /^draft\.md:5:6 halfwidth-punctuation half-width “,” in Chinese text; use “，”$/m);
      assert.match(run.stdout, /^draft\.md: 1 error, 1 warning; 1 can be fixed with --fix$/m);
    }
    const chinese = await cli(['lint', 'draft.md', '--lang', 'zh'], dir, { BUILD_ISSUE_LANG: 'en' });
    assert.match(chinese.stdout, /1 个错误/, '--lang wins over BUILD_ISSUE_LANG');
  });

  test('a language it does not speak is refused, in Chinese', async () => {
    const run = await cli(['lint', 'draft.md', '--lang', 'fr'], await draft(DRAFT), { BUILD_ISSUE_LANG: undefined });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'build-issue: --lang 只能是 zh（中文）或 en（英文），不能是“fr”\n');
  });

  test('JSON carries the message in the run’s language and both texts', async () => {
    const run = await cli(['lint', 'draft.md', '--json'], await draft(DRAFT), { BUILD_ISSUE_LANG: undefined });
    const report = JSON.parse(run.stdout) as {
      diagnostics: { rule: string; message: string; messages: { zh: string; en: string }; text: string }[];
    };
    const comma = report.diagnostics.find((d) => d.rule === 'halfwidth-punctuation')!;
    assert.equal(comma.message, '中文里用了半角的“,”；请改为“，”');
    assert.deepEqual(comma.messages, { zh: '中文里用了半角的“,”；请改为“，”', en: 'half-width “,” in Chinese text; use “，”' });
    assert.equal(comma.text, 'draft.md:5:6 halfwidth-punctuation 中文里用了半角的“,”；请改为“，”');
  });

  test('a finding told in English by a check (a broken image) is said in Chinese, the check’s words quoted after', async () => {
    const dir = await workspace();
    await writeFile(path.join(dir, 'issues', '453', 'x.png'), '这不是图片');
    await appendFile(path.join(dir, 'issues', '453', 'issue.md'), '\n![图](x.png)\n');
    const run = await cli(['453', '--no-lint'], dir, { BUILD_ISSUE_LANG: undefined });
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /^issues\/453\/issue\.md:\d+:1 image-broken 图片 x\.png：文件已损坏，印出来会是坏的；请换一个完好的文件（检查细节：“it is not a PNG, JPEG, GIF or WebP image”）$/m,
    );
  });

  test('usage errors are in the run’s language too', async () => {
    const zh = await cli(['lint', '--bogus'], process.cwd(), { BUILD_ISSUE_LANG: undefined });
    assert.match(zh.stderr, /^build-issue: 没有选项 --bogus/);
    const en = await cli(['lint', '--bogus'], process.cwd());
    assert.match(en.stderr, /^build-issue: unknown option '--bogus'/);
  });
});

describe('the source line under a diagnostic', () => {
  test('puts the caret under the column, two terminal columns for each Chinese character', () => {
    const source = '---\n---\n中央宣传部,中央组织部印发意见。\n';
    const lines = excerptLines(
      error('halfwidth-punctuation', { zh: '半角逗号', en: 'comma' }, { file: 'x.md', line: 3, column: 6 }),
      source,
    );
    assert.deepEqual(lines, [' 3 | 中央宣传部,中央组织部印发意见。', '   |           ^']);
    const [text, caret] = lines.map((line) => line.slice(' 3 | '.length));
    assert.equal(displayWidth(text!.slice(0, 5)), caret!.indexOf('^'), 'the caret stands under the comma');
  });

  test('is shown on the terminal, not in JSON, and not for a diagnostic without a line', async () => {
    const dir = await draft(DRAFT);
    const run = await cli(['lint', 'draft.md'], dir);
    const lines = run.stderr.split('\n');
    const at = lines.findIndex((line) => line.startsWith('draft.md:5:6 '));
    assert.deepEqual(lines.slice(at + 1, at + 3), [' 5 | 中央宣传部,中央组织部印发意见。', '   |           ^']);
    assert.match(lines[at + 3]!, /^draft\.md warning glyph-unchecked /, 'no excerpt under a diagnostic without a line');
    const json = await cli(['lint', 'draft.md', '--json'], dir);
    assert.doesNotMatch(json.stdout, /\^/);
  });
});
