/**
 * An issue's PDF does not depend on the Node that builds it: 453 built on
 * this test's Node and on another (BUILD_ISSUE_OTHER_NODE, the path of its
 * node; .ci/run runs this on Node 24 with the machine's Node 20 as the other)
 * is the same to the byte.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { cli, workspace } from '../helpers/build.js';

const OTHER = process.env.BUILD_ISSUE_OTHER_NODE;
const versionOf = (node: string) => execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();

test('453 built on another Node is the same to the byte', { skip: !OTHER && 'BUILD_ISSUE_OTHER_NODE names no other Node' }, async () => {
  const other = OTHER!;
  assert.notEqual(versionOf(other), process.version, 'the other Node is this one');
  const pdfs: Buffer[] = [];
  for (const node of [process.execPath, other]) {
    const dir = await workspace();
    const run = await cli(['453'], dir, {}, node);
    assert.equal(run.code, 0, `${versionOf(node)}: ${run.stderr}`);
    pdfs.push(await readFile(path.join(dir, 'dist', '453.pdf')));
  }
  assert.ok(pdfs[0]!.equals(pdfs[1]!), `453 differs between Node ${process.version} and ${versionOf(other)}`);
});
