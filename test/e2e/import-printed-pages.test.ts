/**
 * The archivist's path end to end: import the seed of 453, make the one fix
 * its report asks for, build, and compare each article's first page with the
 * printed original.
 */
import assert from 'node:assert/strict';
import { access, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { cli, ROOT, workspace } from '../helpers/build.js';

const SEED = path.join(ROOT, 'test', 'fixtures', 'import', 'seed-453.txt');
const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

describe('import, build, compare pages with print', () => {
  let dir: string;
  let issueFile: string;

  before(async () => {
    dir = await workspace();
    await rm(path.join(dir, 'issues', '453'), { recursive: true });
    const run = await cli(['import', SEED], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /latin-word “and” in Chinese text/);
    issueFile = path.join(dir, 'issues', '453', 'issue.md');
    await writeFile(issueFile, (await readFile(issueFile, 'utf8')).replace('思想 and 行动', '思想和行动'));
  });

  test('the imported issue builds with every article on its printed page', async () => {
    const run = await cli(['453', '--strict-pages'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /printed-/);
    assert.ok(await exists(path.join(dir, 'dist', '453.pdf')));
  });

  test('--check warns of an article that no longer starts on its printed page, and still builds', async () => {
    await writeFile(issueFile, (await readFile(issueFile, 'utf8')).replace(/(byline: 中共阜平县委\n\s+page:) 7/, '$1 8'));
    await rm(path.join(dir, 'dist'), { recursive: true, force: true });
    const run = await cli(['453', '--check'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      /issues\/453\/issue\.md:\d+ warning printed-page-differs “学习贯彻党的二十大精神 闯出阜平产业振兴发展新路” starts on page 7; the printed issue has it on page 8/,
    );
    assert.ok(await exists(path.join(dir, 'dist', '453.pdf')));
  });

  test('--strict-pages makes that difference fail the build, and no PDF is written', async () => {
    await rm(path.join(dir, 'dist'), { recursive: true, force: true });
    const run = await cli(['453', '--strict-pages'], dir);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /issues\/453\/issue\.md:\d+ printed-page-differs .* starts on page 7; the printed issue has it on page 8/);
    assert.ok(!(await exists(path.join(dir, 'dist', '453.pdf'))));
  });
});
