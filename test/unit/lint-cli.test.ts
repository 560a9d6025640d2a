import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { cli, ROOT, workspace } from '../helpers/build.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'lint');
const DIRTY = path.join(FIXTURES, 'dirty', 'issue.md');

/** A clean issue 900 (the headlines fixture's front matter) with one body paragraph, on line 16. */
async function withBody(paragraph: string): Promise<string> {
  const frontMatter = (await readFile(path.join(FIXTURES, 'headlines', 'issue.md'), 'utf8')).split('\n').slice(0, 10).join('\n');
  return `${frontMatter}\n\n# 学习动态\n\n## 标题\n\n${paragraph}\n`;
}

/** A workspace whose issue 900 holds `source` (the dirty fixture unless given). */
async function issue900(source?: string): Promise<{ dir: string; file: string }> {
  const dir = await workspace();
  const file = path.join(dir, 'issues', '900', 'issue.md');
  await mkdir(path.dirname(file), { recursive: true });
  if (source === undefined) await cp(DIRTY, file);
  else await writeFile(file, source);
  return { dir, file };
}

/**
 * A draft outside the issue folders: linted without its fonts (glyph-unchecked),
 * which keeps these runs fast; the font check has its own tests.
 */
async function draft(source: string): Promise<{ dir: string; file: string }> {
  const dir = await workspace();
  const file = path.join(dir, 'draft.md');
  await writeFile(file, source);
  return { dir, file };
}

interface Change {
  line: number;
  column: number;
  rule: string;
  old: string;
  replacement: string;
}

/** The `file:line:col rule fixed: “old” → “new”` lines --fix prints. */
function changesIn(stdout: string): Change[] {
  return [...stdout.matchAll(/^\S+?:(\d+):(\d+) (\S+) fixed: “(.*)” → “(.*)”$/gm)].map((m) => ({
    line: Number(m[1]),
    column: Number(m[2]),
    rule: m[3]!,
    old: m[4]!,
    replacement: m[5]!,
  }));
}

/** Applies the reported changes to the original by hand: what the file must now be if nothing else changed. */
function applyByHand(original: string, changes: readonly Change[]): string {
  const starts = [0, ...[...original.matchAll(/\n/g)].map((m) => m.index + 1)];
  let text = original;
  for (const c of [...changes].reverse()) {
    const at = starts[c.line - 1]! + c.column - 1;
    assert.equal(text.slice(at, at + c.old.length), c.old, `${c.line}:${c.column} is not “${c.old}”`);
    text = text.slice(0, at) + c.replacement + text.slice(at + c.old.length);
  }
  return text;
}

const findings = (stderr: string) => stderr.split('\n').filter((line) => /^\S+\.md:\d+:\d+ /.test(line));
const withoutPlace = (line: string) => line.replace(/^\S+ /, '');

describe('build-issue lint --fix', () => {
  test('applies the safe fixes, says what it changed, and changes nothing else', async () => {
    const { dir, file } = await draft(await readFile(DIRTY, 'utf8'));
    const original = await readFile(file, 'utf8');
    const before = await cli(['lint', 'draft.md'], dir);
    const run = await cli(['lint', 'draft.md', '--fix'], dir);
    const changes = changesIn(run.stdout);
    assert.ok(changes.length >= 10, run.stdout);
    assert.equal(await readFile(file, 'utf8'), applyByHand(original, changes));

    // What remains is exactly what lint found before, less what was fixed.
    const fixedRules = new Set(changes.map((c) => c.rule));
    const after = await cli(['lint', 'draft.md'], dir);
    assert.doesNotMatch(after.stdout, /can be fixed/);
    const remaining = findings(after.stderr).map(withoutPlace);
    const expected = findings(before.stderr)
      .map(withoutPlace)
      .filter((line) => !changes.some((c) => line.includes(c.rule) && line.includes(`“${c.old.trim()}”`)));
    assert.deepEqual(remaining, expected);
    assert.ok(
      remaining.some((line) => fixedRules.has(line.split(' ')[0]!)),
      'unsafe cases of the fixed rules are still reported, not guessed',
    );
  });

  test('a second --fix finds nothing left to fix and leaves the file as it is', async () => {
    const { dir, file } = await draft(await readFile(DIRTY, 'utf8'));
    await cli(['lint', 'draft.md', '--fix'], dir);
    const once = await readFile(file, 'utf8');
    const again = await cli(['lint', 'draft.md', '--fix'], dir);
    assert.deepEqual(changesIn(again.stdout), []);
    assert.equal(await readFile(file, 'utf8'), once);
  });

  test('removes the ideographic spaces that indent paragraphs and list items, and no other', async () => {
    const { dir, file } = await draft(await withBody('\u3000\u3000第一段，实\u3000践。\n\n- \u3000\u3000条目。\n\n> \u3000\u3000引文。'));
    const run = await cli(['lint', 'draft.md', '--fix'], dir);
    assert.deepEqual(
      changesIn(run.stdout).map((c) => [c.line, c.column, c.rule]),
      [
        [16, 1, 'fullwidth-indent'],
        [18, 3, 'fullwidth-indent'],
        [20, 3, 'fullwidth-indent'],
      ],
    );
    assert.equal(await readFile(file, 'utf8'), await withBody('第一段，实\u3000践。\n\n- 条目。\n\n> 引文。'));
  });

  test('on a clean text (issue 453), writes nothing', async () => {
    const { dir, file } = await draft(await readFile(path.join(ROOT, 'issues', '453', 'issue.md'), 'utf8'));
    const original = await readFile(file, 'utf8');
    const run = await cli(['lint', 'draft.md', '--fix'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'draft.md: 0 errors, 1 warning\n');
    assert.equal(await readFile(file, 'utf8'), original);
  });
});

describe('build-issue lint', () => {
  test('exits non-zero on errors, printing each as file:line:col rule message', async () => {
    const { dir } = await draft(await readFile(DIRTY, 'utf8'));
    const run = await cli(['lint', 'draft.md'], dir);
    assert.equal(run.code, 1);
    assert.ok(findings(run.stderr).includes('draft.md:17:6 halfwidth-punctuation half-width “,” in Chinese text; use “，”'), run.stderr);
    assert.match(run.stdout, /^draft\.md: \d+ errors, \d+ warnings; \d+ can be fixed with --fix$/m);
    // One summary: the counts above, not a second line saying the same on stderr.
    assert.doesNotMatch(run.stderr, /found by lint|build-issue:/);
  });

  test('exits zero when there are only warnings', async () => {
    const { dir } = await draft(await withBody('作为学习的 出发点和落脚点。'));
    const run = await cli(['lint', 'draft.md'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^draft\.md:16:6 warning space-in-chinese /m);
  });

  test('--json prints the findings as JSON on stdout', async () => {
    const { dir } = await issue900();
    const run = await cli(['lint', '900', '--json'], dir);
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as {
      file: string;
      errors: number;
      warnings: number;
      fixable: number;
      diagnostics: Array<Record<string, unknown>>;
    };
    assert.equal(report.file, 'issues/900/issue.md');
    assert.equal(report.errors + report.warnings, report.diagnostics.length);
    assert.ok(report.fixable > 0);
    assert.deepEqual(
      report.diagnostics.find((d) => d.rule === 'glyph-missing'),
      {
        severity: 'error',
        rule: 'glyph-missing',
        message: '“𪚥” (U+2A6A5) is not in the body font; replace it or choose another font',
        messages: {
          zh: '正文的字体里没有“𪚥”（U+2A6A5），印出来会出错；请换成常用字形，或请版式维护者换用有这个字的字体',
          en: '“𪚥” (U+2A6A5) is not in the body font; replace it or choose another font',
        },
        text: 'issues/900/issue.md:38:9 glyph-missing “𪚥” (U+2A6A5) is not in the body font; replace it or choose another font',
        file: 'issues/900/issue.md',
        line: 38,
        column: 9,
      },
    );
  });
});

describe('the build lints first', () => {
  test('lint errors stop the build before anything is rendered', async () => {
    const { dir } = await issue900();
    const run = await cli(['900'], dir);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /halfwidth-punctuation/);
    assert.doesNotMatch(run.stderr, /glyph-missing/, 'the render stage never ran');
    assert.equal(existsSync(path.join(dir, 'dist', '900.pdf')), false);
  });

  test('--no-lint skips lint: the build goes on until its own checks stop it', async () => {
    const { dir } = await issue900();
    const run = await cli(['900', '--no-lint'], dir);
    assert.equal(run.code, 1);
    assert.doesNotMatch(run.stderr, /halfwidth-punctuation/);
    assert.match(run.stderr, /glyph-missing “𪚥”/);
  });

  test('lint warnings are printed and the build goes on', async () => {
    const { dir } = await issue900(await withBody('作为学习的 出发点，名字是𪚥。'));
    const run = await cli(['900'], dir);
    assert.match(run.stderr, /warning space-in-chinese/);
    assert.match(run.stderr, /glyph-missing “𪚥”/, 'the render stage ran after the warning');
  });
});
