import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from '../../io/write-atomic.js';

/** A font file as read from disk, with the digest that names it in caches. */
export interface FontSource {
  bytes: Buffer;
  /** sha256 of the bytes, hex. */
  digest: string;
  /** The code points the font has glyphs for. */
  coverage: ReadonlySet<number>;
}

// One reading per font file and process: a batch run asks for the same fonts for every issue.
const read = new Map<string, Promise<FontSource | undefined>>();

/** The coverage as [first, last] runs of code points: a few thousand pairs for a CJK font. */
function toRuns(codePoints: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const cp of [...codePoints].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && cp <= last[1] + 1) last[1] = Math.max(last[1], cp);
    else runs.push([cp, cp]);
  }
  return runs;
}

function fromRuns(runs: readonly [number, number][]): Set<number> {
  const set = new Set<number>();
  for (const [first, last] of runs) for (let cp = first; cp <= last; cp++) set.add(cp);
  return set;
}

/**
 * Decoding a font to learn its coverage is slow (fontkit inflates WOFF2's
 * Brotli in JavaScript: about 0.75 s for LXGW WenKai), so the answer is kept
 * in the cache folder under the font's digest and decoded once per font.
 */
async function coverageOf(bytes: Buffer, digest: string, cacheDir: string | undefined): Promise<Set<number>> {
  const file = cacheDir && path.join(cacheDir, `${digest.slice(0, 32)}.coverage.json`);
  const cached = file && (await readFile(file, 'utf8').catch(() => undefined));
  if (cached) return fromRuns(JSON.parse(cached) as [number, number][]);
  // Loaded only here: most builds find the coverage cached, and fontkit takes 0.2 s to import.
  const fontkit = await import('fontkit');
  const runs = toRuns((fontkit.create(bytes) as import('fontkit').Font).characterSet);
  if (file) await writeAtomic(file, JSON.stringify(runs));
  return fromRuns(runs);
}

/** Reads a font file (undefined if it is missing), its digest and its coverage. */
export async function readFontSource(file: string, cacheDir?: string): Promise<FontSource | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (!info) return undefined;
  // Keyed by size and time too, so a font replaced during a long-lived process is read again.
  const key = [file, info.size, info.mtimeMs, cacheDir ?? ''].join('\0');
  let source = read.get(key);
  if (!source) {
    source = (async () => {
      const bytes = await readFile(file).catch(() => undefined);
      if (!bytes) return undefined;
      const digest = createHash('sha256').update(bytes).digest('hex');
      return { bytes, digest, coverage: await coverageOf(bytes, digest, cacheDir) };
    })();
    read.set(key, source);
  }
  return source;
}
