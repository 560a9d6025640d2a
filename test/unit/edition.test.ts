/**
 * A style edition's files are checked against their schemas
 * (config/edition.ts): a wrong edition.json or fonts/fonts.json is reported
 * at the line of what is wrong, saying what it should be, and a build stops
 * there with that message instead of crashing on it.
 */
import assert from 'node:assert/strict';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { loadEdition } from '../../src/config/edition.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import type { Lang } from '../../src/message.js';
import { cli, ROOT, workspace } from '../helpers/build.js';
import { scratchDir } from '../helpers/scratch.js';

/** A copy of the shipped edition 2023 and font catalogue, with one file's text changed. */
async function editionsWith(file: 'styles/2023/edition.json' | 'fonts/fonts.json', change: (text: string) => string): Promise<string> {
  const dir = await scratchDir('build-issue-edition-');
  await cp(path.join(ROOT, 'styles', '2023'), path.join(dir, 'styles', '2023'), { recursive: true });
  await cp(path.join(ROOT, 'templates', '2023'), path.join(dir, 'templates', '2023'), { recursive: true });
  await mkdir(path.join(dir, 'fonts'));
  await cp(path.join(ROOT, 'fonts', 'fonts.json'), path.join(dir, 'fonts', 'fonts.json'));
  const text = await readFile(path.join(ROOT, file), 'utf8');
  const changed = change(text);
  assert.notEqual(changed, text, 'the change changed nothing');
  await writeFile(path.join(dir, file), changed);
  return dir;
}

/** The diagnostics of loading edition 2023 from `dir`, as the reporter prints them, with paths from `dir`. */
async function problems(dir: string, lang: Lang = 'en'): Promise<string[]> {
  const loaded = await loadEdition(dir, '2023', { file: 'issue.md', line: 2 });
  assert.equal(loaded.value, undefined);
  return loaded.diagnostics.map((d) => formatDiagnostic({ ...d, file: path.relative(dir, path.resolve(d.file)) }, lang));
}

describe('a style edition’s files', () => {
  test('the shipped ones are valid', async () => {
    const loaded = await loadEdition(ROOT, '2023', { file: 'issue.md', line: 2 });
    assert.deepEqual(loaded.diagnostics, []);
    assert.equal(loaded.value?.roles.body, 'BI Song');
  });

  test('a role set in a family the catalogue lacks is reported at its line, with the families there are', async () => {
    const dir = await editionsWith('styles/2023/edition.json', (t) => t.replace('"title": "BI Song Heavy"', '"title": "BI Song Havy"'));
    assert.deepEqual(await problems(dir), [
      'styles/2023/edition.json:6:5 config-field roles.title: must be a family of fonts/fonts.json (BI Song, BI Song Heavy, BI Hei, BI Kai, BI Mono)',
    ]);
  });

  test('a role left out, and a field misspelt, are each reported', async () => {
    const dir = await editionsWith('styles/2023/edition.json', (t) =>
      t.replace('    "byline": "BI Kai",\n', '').replace('"generated"', '"generate"'),
    );
    const found = await problems(dir);
    assert.deepEqual(found, [
      'styles/2023/edition.json:3:3 config-field roles.byline: is required',
      'styles/2023/edition.json:1:1 config-field generated: is required',
      'styles/2023/edition.json:18:3 config-field generate: unknown field',
    ]);
  });

  test('a font weight that is not a number is reported at its line in fonts.json', async () => {
    const dir = await editionsWith('fonts/fonts.json', (t) => t.replace('"weight": 700', '"weight": "bold"'));
    assert.deepEqual(await problems(dir), [
      'fonts/fonts.json:16:7 config-field families.BI Hei.weight: must be a number (the CSS font-weight)',
    ]);
  });

  test('a JSON syntax error is reported at its line', async () => {
    const dir = await editionsWith('styles/2023/edition.json', (t) => t.replace('"label": "BI Hei",', '"label": "BI Hei"'));
    const [problem, ...more] = await problems(dir);
    assert.deepEqual(more, []);
    assert.match(problem!, /^styles\/2023\/edition\.json:6:\d+ config-syntax /);
  });
});

describe('a style edition’s files, in Chinese', () => {
  test('a schema problem is said in Chinese, the schema’s own words quoted after it', async () => {
    const weight = await editionsWith('fonts/fonts.json', (t) => t.replace('"weight": 700', '"weight": "bold"'));
    assert.deepEqual(await problems(weight, 'zh'), [
      'fonts/fonts.json:16:7 config-field 字段 families.BI Hei.weight：要写成数字（不加引号）（校验原文：“must be a number (the CSS font-weight)”）',
    ]);
    const fields = await editionsWith('styles/2023/edition.json', (t) =>
      t.replace('    "byline": "BI Kai",\n', '').replace('"generated"', '"generate"'),
    );
    assert.deepEqual(await problems(fields, 'zh'), [
      'styles/2023/edition.json:3:3 config-field 字段 roles.byline：缺少这个字段，必须填写（校验原文：“is required”）',
      'styles/2023/edition.json:1:1 config-field 字段 generated：缺少这个字段，必须填写（校验原文：“is required”）',
      'styles/2023/edition.json:18:3 config-field 字段 generate：没有这个字段；请检查拼写，或删去它（校验原文：“unknown field”）',
    ]);
  });

  test('a JSON slip is said in Chinese, JSON.parse’s words quoted after it', async () => {
    const comma = await editionsWith('styles/2023/edition.json', (t) => t.replace('"label": "BI Hei",', '"label": "BI Hei"'));
    const [missing] = await problems(comma, 'zh');
    assert.match(
      missing!,
      /^styles\/2023\/edition\.json:6:\d+ config-syntax 上一项后面缺少逗号“,”，或者括号没有配对（JSON 解析器原文：“Expected ',' or '\}' after property value”）$/,
    );
    const trailing = await editionsWith('styles/2023/edition.json', (t) => t.replace('"code": "BI Mono"', '"code": "BI Mono",'));
    const [extra] = await problems(trailing, 'zh');
    assert.match(extra!, / config-syntax 这里应是加双引号的字段名：JSON 最后一项后面不能有逗号/);
  });
});

describe('a build with a wrong edition.json', () => {
  let run: Awaited<ReturnType<typeof cli>>;
  before(async () => {
    const editions = await editionsWith('styles/2023/edition.json', (t) =>
      t.replace('"title": "BI Song Heavy"', '"title": "BI Song Havy"'),
    );
    run = await cli(['453'], await workspace(), { BUILD_ISSUE_EDITIONS: editions });
  });

  test('fails with the file, line and field, not with an exception', () => {
    assert.equal(run.code, 1);
    assert.match(run.stderr, /styles\/2023\/edition\.json:6:5 config-field roles\.title: must be a family of fonts\/fonts\.json/);
    assert.doesNotMatch(run.stderr, /build-crashed/);
  });
});
