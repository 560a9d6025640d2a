/**
 * Style editions: after a redesign (a new edition 2024 made the default), an
 * issue pinned to `edition: 2023` comes out byte for byte as before, while an
 * issue that names no edition takes the new design.
 *
 * The editions live in a scratch copy (BUILD_ISSUE_EDITIONS), so the shipped
 * styles/2023 is never touched.
 */
import assert from 'node:assert/strict';
import { appendFile, cp, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { cli, ROOT, workspace } from '../helpers/build.js';
import { copyIssue, statuses } from '../helpers/issues.js';
import { scratchDir } from '../helpers/scratch.js';

const SHORT = path.join(ROOT, 'test', 'fixtures', 'batch', 'short', 'issue.md');
const pinTo2023 = (markdown: string) => markdown.replace(/^serial: (\d+)$/m, 'serial: $1\nedition: 2023');

describe('style editions', () => {
  let dir: string;
  let editions: string;
  const pdf = (serial: string) => readFile(path.join(dir, 'dist', `${serial}.pdf`));
  const build = async (args: string[], defaultEdition: string) => {
    const run = await cli([...args, '--json'], dir, { BUILD_ISSUE_EDITIONS: editions, BUILD_ISSUE_DEFAULT_EDITION: defaultEdition });
    assert.equal(run.code, 0, run.stderr);
    return statuses(run.stdout);
  };
  let pinnedBefore: Buffer;
  let unpinnedBefore: Buffer;

  before(async () => {
    editions = await scratchDir('build-issue-editions-');
    for (const folder of ['templates/2023', 'styles/2023'])
      await cp(path.join(ROOT, folder), path.join(editions, folder), { recursive: true });
    await mkdir(path.join(editions, 'fonts'));
    await cp(path.join(ROOT, 'fonts', 'fonts.json'), path.join(editions, 'fonts', 'fonts.json'));

    dir = await workspace();
    await copyIssue(dir, SHORT, '601');
    await copyIssue(dir, SHORT, '602', pinTo2023);
    assert.deepEqual(await build(['601', '602'], '2023'), { 601: 'built', 602: 'built' });
    [unpinnedBefore, pinnedBefore] = [await pdf('601'), await pdf('602')];

    // The redesign: edition 2024, with other CSS, becomes the default.
    await cp(path.join(editions, 'templates', '2023'), path.join(editions, 'templates', '2024'), { recursive: true });
    await cp(path.join(editions, 'styles', '2023'), path.join(editions, 'styles', '2024'), { recursive: true });
    await appendFile(path.join(editions, 'styles', '2024', '20-text.css'), '\nbody { color: #5a1010; letter-spacing: 0.05em; }\n');
  });

  test('after the redesign only the issue that names no edition is out of date', async () => {
    assert.deepEqual(await build(['601', '602'], '2024'), { 601: 'built', 602: 'skipped' });
    assert.notDeepEqual(await pdf('601'), unpinnedBefore, 'the new default edition changed nothing, so this test proves nothing');
  });

  test('rebuilt after the redesign, the issue pinned to 2023 is byte for byte the PDF it was', async () => {
    assert.deepEqual(await build(['602', '--force'], '2024'), { 602: 'built' });
    assert.deepEqual(await pdf('602'), pinnedBefore);
  });
});
