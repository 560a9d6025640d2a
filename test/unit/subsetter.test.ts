/**
 * The font subsetter keeps each font open between subsets, and makes the
 * bytes subset-font makes (the same HarfBuzz, the same input), so a subset
 * cached by either is the same file.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import subsetFontPackage from 'subset-font';
import type { FontSource } from '../../src/stages/render/font-source.js';
import { subsetFont } from '../../src/stages/render/subsetter.js';
import { ROOT } from '../helpers/build.js';

const TEXT = '中央宣传部、中央组织部近日联合印发《关于进一步提高党委（党组）理论学习中心组学习质量的意见》2023年第9期“新”——……';

/** A font file as the render stage knows it, counting how often its bytes are asked for. */
function countingSource(file: string, digest: string): FontSource & { reads: number } {
  const source = {
    reads: 0,
    digest,
    coverage: new Set<number>(),
    bytes: async () => {
      source.reads += 1;
      return readFile(path.join(ROOT, file));
    },
  };
  return source;
}

for (const [name, file] of [
  ['TrueType (Noto Serif SC)', 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'],
  ['WOFF2 (LXGW WenKai)', 'node_modules/@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff2'],
] as const) {
  test(`a ${name} subset is the one subset-font makes, to the byte`, async () => {
    const ours = await subsetFont(countingSource(file, `test-${file}`), TEXT);
    const theirs = await subsetFontPackage(await readFile(path.join(ROOT, file)), TEXT, { targetFormat: 'truetype' });
    assert.ok(ours.length > 1000);
    assert.ok(ours.equals(theirs), `${ours.length} bytes against ${theirs.length}`);
  });
}

test('the font is read into HarfBuzz once, however many subsets are made of it', async () => {
  const source = countingSource('node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf', 'test-counting');
  const first = await subsetFont(source, TEXT);
  const second = await subsetFont(source, `${TEXT}鑫淼`);
  const again = await subsetFont(source, TEXT);
  assert.equal(source.reads, 1);
  assert.ok(second.length > first.length, 'the second subset lacks the characters added');
  assert.ok(again.equals(first), 'a subset of the same characters came out different');
});
