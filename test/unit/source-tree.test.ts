/**
 * Rules of the source tree that no compiler checks: every file under src/ is
 * one tsc checks, and puppeteer's internals are reached from one module only.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from '../helpers/build.js';

const SRC = path.join(ROOT, 'src');

/** Every file under src/, as a path relative to the project. */
async function sourceFiles(): Promise<string[]> {
  const entries = await readdir(SRC, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

describe('the source tree', () => {
  test('holds no JavaScript that tsc would not check: code is TypeScript', async () => {
    const files = await sourceFiles();
    assert.ok(files.length > 50);
    assert.deepEqual(
      files.filter((file) => /\.[cm]?jsx?$/.test(file)),
      [],
    );
  });

  test('imports puppeteer-core/internal in src/browser/puppeteer.ts only', async () => {
    const files = (await sourceFiles()).filter((file) => file.endsWith('.ts'));
    const importing = [];
    for (const file of files) {
      if (/['"]puppeteer-core\/internal\//.test(await readFile(path.join(ROOT, file), 'utf8'))) importing.push(file);
    }
    assert.deepEqual(importing, ['src/browser/puppeteer.ts']);
  });
});
