import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { selectIssues } from '../../src/cli/batch/select.js';
import { parseShard, shardOf } from '../../src/cli/batch/shard.js';

const EXISTING = ['438', '440', '441', '445', '452', '453', '460'];

describe('selecting issues', () => {
  test('serials are taken once each, in numeric order', () => {
    assert.deepEqual(selectIssues(['453', '440', '453'], false, EXISTING), { serials: ['440', '453'], problems: [] });
  });

  test('a range selects the issues that exist within it, ends included', () => {
    assert.deepEqual(selectIssues(['440-453'], false, EXISTING).serials, ['440', '441', '445', '452', '453']);
  });

  test('ranges and serials combine', () => {
    assert.deepEqual(selectIssues(['452-460', '438'], false, EXISTING).serials, ['438', '452', '453', '460']);
  });

  test('--all selects every issue', () => {
    assert.deepEqual(selectIssues([], true, EXISTING).serials, EXISTING);
  });

  test('a serial with no folder is kept, so its build reports issue-missing', () => {
    assert.deepEqual(selectIssues(['999'], false, EXISTING).serials, ['999']);
  });

  test('nothing named, both serials and --all, or bad arguments are problems', () => {
    assert.equal(selectIssues([], false, EXISTING).problems.length, 1);
    assert.equal(selectIssues(['453'], true, EXISTING).problems.length, 1);
    assert.match(selectIssues(['453-440'], false, EXISTING).problems[0]!.en, /backwards/);
    assert.match(selectIssues(['500-510'], false, EXISTING).problems[0]!.en, /no issue lies in 500-510/);
    assert.match(selectIssues(['45x'], false, EXISTING).problems[0]!.en, /neither a serial/);
  });
});

describe('--shard i/n', () => {
  const serials = Array.from({ length: 23 }, (_, k) => String(400 + k));

  test('reads i/n and refuses what is not a slice', () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '2', 'a/b', '1/2/3']) assert.ok(!('index' in parseShard(bad)), bad);
  });

  for (const count of [1, 2, 3, 5, 23, 30]) {
    test(`${count} slices are disjoint, cover every issue, and differ in size by at most one`, () => {
      const slices = Array.from({ length: count }, (_, i) => shardOf(serials, { index: i + 1, count }));
      const union = slices.flat();
      assert.equal(new Set(union).size, union.length, 'an issue is in two slices');
      assert.deepEqual([...union].sort(), serials);
      const sizes = slices.map((s) => s.length);
      assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `sizes ${sizes.join(', ')}`);
    });
  }
});
