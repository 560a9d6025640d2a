/**
 * The live progress display, on a real terminal (a pseudo-terminal made by
 * util-linux's `script`): while an issue is laid out, its bar counts the
 * pages laid out so far instead of showing 0 pages until the issue is done.
 * Without a terminal there is no bar, and the run asks the layout page for
 * no page count (each is a message from the page and one back).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { createProgress } from '../../src/cli/batch/progress.js';
import { BIN, cliEnv, workspace } from '../helpers/build.js';

const exec = promisify(execFile);

/** What a terminal receives from `build-issue args`, escape sequences and redrawn bars included. */
async function onTerminal(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  const command = [process.execPath, BIN, ...args].map((word) => `'${word}'`).join(' ');
  const { stdout } = await exec('script', ['-qec', command, '/dev/null'], {
    cwd,
    env: cliEnv({ CI: undefined, ...env }),
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

describe('progress on a terminal', () => {
  test('a single issue’s bar counts its pages as they are laid out', async () => {
    const dir = await workspace();
    const screen = await onTerminal(['453'], dir, {});
    const whileBuilding = [...screen.matchAll(/0\/1 issues \| building 453 \| (\d+) pages/g)].map((m) => Number(m[1]));
    assert.ok(
      whileBuilding.some((pages) => pages > 0),
      `no page count above 0 while 453 was laid out: ${whileBuilding.join(', ')}`,
    );
    assert.ok(
      whileBuilding.every((pages) => pages <= 16),
      'never more pages than the issue has',
    );
    assert.match(screen, /dist\/453\.pdf: 16 pages in/);
  });

  test('in Chinese by default', async () => {
    const dir = await workspace();
    const screen = await onTerminal(['453'], dir, { BUILD_ISSUE_LANG: undefined });
    assert.match(screen, /0\/1 期 \| 正在排 453 \| [1-9]\d* 页/);
    assert.match(screen, /dist\/453\.pdf：16 页，用时 [\d.]+ 秒/);
  });

  test('without a terminal, no page count is asked for', () => {
    const quiet = createProgress(1, { live: false, json: false, lang: 'en' });
    assert.equal(quiet.laidOut, undefined);
    quiet.stop();
  });
});
