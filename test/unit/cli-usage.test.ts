/** The command line as a new user meets it: help, defaults, usage errors, running in the wrong folder. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cli } from '../helpers/build.js';
import { scratchDir } from '../helpers/scratch.js';

describe('build-issue usage', () => {
  test('`help <command>` shows that command’s help', async () => {
    const run = await cli(['help', 'lint'], process.cwd());
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Usage: build-issue lint /m);
    assert.match(run.stdout, /--fix/);
  });

  test('--help states each default once, and lists examples and the environment', async () => {
    const run = await cli(['--help'], process.cwd());
    assert.equal(run.code, 0, run.stderr);
    const help = run.stdout.slice(0, run.stdout.indexOf('Examples:')).replace(/\s+/g, ' ');
    assert.doesNotMatch(help, /default: false/);
    assert.equal(help.match(/default:/g)?.length, 2, help); // --jobs and --bleed
    assert.match(help, /--jobs <n> issues laid out at once \(default: the machine’s cores, \d+\)/);
    assert.match(run.stdout, /^Examples:$/m);
    assert.match(run.stdout, /^Environment:$/m);
    assert.match(run.stdout, /PUPPETEER_EXECUTABLE_PATH/);
  });

  test('a usage error carries the same one prefix as every other failure', async () => {
    for (const args of [['--bogus'], ['lint', '--bogus'], ['453', '--jobs', 'x']]) {
      const run = await cli(args, process.cwd());
      assert.equal(run.code, 1);
      assert.match(run.stderr, /^build-issue: /, args.join(' '));
      assert.doesNotMatch(run.stderr, /error:/, args.join(' '));
    }
  });

  test('run outside a project, it names the folder it looked in', async () => {
    const dir = await scratchDir('build-issue-nowhere-');
    const run = await cli(['453'], dir);
    assert.equal(run.code, 1);
    assert.ok(run.stderr.includes(`no issues/ folder in ${dir}`), run.stderr);
  });
});
