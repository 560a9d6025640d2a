/**
 * A build ended from outside, at several moments: by kill -9, which it
 * cannot answer, and by Ctrl-C or SIGTERM, which it must answer at once.
 * Whenever it ends, the PDF beside the earlier build is whole, its checksum
 * is absent or right (never one of another PDF), no Chromium is left, and
 * the next run removes what a killed one left and builds. Processes are
 * signalled by their PID. And two builds of one issue at once: the PDF, its
 * checksum and its record all come from one of them (a lock beside the
 * record makes the second write after the first).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { watch } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { BIN, cliEnv } from '../helpers/build.js';
import { type Project, processesOf, project, runCase, SERIAL } from '../helpers/corpus.js';
import { processTree } from '../helpers/processes.js';

const PDF = `dist/${SERIAL}.pdf`;

/** Starts a build of 7001 in the project; `when` resolves at the moment to signal it. */
function startBuild(p: Project, env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [BIN, SERIAL, '--force'], {
    cwd: p.dir,
    env: cliEnv({ TMPDIR: p.at('tmp'), CI: '1', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on('close', (code, signal) => resolve(signal ? -1 : code)));
  return { child, exited, stderr: () => stderr };
}

/** Resolves when Chromium (or what stands for it) runs under the CLI. */
async function chromiumRunning(pid: number, name = /chrom/i): Promise<void> {
  for (let tries = 0; tries < 1200; tries++) {
    if (processTree(pid).some((proc) => name.test(proc.command))) return;
    await sleep(25);
  }
  throw new Error('Chromium never started');
}

/** Resolves when a file in dist/ whose name passes `test` appears or goes (inotify: the moment can be a few milliseconds long), or the build ends. */
function distEvent(p: Project, build: ReturnType<typeof startBuild>, test: (name: string) => boolean): Promise<void> {
  return new Promise<void>((resolve) => {
    const watcher = watch(p.at('dist'), (_, name) => {
      if (name && test(name)) done();
    });
    const done = () => {
      watcher.close();
      resolve();
    };
    void build.exited.then(done);
  });
}

/** A “browser” that starts and never answers; its command line names the profile it was given, so that it can be found. */
const MUTE_BROWSER = '#!/bin/bash\nexec -a "mute-browser $*" sleep 600\n';

/** The PDF is the earlier one or a whole new one, and its checksum is absent or its own. */
async function consistent(p: Project): Promise<string> {
  const pdf = await readFile(p.at(PDF));
  const checksum = await readFile(p.at(`${PDF}.sha256`), 'utf8').catch(() => undefined);
  if (checksum !== undefined)
    assert.equal(checksum.split(' ')[0], createHash('sha256').update(pdf).digest('hex'), 'the checksum is of another PDF');
  if (!pdf.toString('latin1').includes('an earlier build')) execFileSync('pdfinfo', [p.at(PDF)], { stdio: 'ignore' });
  return checksum === undefined ? 'no checksum' : 'checksum';
}

/** Nothing of the run is left running (Chromium ends when the CLI's pipe to it closes). */
async function nothingRunning(p: Project): Promise<void> {
  for (let tries = 0; tries < 100 && processesOf(p.dir).length > 0; tries++) await sleep(50);
  assert.deepEqual(processesOf(p.dir), []);
}

describe('a build ended from outside', () => {
  test('kill -9 as it starts, while Chromium lays out, while the PDF is written and before its checksum: nothing inconsistent, and the next run cleans up', async () => {
    const p = await project();
    const moments: [string, (build: ReturnType<typeof startBuild>) => Promise<void>][] = [
      ['as it starts', () => sleep(150)],
      ['while Chromium lays out', (build) => chromiumRunning(build.child.pid!).then(() => sleep(300))],
      ['as the PDF is written', (build) => distEvent(p, build, (name) => name.startsWith(`.${SERIAL}.pdf.`) && name.endsWith('.tmp'))],
      ['after the old checksum went', (build) => distEvent(p, build, (name) => name === `${SERIAL}.pdf.sha256`)],
    ];
    for (const [moment, when] of moments) {
      const build = startBuild(p);
      const watching = when(build);
      await Promise.race([watching, build.exited]);
      build.child.kill('SIGKILL');
      await build.exited;
      await nothingRunning(p);
      await consistent(p).catch((cause: Error) => assert.fail(`killed ${moment}: ${cause.message}`));
    }
    const next = await runCase(p, [SERIAL, '--force']);
    assert.equal(next.code, 0, next.stderr);
    assert.equal(await consistent(p), 'checksum');
    assert.deepEqual(next.leftInTmp, [], 'the killed runs’ Chromium profiles were not removed');
    assert.deepEqual(
      (await readdir(p.at('dist'))).filter((name) => name.endsWith('.tmp')),
      [],
      'half-written files were left in dist/',
    );
  });

  for (const [signal, moment] of [
    ['SIGINT', 'while Chromium starts (one that never answers)'],
    ['SIGTERM', 'while Chromium lays out'],
  ] as const) {
    test(`${signal} ${moment}: the build ends at once with 130, leaving the earlier PDF and nothing else`, async () => {
      const p = await project();
      const mute = moment.startsWith('while Chromium starts');
      if (mute) await writeFile(p.at('mute-browser'), MUTE_BROWSER, { mode: 0o755 });
      const build = startBuild(p, mute ? { PUPPETEER_EXECUTABLE_PATH: p.at('mute-browser') } : {});
      await chromiumRunning(build.child.pid!, mute ? /mute-browser/ : /chrom/i);
      const sent = performance.now();
      build.child.kill(signal);
      const code = await build.exited;
      assert.ok(performance.now() - sent < 4000, 'the build took longer than its grace to end');
      await nothingRunning(p);
      if (code === 0) return assert.equal(await consistent(p), 'checksum'); // it finished before the signal came
      assert.equal(code, 130, build.stderr());
      assert.match(build.stderr(), /interrupted/);
      assert.match(await readFile(p.at(PDF), 'latin1'), /an earlier build/);
      assert.deepEqual(await readdir(p.at('tmp')), []);
    });
  }

  test('two builds of one issue at once: the PDF, its checksum and its record are all of one of them', async () => {
    const p = await project();
    const epochs = ['1700000000', '1710000000'];
    const runs = await Promise.all(epochs.map((epoch) => runCase(p, [SERIAL, '--force'], { SOURCE_DATE_EPOCH: epoch })));
    for (const run of runs) assert.equal(run.code, 0, run.stderr);
    assert.equal(await consistent(p), 'checksum');
    const pdf = await readFile(p.at(PDF));
    const record = JSON.parse(await readFile(p.at(`dist/.build-issue/${SERIAL}.pdf.json`), 'utf8')) as { outputs: Record<string, string> };
    // The record names its outputs from the project's folder.
    assert.equal(record.outputs[PDF], createHash('sha256').update(pdf).digest('hex'), 'the record is of another PDF');
    const created = execFileSync('pdfinfo', ['-isodates', p.at(PDF)], { encoding: 'utf8' });
    assert.match(created, /CreationDate:\s+(2023-11-14T22:13:20Z|2024-03-09T16:00:00Z)/);
    assert.deepEqual(
      (await readdir(p.at('dist/.build-issue'))).filter((name) => name.endsWith('.lock')),
      [],
    );
  });
});
