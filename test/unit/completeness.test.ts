/**
 * After layout, every block of the source must be on the pages whole and
 * once (stages/paginate/completeness.ts): each way Paged.js can lose or
 * repeat text is an error at the block's line.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkCompleteness } from '../../src/stages/paginate/completeness.js';

const bundle = {
  file: 'issues/1/issue.md',
  blocks: [
    { id: 'b1', line: 10, chars: 100 },
    { id: 'b2', line: 12, chars: 50 },
  ],
};
type Found = { chars: number; hidden: number; pages: number[]; outside?: number; outsidePage?: number };
const whole = { chars: 100, hidden: 0, pages: [1] };
const rules = (blocks: Record<string, Found>, colophonPage = 3) =>
  checkCompleteness(bundle, {
    blocks: Object.fromEntries(Object.entries(blocks).map(([id, b]) => [id, { outside: 0, outsidePage: 0, ...b }])),
    colophonPage,
  }).map((d) => `${d.rule}@${d.line ?? '-'}`);

describe('the completeness check', () => {
  test('passes an issue whose blocks are all on the pages, whole, once', () => {
    assert.deepEqual(rules({ b1: whole, b2: { chars: 50, hidden: 0, pages: [1, 2] } }), []);
  });

  test('reports a block missing, cut short, hidden beyond a page, or laid out twice', () => {
    assert.deepEqual(rules({ b1: whole }), ['block-dropped@12']);
    assert.deepEqual(rules({ b1: whole, b2: { chars: 40, hidden: 0, pages: [1] } }), ['block-truncated@12']);
    assert.deepEqual(rules({ b1: { ...whole, hidden: 30 }, b2: { chars: 50, hidden: 0, pages: [2] } }), ['block-hidden@10']);
    assert.deepEqual(rules({ b1: whole, b2: { chars: 73, hidden: 0, pages: [1, 2] } }), ['block-repeated@12']);
  });

  test('reports a block whose lines reach beyond the text area, past a pixel of rounding', () => {
    assert.deepEqual(rules({ b1: whole, b2: { chars: 50, hidden: 0, pages: [2], outside: 0.9, outsidePage: 2 } }), []);
    const found = checkCompleteness(bundle, {
      blocks: { b1: { ...whole, outside: 0, outsidePage: 0 }, b2: { chars: 50, hidden: 0, pages: [2], outside: 40, outsidePage: 2 } },
      colophonPage: 3,
    });
    assert.deepEqual(
      found.map((d) => [d.rule, d.line, d.message.en]),
      [['block-overflow', 12, 'on page 2, this block reaches 30.0 pt beyond the text area (or its table cell), where print cuts it off']],
    );
  });

  test('reports a missing distribution footer', () => {
    assert.deepEqual(rules({ b1: whole, b2: { chars: 50, hidden: 0, pages: [2] } }, 0), ['footer-dropped@-']);
  });
});
