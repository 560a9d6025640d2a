import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PACKAGE_DIR } from '../../config/settings.js';
import type { FontSource } from './font-source.js';

/** The parts of HarfBuzz's hb-subset (its WebAssembly build, from harfbuzzjs) that subsetting uses. */
interface HarfBuzz {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;

const require = createRequire(path.join(PACKAGE_DIR, 'package.json'));
let harfbuzz: Promise<HarfBuzz> | undefined;

function loadHarfBuzz(): Promise<HarfBuzz> {
  harfbuzz ??= (async () => {
    const wasm = await readFile(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    const { instance } = await WebAssembly.instantiate(wasm);
    const hb = instance.exports as unknown as HarfBuzz;
    hb._initialize();
    return hb;
  })();
  return harfbuzz;
}

/** Each font's face, by its digest: the font copied into HarfBuzz's memory once, its tables read once. */
const faces = new Map<string, Promise<number>>();

function faceOf(hb: HarfBuzz, source: FontSource): Promise<number> {
  let face = faces.get(source.digest);
  if (!face) {
    face = (async () => {
      // HarfBuzz reads TrueType and OpenType; a WOFF or WOFF2 is unpacked first.
      const { convert } = await import('fontverter');
      const font = await convert(await source.bytes(), 'truetype');
      const data = hb.malloc(font.byteLength);
      new Uint8Array(hb.memory.buffer).set(font, data);
      const blob = hb.hb_blob_create(data, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
      const created = hb.hb_face_create(blob, 0);
      hb.hb_blob_destroy(blob);
      return created;
    })();
    faces.set(source.digest, face);
    face.catch(() => faces.delete(source.digest));
  }
  return face;
}

/**
 * A TrueType subset of `source` holding `chars`, with every layout feature
 * kept: what subset-font makes with its defaults (the same hb-subset, the
 * same input, the same bytes), but each font's face stays open between
 * subsets. subset-font copied the whole font (15 MB for a CJK face) into
 * HarfBuzz and read its tables again for every subset, most of a subset's
 * time; a preview subsets again whenever an edit brings a new character,
 * and a run of many issues once per issue and font. The faces stay for the
 * life of the process.
 */
export async function subsetFont(source: FontSource, chars: string): Promise<Buffer> {
  const hb = await loadHarfBuzz();
  const face = await faceOf(hb, source);
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('hb_subset_input_create_or_fail (HarfBuzz) failed');
  let subset: number;
  try {
    const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    hb.hb_set_invert(features);
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const ch of chars) hb.hb_set_add(unicodes, ch.codePointAt(0)!);
    subset = hb.hb_subset_or_fail(face, input);
  } finally {
    hb.hb_subset_input_destroy(input);
  }
  if (subset === 0) throw new Error('hb_subset_or_fail (HarfBuzz) failed: is the font file damaged?');
  const blob = hb.hb_face_reference_blob(subset);
  try {
    const offset = hb.hb_blob_get_data(blob, 0);
    const length = hb.hb_blob_get_length(blob);
    if (length === 0) throw new Error('HarfBuzz made an empty subset: is the font file damaged?');
    // Copied out: HarfBuzz's memory may move when it next grows.
    return Buffer.from(new Uint8Array(hb.memory.buffer, offset, length));
  } finally {
    hb.hb_blob_destroy(blob);
    hb.hb_face_destroy(subset);
  }
}
