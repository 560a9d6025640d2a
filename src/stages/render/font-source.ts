import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from '../../io/write-atomic.js';

/**
 * A font file, known by its digest (which names it in caches) and its
 * coverage. Its bytes are read only when needed (to make a subset that is
 * not cached yet): the house fonts weigh 47 MB.
 */
export interface FontSource {
  bytes(): Promise<Buffer>;
  /** sha256 of the bytes, hex. */
  digest: string;
  /** The code points the font has glyphs for. */
  coverage: CodePoints;
}

// One reading per font file and process: a batch run asks for the same fonts for every issue.
const read = new Map<string, Promise<FontSource | undefined>>();

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

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

/** What a font covers, as build-issue asks it: whether it has a code point (and, for tests, which). */
export interface CodePoints extends Iterable<number> {
  has(codePoint: number): boolean;
}

/**
 * A set of code points kept as its sorted runs, looked up by bisection: a
 * CJK font covers tens of thousands of code points in a few thousand runs,
 * and a build asks about a few thousand characters.
 */
class Coverage implements CodePoints {
  constructor(private readonly runs: readonly (readonly [number, number])[]) {}

  has(codePoint: number): boolean {
    let [low, high] = [0, this.runs.length - 1];
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [first, last] = this.runs[middle]!;
      if (codePoint < first) high = middle - 1;
      else if (codePoint > last) low = middle + 1;
      else return true;
    }
    return false;
  }

  *[Symbol.iterator](): Iterator<number> {
    for (const [first, last] of this.runs) for (let cp = first; cp <= last; cp++) yield cp;
  }
}

/**
 * A value kept in the cache folder under `name`, computed on a miss. Without
 * a cache folder it is computed every time.
 */
async function cached(cacheDir: string | undefined, name: string, compute: () => Promise<string>): Promise<string> {
  const file = cacheDir && path.join(cacheDir, name);
  const kept = file && (await readFile(file, 'utf8').catch(() => undefined));
  if (kept) return kept;
  const value = await compute();
  if (file) await writeAtomic(file, value);
  return value;
}

/**
 * Decoding a font to learn its coverage is slow (fontkit inflates WOFF2's
 * Brotli in JavaScript: about 0.75 s for LXGW WenKai), so the answer is kept
 * under the font's digest and decoded once per font.
 */
async function coverageOf(bytes: () => Promise<Buffer>, digest: string, cacheDir: string | undefined): Promise<Coverage> {
  const runs = await cached(cacheDir, `${digest.slice(0, 32)}.coverage.json`, async () => {
    // Imported only here: most builds find the coverage cached, and fontkit takes 0.2 s to import.
    const fontkit = await import('fontkit');
    return JSON.stringify(toRuns((fontkit.create(await bytes()) as import('fontkit').Font).characterSet));
  });
  return new Coverage(JSON.parse(runs) as [number, number][]);
}

/** Reads a font file (undefined if it is missing): its digest and coverage, its bytes on demand. */
export async function readFontSource(file: string, cacheDir?: string): Promise<FontSource | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (!info) return undefined;
  // The file's identity on disk: a font replaced (by npm, say) is another file and is read again.
  const identity = [file, info.size, info.mtimeMs, info.ino].join('\0');
  const key = `${identity}\0${cacheDir ?? ''}`;
  let source = read.get(key);
  if (!source) {
    source = (async () => {
      let body: Promise<Buffer> | undefined;
      const bytes = () => (body ??= readFile(file));
      // Hashing 47 MB of fonts costs 0.15 s a run, so each digest is kept under the file's identity.
      const digest = await cached(cacheDir, `${sha256(identity).slice(0, 32)}.digest`, async () => sha256(await bytes()));
      return { bytes, digest, coverage: await coverageOf(bytes, digest, cacheDir) };
    })().catch(() => undefined);
    read.set(key, source);
  }
  return source;
}

/**
 * The face's full name from its name table (name ID 4: “Noto Serif SC
 * Regular”, as font menus and print shops know it), else its PostScript or
 * family name; kept in the cache under the font's digest, as its coverage is.
 */
export async function fontName(source: FontSource, cacheDir?: string): Promise<string> {
  return cached(cacheDir, `${source.digest.slice(0, 32)}.name.txt`, async () => {
    const fontkit = await import('fontkit');
    const font = fontkit.create(await source.bytes()) as import('fontkit').Font;
    return font.fullName || font.postscriptName || font.familyName;
  });
}
