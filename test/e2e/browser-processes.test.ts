/**
 * Run as root, Chromium runs in one process (browser/launch.ts:
 * ONE_PROCESS); BUILD_ISSUE_BROWSER_PROCESSES=separate keeps its processes.
 * The PDF is the same to the byte either way.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { cli } from '../helpers/build.js';
import { sharedBuild } from '../helpers/shared-build.js';

describe('Chromium in one process or in several', () => {
  test('453 is the same to the byte', async () => {
    const { dir, run } = await sharedBuild(['453']);
    assert.equal(run.code, 0, run.stderr);
    const pdf = path.join(dir, 'dist', '453.pdf');
    const one = await readFile(pdf);
    const separate = await cli(['453', '--force'], dir, { BUILD_ISSUE_BROWSER_PROCESSES: 'separate' });
    assert.equal(separate.code, 0, separate.stderr);
    assert.ok(one.equals(await readFile(pdf)), 'the PDF laid out by Chromium in separate processes differs');
  });
});
