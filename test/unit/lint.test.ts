import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { resolveSettings } from '../../src/config/settings.js';
import { type Diagnostic, formatDiagnostic } from '../../src/diagnostics.js';
import { lintFile, lintLoaded } from '../../src/stages/lint/lint-issue.js';
import { loadIssue } from '../../src/stages/load/load-issue.js';
import { ROOT, workspace } from '../helpers/build.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'lint');

/** A workspace whose issue 900 is the fixture's issue.md. */
async function fixtureIssue(name: string): Promise<{ dir: string; file: string }> {
  const dir = await workspace();
  const file = path.join(dir, 'issues', '900', 'issue.md');
  await mkdir(path.dirname(file), { recursive: true });
  await cp(path.join(FIXTURES, name, 'issue.md'), file);
  return { dir, file };
}

const lint = (file: string, rootDir: string) => lintFile(file, { ...resolveSettings({}, rootDir), rootDir, fonts: true });

/** Diagnostics as `--lang en` prints them (the fixtures' expected.txt); expected.zh.txt holds the Chinese. */
const english = (d: Diagnostic) => formatDiagnostic(d, 'en');

describe('lint fixtures: each test/fixtures/lint/<case>/issue.md gives its expected.txt (English) and expected.zh.txt (Chinese)', async () => {
  for (const name of (await readdir(FIXTURES)).sort()) {
    for (const [lang, suffix] of [
      ['en', ''],
      ['zh', '.zh'],
    ] as const) {
      test(`${name} (${lang})`, async () => {
        const { dir, file } = await fixtureIssue(name);
        const got = `${(await lint(file, dir)).diagnostics.map((d) => formatDiagnostic(d, lang)).join('\n')}\n`;
        const expectedFile = path.join(FIXTURES, name, `expected${suffix}.txt`);
        if (process.env.UPDATE === '1') await writeFile(expectedFile, got);
        assert.ok(existsSync(expectedFile), `${expectedFile} is missing; run with UPDATE=1 and review it`);
        assert.equal(got, await readFile(expectedFile, 'utf8'));
      });
    }
  }
});

// dirty has findings of every kind; headlines has none, as headlines are held
// to other rules than running text, which the load stage's columns tell apart.
describe('the lint a build runs, on the issue as loaded (parsed once)', async () => {
  for (const name of (await readdir(FIXTURES)).sort()) {
    test(`finds in ${name} what lint of the file finds`, async () => {
      const { dir, file } = await fixtureIssue(name);
      const settings = resolveSettings({}, dir);
      const loaded = await loadIssue('900', { issuesDir: settings.issuesDir, rootDir: dir, defaultEdition: settings.defaultEdition });
      assert.ok(loaded.value, loaded.diagnostics.map(english).join('\n'));
      const ofFile = (await lintFile(file, { ...settings, rootDir: dir, fonts: false })).diagnostics;
      assert.deepEqual(lintLoaded(loaded.value).map(english), ofFile.map(english));
    });
  }
});

describe('lint of issue 453', () => {
  test('finds nothing: the issue as printed is clean, headlines, bylines, numbers and names included', async () => {
    const result = await lint(path.join(ROOT, 'issues', '453', 'issue.md'), ROOT);
    assert.deepEqual(result.diagnostics.map(english), []);
    assert.deepEqual(result.fixes, []);
  });
});

describe('lint positions', () => {
  test('point at the character in the source, past Markdown marks and front matter', async () => {
    const { dir, file } = await fixtureIssue('dirty');
    const source = await readFile(file, 'utf8');
    const lines = source.split('\n');
    for (const d of (await lint(file, dir)).diagnostics.filter((x) => x.rule === 'halfwidth-punctuation')) {
      assert.match(lines[d.line! - 1]!.slice(d.column! - 1), /^[,;:?!.()"']/, english(d));
    }
  });

  test('a file outside an issue folder is linted, and says its fonts were not checked', async () => {
    const dir = await workspace();
    const file = path.join(dir, 'draft.md');
    await writeFile(file, '# 学习动态\n\n## 标题\n\n正文,没有问题。\n');
    const result = await lint(file, dir);
    assert.deepEqual(result.diagnostics.map(english), [
      'draft.md:5:3 halfwidth-punctuation half-width “,” in Chinese text; use “，”',
      'draft.md warning glyph-unchecked fonts not checked: only an issue (issues/<serial>/issue.md) has a style edition',
    ]);
  });
});
