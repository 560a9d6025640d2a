/**
 * Several short issues and one broken one in a single run: the good ones are
 * built (and opened), the broken one is reported, the exit code says so; then
 * unchanged issues are skipped, changed ones rebuilt, --force rebuilds, and
 * --shard slices cover --all exactly.
 */
import assert from 'node:assert/strict';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { cli, ROOT, workspace } from '../helpers/build.js';
import { copyIssue, parseSummary, type RunSummary, statuses } from '../helpers/issues.js';
import { pageCount, pageTexts } from '../helpers/pdf.js';

const SHORT = path.join(ROOT, 'test', 'fixtures', 'batch', 'short', 'issue.md');
const BROKEN = path.join(ROOT, 'test', 'fixtures', 'batch', 'broken', 'issue.md');
const GOOD = ['501', '502', '503'];

describe('build-issue with many issues', () => {
  let dir: string;
  let first: { code: number; stdout: string; stderr: string };
  let summary: RunSummary;

  before(async () => {
    dir = await workspace();
    await rm(path.join(dir, 'issues', '453'), { recursive: true }); // short issues only: this file tests the runner, not the layout
    for (const serial of GOOD) await copyIssue(dir, SHORT, serial);
    await copyIssue(dir, BROKEN, '504');
    await copyIssue(dir, SHORT, '520'); // outside the range built below
    first = await cli(['501-510', '--json', '--jobs', '2'], dir);
    summary = parseSummary(first.stdout);
  });

  test('a range builds exactly the issues inside it, and --json prints the summary', () => {
    assert.deepEqual(
      summary.issues.map((i) => i.serial),
      ['501', '502', '503', '504'],
    );
  });

  test('every good issue is built and its PDF is that issue', () => {
    for (const serial of GOOD) {
      const row = summary.issues.find((i) => i.serial === serial)!;
      assert.equal(row.status, 'built');
      assert.equal(row.output, `dist/${serial}.pdf`);
      const pdf = path.join(dir, 'dist', `${serial}.pdf`);
      assert.equal(pageCount(pdf), row.pages);
      assert.ok(pageTexts(pdf)[0]!.replace(/\s/g, '').includes(`总第${serial}期`), `${serial}.pdf does not say 总第${serial}期`);
    }
  });

  test('the broken issue is reported with its place and rule, writes nothing, and the exit code is non-zero', async () => {
    assert.notEqual(first.code, 0);
    const broken = summary.issues.find((i) => i.serial === '504')!;
    assert.equal(broken.status, 'failed');
    assert.ok(broken.diagnostics.length > 0);
    for (const d of broken.diagnostics) assert.deepEqual([d.file, d.line, d.rule], ['issues/504/issue.md', 16, 'raw-html']);
    assert.match(first.stderr, /^issues\/504\/issue\.md:16:\d+ raw-html /m);
    assert.match(first.stderr, new RegExp(`issue 504 not built: ${broken.diagnostics.length} errors?`));
    await assert.rejects(stat(path.join(dir, 'dist', '504.pdf')));
  });

  test('a second run skips every unchanged issue and leaves its PDF alone', async () => {
    const before = await stat(path.join(dir, 'dist', '501.pdf'));
    const again = await cli(GOOD, dir);
    assert.equal(again.code, 0, again.stderr);
    for (const serial of GOOD)
      assert.match(again.stdout, new RegExp(`dist/${serial}\\.pdf: \\d+ pages, inputs unchanged since it was built; skipped`));
    assert.match(again.stdout, /^serial\s+pages\s+seconds\s+status\s+output$/m);
    assert.match(again.stdout, /^501\s+\d+\s+[\d.]+\s+skipped\s+dist\/501\.pdf$/m);
    assert.equal((await stat(path.join(dir, 'dist', '501.pdf'))).mtimeMs, before.mtimeMs);
  });

  test('a changed issue and a deleted PDF are rebuilt, the others skipped', async () => {
    const source = path.join(dir, 'issues', '502', 'issue.md');
    await writeFile(source, (await readFile(source, 'utf8')).replace('只有一篇文章', '只有一篇改过的文章'));
    await rm(path.join(dir, 'dist', '503.pdf'));
    const run = await cli([...GOOD, '--json'], dir);
    assert.deepEqual(statuses(run.stdout), { 501: 'skipped', 502: 'built', 503: 'built' });
    assert.ok(
      pageTexts(path.join(dir, 'dist', '502.pdf'))
        .join('')
        .includes('改过的文章'),
    );
  });

  test('--force rebuilds unchanged issues, to the same bytes in a page already used by another issue', async () => {
    const pdf = (serial: string) => readFile(path.join(dir, 'dist', `${serial}.pdf`));
    const earlier = { 501: await pdf('501'), 503: await pdf('503') }; // each laid out in a page of its own
    // One job: 503 is laid out in the page 501 was laid out in just before.
    const run = await cli(['501', '503', '--force', '--jobs', '1', '--json'], dir);
    assert.deepEqual(statuses(run.stdout), { 501: 'built', 503: 'built' });
    for (const serial of ['501', '503'] as const)
      assert.ok(earlier[serial].equals(await pdf(serial)), `${serial}.pdf came out other than before`);
  });

  test('a change to the publication file rebuilds every issue', async () => {
    const file = path.join(dir, 'issues', 'publication.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('83012929', '83012930'));
    const run = await cli([...GOOD, '--json'], dir);
    assert.deepEqual(statuses(run.stdout), { 501: 'built', 502: 'built', 503: 'built' });
  });

  test('--shard slices of --all are disjoint and together are --all', async () => {
    const slices = await Promise.all(
      ['1/3', '2/3', '3/3'].map(async (shard) =>
        parseSummary((await cli(['--all', '--shard', shard, '--json'], dir)).stdout).issues.map((i) => i.serial),
      ),
    );
    const union = slices.flat();
    assert.equal(new Set(union).size, union.length, `an issue is in two slices: ${slices.join(' | ')}`);
    assert.deepEqual(union.sort(), ['501', '502', '503', '504', '520']);
  });
});
