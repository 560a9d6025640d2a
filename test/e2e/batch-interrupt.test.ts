/**
 * Ctrl-C during a batch: Chromium is closed, the scratch files are removed,
 * the issues done so far are summarised and the exit code is 130.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { BIN, cliEnv, ROOT, workspace } from '../helpers/build.js';
import { copyIssue } from '../helpers/issues.js';
import { alive, processTree } from '../helpers/processes.js';

const SHORT = path.join(ROOT, 'test', 'fixtures', 'batch', 'short', 'issue.md');
/** Scratch pages of this test's issues (others' builds may be running on the machine too). */
async function ourScratchPages(): Promise<string[]> {
  const ours = [];
  for (const name of (await readdir(tmpdir())).filter((n) => n.startsWith('build-issue-page-'))) {
    const html = await readFile(path.join(tmpdir(), name, 'issue.html'), 'utf8').catch(() => '');
    if (/总第7(0[1-9]|1[0-2])期/.test(html)) ours.push(name);
  }
  return ours;
}

test('an interrupted batch closes Chromium, removes its scratch files and says what it did', async () => {
  const dir = await workspace();
  const serials = Array.from({ length: 12 }, (_, k) => String(701 + k));
  for (const serial of serials) await copyIssue(dir, SHORT, serial);

  const child = spawn(process.execPath, [BIN, '701-712', '--jobs', '1'], { cwd: dir, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

  // Wait until Chromium is laying out, then interrupt as a terminal's Ctrl-C would (to the CLI alone).
  let chromium: number[] = [];
  for (let tries = 0; tries < 600 && chromium.length === 0; tries++) {
    await sleep(50);
    chromium = processTree(child.pid!)
      .filter((p) => /chrom/i.test(p.command))
      .map((p) => p.pid);
  }
  assert.ok(chromium.length > 0, `Chromium never started:\n${stderr}`);
  await sleep(500);
  child.kill('SIGINT');

  assert.equal(await exited, 130, stderr);
  assert.match(stderr, /interrupted after \d+ of 12 issues/);
  assert.match(stdout, /^serial\s+pages\s+seconds\s+status\s+output$/m);
  await sleep(500); // let the last children be reaped
  const left = [];
  for (const pid of chromium) if (alive(pid)) left.push(pid);
  assert.deepEqual(left, [], 'Chromium processes outlived the run');
  assert.deepEqual(await ourScratchPages(), [], 'scratch pages were left in the temporary folder');
});
