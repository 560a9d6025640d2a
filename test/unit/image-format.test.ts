/**
 * An image is read from its bytes before the browser sees it: its format,
 * its size, and whether it is whole. A broken one must never reach a page,
 * where Chromium prints its broken-image icon, its alt text or a fragment.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deflateSync } from 'node:zlib';
import { inspectImage } from '../../src/stages/render/image-format.js';
import { png, SAMPLES } from '../helpers/images.js';

const MAX = 50_000_000;
const problem = async (bytes: Buffer) => {
  const inspected = await inspectImage(bytes, MAX);
  return 'problem' in inspected ? inspected.problem : undefined;
};

describe('reading an image before layout', () => {
  test('a whole image of each format gives its format and size', async () => {
    assert.deepEqual(await inspectImage(png(60, 40), MAX), { facts: { format: 'png', width: 60, height: 40 } });
    assert.deepEqual(await inspectImage(SAMPLES.jpeg, MAX), { facts: { format: 'jpeg', width: 6, height: 4 } });
    assert.deepEqual(await inspectImage(SAMPLES.webp, MAX), { facts: { format: 'webp', width: 6, height: 4 } });
    assert.deepEqual(await inspectImage(SAMPLES.gif, MAX), { facts: { format: 'gif', width: 1, height: 1 } });
  });

  test('an empty file, and a text file, are not images', async () => {
    assert.equal(await problem(Buffer.alloc(0)), 'the file is empty');
    assert.equal(await problem(Buffer.from('这不是图片，是一段文字。\n')), 'it is not a PNG, JPEG, GIF or WebP image');
  });

  test('a file cut short is found, in every format and wherever it is cut', async () => {
    for (const [name, bytes] of Object.entries({ png: png(60, 40), ...SAMPLES })) {
      for (const keep of [0.3, 0.6, 0.95]) {
        const cut = bytes.subarray(0, Math.max(12, Math.floor(bytes.length * keep)));
        assert.ok(await problem(cut), `${name} cut to ${cut.length} of ${bytes.length} bytes passed`);
      }
    }
  });

  test('a PNG whose data was damaged, or holds fewer rows than its header says, is found', async () => {
    const damaged = png(60, 40);
    damaged[60] = damaged[60]! ^ 0xff;
    assert.match((await problem(damaged)) ?? '', /damaged \(checksum mismatch\)/);
    const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(60 * 3)]);
    const short = png(60, 40, { data: deflateSync(Buffer.concat(Array.from({ length: 30 }, () => row))) });
    assert.match((await problem(short)) ?? '', /incomplete \(5430 bytes where 7240 belong\)/);
  });

  test('an enormous PNG gives its size at once, without inflating its data', async () => {
    const started = performance.now();
    const inspected = await inspectImage(png(20000, 20000, { data: Buffer.alloc(10) }), MAX);
    assert.deepEqual(inspected, { facts: { format: 'png', width: 20000, height: 20000 } });
    assert.ok(performance.now() - started < 500);
  });
});
