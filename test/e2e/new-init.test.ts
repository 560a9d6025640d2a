/**
 * A new 内刊 from nothing: `build-issue init` in an empty folder, then
 * `build-issue 1` there makes a PDF; `build-issue new` then makes the next
 * issue, which builds too. The PDFs are read as a print shop would.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { cli, workspace } from '../helpers/build.js';
import { fonts, pageCount, pageTexts } from '../helpers/pdf.js';
import { scratchDir } from '../helpers/scratch.js';

test('init makes a publication whose first issue builds, and new its next one', async () => {
  const dir = path.join(await scratchDir('build-issue-init-'), '内刊');
  const init = await cli(['init', dir, '--date', '2024-03-01'], path.dirname(dir));
  assert.equal(init.code, 0, init.stderr);
  assert.match(init.stdout, /^wrote 内刊\/issues\/publication.yaml$/m);
  assert.match(init.stdout, /^wrote 内刊\/issues\/1\/issue.md$/m);
  const publication = await readFile(path.join(dir, 'issues', 'publication.yaml'), 'utf8');
  for (const field of ['name', 'classification', 'publishers', 'office', 'phone', 'address', 'fax', 'postcode', 'email']) {
    assert.match(publication, new RegExp(`#[^\\n]*\\n\\s*(- )?${field}:`), `${field} has no comment above it`);
  }

  const made = await cli(['new', '2', '--date', '2024-04-01'], dir);
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stdout, /issues\/2\/issue.md: 2024年第2期（总第2期）, dated 2024-04-01/);

  const lint = await cli(['lint', '2'], dir);
  assert.equal(lint.code, 0, lint.stdout + lint.stderr);
  assert.match(lint.stdout, /0 errors, 0 warnings/);
  const built = await cli(['1', '2'], dir);
  assert.equal(built.code, 0, built.stderr);
  assert.equal(built.stderr.match(/^\S+:\d+/gm), null, `diagnostics:\n${built.stderr}`);
  for (const [serial, number] of [
    ['1', '第1期'],
    ['2', '第2期'],
  ] as const) {
    const pdf = path.join(dir, 'dist', `${serial}.pdf`);
    assert.equal(pageCount(pdf) % 4, 0);
    const text = pageTexts(pdf).join('').replace(/\s/g, '');
    for (const wanted of ['理论学习', '内部通讯', number, `总第${serial}期`, '文章标题写在两个井号之后', '共印：100份'])
      assert.ok(text.includes(wanted), `${serial}.pdf lacks ${wanted}`);
    assert.ok(
      fonts(pdf).every((f) => f.embedded && f.type.includes('TrueType')),
      JSON.stringify(fonts(pdf)),
    );
  }
});

test('init writes over nothing: a folder with a publication is left as it was', async () => {
  const dir = await workspace();
  const before = await readFile(path.join(dir, 'issues', 'publication.yaml'), 'utf8');
  const again = await cli(['init', '.', '--serial', '453'], dir);
  assert.notEqual(again.code, 0);
  assert.match(again.stderr, /^issues\/publication.yaml init-exists /m);
  assert.equal(await readFile(path.join(dir, 'issues', 'publication.yaml'), 'utf8'), before);
});

test('new continues 453 with an issue that lints and builds cleanly', async () => {
  const dir = await workspace();
  const made = await cli(['new', '454', '--date', '2023-10-20'], dir);
  assert.equal(made.code, 0, made.stderr);
  const built = await cli(['454'], dir);
  assert.equal(built.code, 0, built.stderr);
  const text = pageTexts(path.join(dir, 'dist', '454.pdf'))
    .join('')
    .replace(/\s/g, '');
  for (const wanted of ['2023年', '第10期', '总第454期', '共印：2000份', '各市、县（市、区）委书记'])
    assert.ok(text.includes(wanted), `454.pdf lacks ${wanted}`);
  const refused = await cli(['new', '454'], dir);
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /^issues\/454\/issue.md new-exists issue 454 exists already/m);
});
