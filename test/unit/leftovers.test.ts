/**
 * What a run killed outright (kill -9) leaves is removed by the next run:
 * scratch folders in the temporary folder and half-written files beside the
 * outputs, named for their process, go when that process is gone, and stay
 * while it runs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { checkTempDir, removeStaleScratch, removeStaleTemps } from '../../src/io/scratch.js';
import { scratchDir } from '../helpers/scratch.js';

/** The id of a process that has ended. */
const endedPid = (): number => spawnSync('true').pid!;

test('scratch folders of ended runs go, with the socket folders their profiles link to; a live run’s stay', async () => {
  const dead = endedPid();
  const stale = path.join(tmpdir(), `build-issue-chromium-${dead}-aB3dE9`);
  const socket = path.join(tmpdir(), `org.chromium.Chromium.t${dead}`);
  const live = path.join(tmpdir(), `build-issue-preflight-${process.ppid}-xY7zQ1`);
  for (const folder of [stale, socket, live]) await mkdir(folder, { recursive: true });
  await symlink(path.join(socket, 'SingletonSocket'), path.join(stale, 'SingletonSocket'));
  await removeStaleScratch();
  const names = await readdir(tmpdir());
  assert.deepEqual(
    [path.basename(stale), path.basename(socket), path.basename(live)].map((n) => names.includes(n)),
    [false, false, true],
  );
  spawnSync('rm', ['-rf', live]);
});

test('half-written files of ended runs go; finished files and a live run’s stay', async () => {
  const dir = await scratchDir('build-issue-temps-');
  const files = ['453.pdf', `.453.pdf.${endedPid()}.3.tmp`, `.453.pdf.sha256.${endedPid()}.4.tmp`, `.453.pdf.${process.ppid}.1.tmp`];
  for (const name of files) await writeFile(path.join(dir, name), 'x');
  await removeStaleTemps([dir, path.join(dir, 'missing')]);
  assert.deepEqual((await readdir(dir)).sort(), [files[0], files[3]].sort());
});

test('a temporary folder that is missing or a file is one line naming TMPDIR', async () => {
  const dir = await scratchDir('build-issue-tmp-');
  const file = path.join(dir, 'file');
  await writeFile(file, '');
  const saved = process.env.TMPDIR;
  try {
    for (const [value, why] of [
      [path.join(dir, 'missing'), 'no such folder'],
      [file, 'not a folder'],
    ]) {
      process.env.TMPDIR = value;
      const problem = await checkTempDir(process.env);
      assert.equal(problem?.rule, 'temp-dir-unusable');
      assert.equal(problem?.file, 'TMPDIR');
      assert.match(problem?.message.en ?? '', new RegExp(`TMPDIR=${value}: ${why}`));
    }
    process.env.TMPDIR = dir;
    assert.equal(await checkTempDir(process.env), undefined);
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
});
