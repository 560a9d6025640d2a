/**
 * Chromium ending by itself in the middle of a run (a crash, which takes
 * the whole browser when it runs in one process, or a kill): the issue laid
 * out at that moment fails and says so, the issues after it are built by a
 * Chromium started again, and no Chromium or profile is left behind.
 *
 * The second issue's edition holds the page for 8 s as its HTML is written
 * (a script that waits), and Chromium is killed in that time.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { BIN, cliEnv, ROOT, workspace } from '../helpers/build.js';
import { copyIssue, parseSummary } from '../helpers/issues.js';
import { processTree } from '../helpers/processes.js';
import { scratchDir } from '../helpers/scratch.js';

const SHORT = path.join(ROOT, 'test', 'fixtures', 'batch', 'short', 'issue.md');

describe('Chromium ending in the middle of a run', () => {
  test('fails the issue laid out then, and builds the ones after it with a new Chromium', async () => {
    const editions = await scratchDir('build-issue-editions-');
    for (const [from, to] of [
      ['templates/2023', 'templates/2023'],
      ['styles/2023', 'styles/2023'],
      ['templates/2023', 'templates/slow'],
      ['styles/2023', 'styles/slow'],
    ])
      await cp(path.join(ROOT, from!), path.join(editions, to!), { recursive: true });
    const template = path.join(editions, 'templates', 'slow', 'issue.hbs');
    const wait = '<script>const until = Date.now() + 8000; while (Date.now() < until);</script>';
    await writeFile(template, (await readFile(template, 'utf8')).replace('</head>', `${wait}</head>`));
    await mkdir(path.join(editions, 'fonts'));
    await cp(path.join(ROOT, 'fonts', 'fonts.json'), path.join(editions, 'fonts', 'fonts.json'));

    const dir = await workspace();
    await copyIssue(dir, SHORT, '801');
    await copyIssue(dir, SHORT, '802', (markdown) => markdown.replace(/^serial: (\d+)$/m, 'serial: $1\nedition: slow'));
    await copyIssue(dir, SHORT, '803');
    const child = spawn(process.execPath, [BIN, '801', '802', '803', '--jobs', '1', '--json'], {
      cwd: dir,
      env: cliEnv({ BUILD_ISSUE_EDITIONS: editions, CI: '1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    // 801 built: 802 is being written into the page, which then waits.
    while (!/dist\/801\.pdf: \d+ pages in/.test(stderr)) {
      assert.equal(child.exitCode, null, `the run ended before 801 was built:\n${stderr}`);
      await sleep(25);
    }
    await sleep(1500);
    const browsers = processTree(child.pid!).filter((p) => p.command.includes('--user-data-dir='));
    assert.equal(browsers.length, 1, `Chromium's browser process: ${browsers.map((p) => p.command).join('\n')}`);
    process.kill(browsers[0]!.pid, 'SIGKILL');
    await exited;

    const issues = parseSummary(stdout).issues;
    assert.deepEqual(
      issues.map((i) => [i.serial, i.status]),
      [
        ['801', 'built'],
        ['802', 'failed'],
        ['803', 'built'],
      ],
      stderr,
    );
    assert.match(stderr, /^issues\/802 build-crashed Chromium ended during the build \(it crashed, or was killed\)/m);
    const left = (await readdir(tmpdir())).filter((name) => name.startsWith(`build-issue-chromium-${child.pid}-`));
    assert.deepEqual(left, [], 'a Chromium profile was left behind');
  });
});
