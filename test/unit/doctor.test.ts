/**
 * `build-issue doctor` names each font by what an editor and a print shop
 * know it by: the text it sets (正文、目录 …) and the face's own name from
 * its name table, never the catalogue's family ids ("BI Song").
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { cli, ROOT } from '../helpers/build.js';

const familyIds = async () =>
  Object.keys((JSON.parse(await readFile(path.join(ROOT, 'fonts', 'fonts.json'), 'utf8')) as { families: object }).families);

test('doctor shows each font by the text it sets and its own name, in Chinese by default, and no family id', async () => {
  const zh = await cli(['doctor'], ROOT, { BUILD_ISSUE_LANG: undefined });
  assert.equal(zh.code, 0, zh.stderr);
  assert.match(
    zh.stdout,
    /^ {2}✓ 正文、目录、版记：Noto Serif SC Regular（node_modules\/\S+\/NotoSerifSC_400Regular\.ttf，sha256 [0-9a-f]{16}）$/m,
  );
  assert.match(zh.stdout, /^ {2}✓ 副题、作者行、强调文字、引文：LXGW WenKai（\S+\.woff2，sha256 [0-9a-f]{16}）$/m);
  const en = await cli(['doctor'], ROOT);
  assert.match(en.stdout, /^ {2}✓ masthead, title: Noto Serif SC Black \(node_modules\/\S+\.ttf, sha256 [0-9a-f]{16}\)$/m);
  assert.match(en.stdout, /^ {2}✓ code: Source Code Pro Regular \(/m);
  for (const id of await familyIds()) {
    assert.ok(!zh.stdout.includes(id) && !en.stdout.includes(id), `doctor printed the family id “${id}”`);
  }
});
