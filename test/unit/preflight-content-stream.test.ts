/** The content-stream reader the preflight walks pages with: operators, operands, and what it must read past. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ContentSyntaxError, Name, type Operand, operations } from '../../src/stages/verify/preflight/content-stream.js';
import { type Matrix, multiply } from '../../src/stages/verify/preflight/graphics.js';

const show = (operand: Operand) => (operand instanceof Name ? `/${operand.value}` : String(operand));
const read = (text: string) => [...operations(Buffer.from(text, 'latin1'))].map((op) => [op.operator, ...op.operands.map(show)].join(' '));

test('reads operators with their number and name operands', () => {
  assert.deepEqual(read('q 1 0 0 -1 0 841.92 cm /X6 Do Q'), ['q', 'cm 1 0 0 -1 0 841.92', 'Do /X6', 'Q']);
});

test('reads past strings with brackets, escapes and nested parentheses, arrays and dictionaries', () => {
  const stream = String.raw`BT /F1 12 Tf [(a\) ] \(b) 120 (c (d) e)] TJ ET /Span <</MCID 3 /Alt (x>>y)>> BDC EMC 0 0 1 RG`;
  assert.deepEqual(read(stream), ['BT', 'Tf /F1 12', 'TJ null', 'ET', 'BDC /Span null', 'EMC', 'RG 0 0 1']);
});

test('reads an inline image as one operation carrying its dictionary, skipping its data', () => {
  const stream = 'q 10 0 0 10 0 0 cm BI /W 4 /H 2 /CS /RGB /BPC 8 ID \x00EI\xff Q\x00 EI Q';
  assert.deepEqual(read(stream), ['q', 'cm 10 0 0 10 0 0', 'BI /W 4 /H 2 /CS /RGB /BPC 8', 'Q']);
});

test('decodes #xx escapes in names and skips comments', () => {
  assert.deepEqual(read('% a comment\n/A#20B cs'), ['cs /A B']);
});

test('concatenates transformations as cm does: the new matrix first', () => {
  const scale: Matrix = [2, 0, 0, 2, 0, 0];
  const shift: Matrix = [1, 0, 0, 1, 10, 20];
  assert.deepEqual(multiply(scale, shift), [2, 0, 0, 2, 10, 20]);
  assert.deepEqual(multiply(shift, scale), [2, 0, 0, 2, 20, 40]);
});

test('throws, with the byte where it began, what a RIP could not read', () => {
  const problem = (text: string) => {
    try {
      read(text);
    } catch (cause) {
      if (cause instanceof ContentSyntaxError) return cause.message;
      throw cause;
    }
    return 'read without error';
  };
  assert.equal(problem('BT (never ends Tj ET'), 'byte 3: a string that never ends');
  assert.equal(problem('BT <0012 Tj ET'), 'byte 3: a hex string that never ends');
  assert.equal(problem('BT <00x2> Tj ET'), 'byte 6: a hex string with characters that are not hex digits');
  assert.equal(problem('BT [(a) 120 (b) TJ ET'), 'byte 3: an array that never ends');
  assert.equal(problem('/Span <</MCID 3 BDC'), 'byte 6: a dictionary that never ends');
  assert.equal(problem('q 1 0 0 1 0 0 cm ) Q'), 'byte 17: an unexpected )');
  assert.equal(problem('q 2 Tq Q'), 'byte 4: "Tq", which is not a PDF operator');
  assert.equal(problem('BI /W 1 /H 1 ID \x00\x01'), 'byte 15: an inline image without its EI');
});

test('lets unknown operators through inside BX … EX, as PDF asks', () => {
  assert.deepEqual(read('BX 1 Tq EX q'), ['BX', 'Tq 1', 'EX', 'q']);
  assert.throws(() => read('BX EX 1 Tq'), ContentSyntaxError);
});
