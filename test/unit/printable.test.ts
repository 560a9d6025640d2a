/** What build-issue prints cannot drive the terminal: control characters from files are escaped. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { printable } from '../../src/cli/printable.js';

test('escape sequences, carriage returns and bidirectional overrides are written as \\uXXXX', () => {
  assert.equal(printable('标题\u001b]0;pwned\u0007 \u001b[2J'), '标题\\u001B]0;pwned\\u0007 \\u001B[2J');
  assert.equal(printable('ok\rfake'), 'ok\\u000Dfake');
  assert.equal(printable('a\u202Eb\u0085c\u009bd'), 'a\\u202Eb\\u0085c\\u009Bd');
});

test('a line end is escaped in one-line text and kept where lines are meant; tabs and Chinese are kept', () => {
  assert.equal(printable('一\n二\t三'), '一\\u000A二\t三');
  assert.equal(printable('一\n二\t三', { lines: true }), '一\n二\t三');
});

test('escaped text inside JSON stays valid JSON with the same characters', () => {
  const json = JSON.stringify({ message: 'x\u009b\u202ey' });
  assert.deepEqual(JSON.parse(printable(json, { lines: true })), { message: 'x\u009b\u202ey' });
});
