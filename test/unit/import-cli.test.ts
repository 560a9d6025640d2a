/** `build-issue import` as an archivist runs it: report on stdout, an issue folder that loads, nothing overwritten. */
import assert from 'node:assert/strict';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { cli, ROOT } from '../helpers/build.js';
import { scratchDir } from '../helpers/scratch.js';

const SEED = path.join(ROOT, 'test', 'fixtures', 'import', 'seed-453.txt');

async function project(): Promise<string> {
  const dir = await scratchDir('import-cli-');
  await mkdir(path.join(dir, 'issues'));
  await cp(path.join(ROOT, 'issues', 'publication.yaml'), path.join(dir, 'issues', 'publication.yaml'));
  return dir;
}

describe('build-issue import', () => {
  test('--dry-run prints the report, each entry at its line of the conversion, and writes nothing', async () => {
    const dir = await project();
    const run = await cli(['import', SEED, '--dry-run'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /seed-453\.txt:62:1 warning import-duplicate-removed “学”/);
    assert.match(run.stdout, /seed-453\.txt:106:128 warning latin-word “and” in Chinese text/);
    assert.match(run.stdout, /issue 453, 1 import-title-respaced, 12 import-joined, 1 import-duplicate-removed, 1 latin-word/);
    assert.deepEqual(await readdir(path.join(dir, 'issues')), ['publication.yaml']);
  });

  test('writes issues/<serial>/issue.md that loads, then refuses to overwrite it', async () => {
    const dir = await project();
    const first = await cli(['import', SEED], dir);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /wrote issues\/453\/issue\.md/);
    const written = await readFile(path.join(dir, 'issues', '453', 'issue.md'), 'utf8');
    const again = await cli(['import', SEED], dir);
    assert.notEqual(again.code, 0);
    assert.match(again.stderr, /issues\/453\/issue\.md import-exists/);
    assert.equal(await readFile(path.join(dir, 'issues', '453', 'issue.md'), 'utf8'), written);
  });

  test('--serial files the issue under another serial, and the report says the masthead disagrees', async () => {
    const dir = await project();
    const run = await cli(['import', SEED, '--serial', '900'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /import-serial-differs the masthead says 总第453期; imported as 900/);
    assert.match(await readFile(path.join(dir, 'issues', '900', 'issue.md'), 'utf8'), /^serial: 900$/m);
  });

  test('a conversion whose masthead lacks the serial is refused, naming the fact and the option', async () => {
    const dir = await project();
    const conversion = path.join(dir, 'no-serial.md');
    await writeFile(conversion, (await readFile(SEED, 'utf8')).replace('(总第453期)', ''));
    const run = await cli(['import', conversion], dir);
    assert.notEqual(run.code, 0);
    assert.match(
      run.stderr,
      /no-serial\.md:1 import-missing-fact the conversion does not state the serial \(总第…期\); give it with --serial/,
    );
    assert.deepEqual(await readdir(path.join(dir, 'issues')), ['publication.yaml']);
  });

  test('a --serial that is not a number is refused', async () => {
    const run = await cli(['import', SEED, '--serial', 'x'], await project());
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /--serial must be a whole number/);
  });
});
