import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import * as fontkit from 'fontkit';
import { readFontSource } from '../../src/stages/render/font-source.js';
import { ROOT } from '../helpers/build.js';
import { scratchDir } from '../helpers/scratch.js';

const catalogue = JSON.parse(readFileSync(path.join(ROOT, 'fonts', 'fonts.json'), 'utf8')) as {
  families: Record<string, { file: string }>;
};
const KAI = path.join(ROOT, catalogue.families['BI Kai']!.file);

describe('font sources', () => {
  test('coverage is exactly the code points fontkit finds in the font', async () => {
    const source = await readFontSource(KAI, await scratchDir('font-cache-'));
    const face = fontkit.create(readFileSync(KAI)) as fontkit.Font;
    assert.deepEqual(
      [...source!.coverage].sort((a, b) => a - b),
      [...new Set(face.characterSet)].sort((a, b) => a - b),
    );
    assert.ok(source!.coverage.has('楷'.codePointAt(0)!));
    assert.ok(!source!.coverage.has(0x1f600));
    // Asked one by one, at every edge of every run: each covered code point and each neighbour that is not.
    const covered = new Set(face.characterSet);
    for (const cp of covered) {
      assert.ok(source!.coverage.has(cp), `U+${cp.toString(16)}`);
      for (const next of [cp - 1, cp + 1]) assert.equal(source!.coverage.has(next), covered.has(next), `U+${next.toString(16)}`);
    }
  });

  test('coverage is kept in the cache folder and read from there, keyed by the font’s digest', async () => {
    const first = await scratchDir('font-cache-');
    const { digest } = (await readFontSource(KAI, first))!;
    const kept = (await readdir(first)).filter((f) => f.endsWith('.coverage.json'));
    assert.deepEqual(kept, [`${digest.slice(0, 32)}.coverage.json`]);

    // A cache that says the font holds one character is believed: the font is not decoded again.
    const second = await scratchDir('font-cache-');
    await writeFile(path.join(second, kept[0]!), JSON.stringify([[0x6977, 0x6977]]));
    assert.deepEqual([...(await readFontSource(KAI, second))!.coverage], [0x6977]);
  });

  test('the digest is the sha256 of the font, kept in the cache folder for the next run', async () => {
    const cache = await scratchDir('font-cache-');
    const source = (await readFontSource(KAI, cache))!;
    assert.equal(source.digest, createHash('sha256').update(readFileSync(KAI)).digest('hex'));
    const kept = (await readdir(cache)).filter((f) => f.endsWith('.digest'));
    assert.equal(kept.length, 1);
    assert.equal(await readFile(path.join(cache, kept[0]!), 'utf8'), source.digest);
    assert.deepEqual(await source.bytes(), readFileSync(KAI));
  });

  test('a missing font file reads as undefined', async () => {
    assert.equal(await readFontSource(path.join(ROOT, 'fonts', 'no-such.ttf')), undefined);
  });
});
