/**
 * The CLI runs as a bundle with V8's code cache beside it (bin/bundled.js,
 * runBundle): the first run writes the cache, later runs read it, and a cache
 * that does not fit (another Node, a damaged file) is written again, never
 * an error.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ROOT } from '../helpers/build.js';
import { scratchDir } from '../helpers/scratch.js';

const exec = promisify(execFile);
const BUNDLED = pathToFileURL(path.join(ROOT, 'bin', 'bundled.js')).href;

/** Runs `file` as the CLI runs its bundle, in a process of its own; its output. */
async function run(file: string, ...args: string[]): Promise<string> {
  const script = `const { runBundle } = await import(${JSON.stringify(BUNDLED)}); runBundle(${JSON.stringify(file)});`;
  const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script, ...args]);
  return stdout;
}

test('a bundle runs with its code cache: written by the first run, used by the next, written again when damaged', async () => {
  const dir = await scratchDir('build-issue-bundle-');
  const file = path.join(dir, 'bundle.cjs');
  // Enough code that V8 has something to cache; it reports its own file name and arguments.
  const functions = Array.from({ length: 50 }, (_, i) => `function f${i}(x) { return x * ${i} + ${i}; }`).join('\n');
  await writeFile(file, `${functions}\nconsole.log(__filename, f49(2), process.argv.slice(1).join(' '));\n`);
  const cache = `${file}.v8cache`;

  assert.equal(await run(file, 'a', 'b'), `${file} 147 a b\n`);
  const written = await stat(cache);
  assert.ok(written.size > 100, 'no code cache after the first run');

  assert.equal(await run(file), `${file} 147 \n`);
  assert.equal((await stat(cache)).mtimeMs, written.mtimeMs, 'a cache that fits is used as it is, not written again');

  await writeFile(cache, 'not a code cache');
  assert.equal(await run(file), `${file} 147 \n`);
  assert.ok((await stat(cache)).size > 100, 'a damaged cache is written again');
});
