/**
 * Where a build may write, and how two builds of one PDF share it: never on
 * an input, never a checksum out of step with its PDF.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { checkOutput, withWriteLock } from '../../src/io/outputs.js';
import { scratchDir } from '../helpers/scratch.js';

describe('the output of a build', () => {
  test('is a .pdf file outside every folder the build reads, links followed', async () => {
    const dir = await scratchDir('build-issue-outputs-');
    const issues = path.join(dir, 'issues');
    await mkdir(path.join(issues, '453'), { recursive: true });
    await mkdir(path.join(dir, 'dist', 'folder.pdf'), { recursive: true });
    await writeFile(path.join(dir, 'a-file'), '');
    await symlink(path.join(issues, '453'), path.join(dir, 'linked'));
    const rule = async (output: string) => (await checkOutput(path.join(dir, output), [issues]))?.rule;
    assert.equal(await rule('issues/453/issue.md'), 'output-not-pdf');
    assert.equal(await rule('issues/453/x.pdf'), 'output-on-input');
    assert.equal(await rule('issues/new/x.pdf'), 'output-on-input');
    assert.equal(await rule('linked/x.pdf'), 'output-on-input');
    assert.equal(await rule('dist/folder.pdf'), 'output-not-file');
    assert.equal(await rule('a-file/x.pdf'), 'output-unwritable');
    assert.equal(await rule('dist/453.pdf'), undefined);
    assert.equal(await rule('new/folder/453.PDF'), undefined);
    // Permissions alone do not say it (root may write anywhere): a place that takes no files, tried.
    assert.equal((await checkOutput('/sys/x.pdf', [issues]))?.rule, 'output-unwritable');
    assert.equal((await checkOutput('/proc/new/x.pdf', [issues]))?.rule, 'output-unwritable');
    // The try leaves nothing, and none is made among the inputs.
    assert.deepEqual(await readdir(path.join(dir, 'dist')), ['folder.pdf']);
    assert.deepEqual((await readdir(dir)).sort(), ['a-file', 'dist', 'issues', 'linked']);
    assert.deepEqual(await readdir(path.join(issues, '453')), []);
  });

  test('two writers under one lock take turns, and a lock left by an ended process is taken over', async () => {
    const dir = await scratchDir('build-issue-lock-');
    const lock = path.join(dir, '453.pdf.lock');
    const events: string[] = [];
    const writer = (name: string) =>
      withWriteLock(lock, async () => {
        events.push(`${name} in`);
        await delay(100);
        events.push(`${name} out`);
      });
    await Promise.all([writer('a'), writer('b')]);
    assert.deepEqual(
      events.map((e) => e.split(' ')[1]),
      ['in', 'out', 'in', 'out'],
    );

    await writeFile(lock, String(spawnSync('true').pid));
    const started = performance.now();
    await withWriteLock(lock, async () => undefined);
    assert.ok(performance.now() - started < 1000, 'waited on a lock whose process has ended');
  });
});
