import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type FontFamily, ROLE_NAMES, type Role } from '../../config/edition.js';
import { type Diagnostic, error, type Place, type Result } from '../../diagnostics.js';
import { writeAtomic } from '../../io/write-atomic.js';
import { type FontSource, readFontSource } from './font-source.js';

/** A piece of text and the role (masthead, title, body …) whose font will set it. */
export interface RoleText {
  role: string;
  text: string;
  place: Place;
}

/** A font ready for @font-face: subset to the characters, TrueType outlines. */
export interface PreparedFont {
  family: string;
  weight: number;
  ttf: Buffer;
  /** The subset's file in the cache folder (absolute). */
  file: string;
}

export interface FontOptions {
  rootDir: string;
  families: Record<string, FontFamily>;
  roles: Record<string, string>;
  /** Where subsets are kept between builds, keyed by font and characters. */
  cacheDir: string;
}

// Line ends, tabs and invisible format characters (zero-width space, BOM) are
// never set. Every other character is, white space included: an ideographic
// space (U+3000) or a no-break space that no subset carried would be set in
// a system font, and embedded as Type 3.
const IGNORED = /[\t\n\v\f\r\u2028\u2029\p{Default_Ignorable_Code_Point}]/u;

function charsOf(texts: readonly string[]): string {
  const set = new Set<string>();
  for (const text of texts) for (const ch of text) if (!IGNORED.test(ch)) set.add(ch);
  return [...set].sort().join('');
}

/** Line and column of the n-th UTF-16 offset, for pointing at one character. */
function placeAt(place: Place, text: string, offset: number): Place {
  if (place.line === undefined) return place;
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  const line = place.line + lines.length - 1;
  const column = lines.length === 1 ? (place.column ?? 1) + before.length : lines.at(-1)!.length + 1;
  return { file: place.file, line, column };
}

/**
 * Every character must be in the font its role uses; otherwise Chromium would
 * quietly take a system font (perhaps a CFF one, which it embeds as Type 3).
 */
function checkCoverage(texts: readonly RoleText[], faces: Map<string, FontSource>, roles: Record<string, string>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const { role, text, place } of texts) {
    const family = roles[role];
    const face = family === undefined ? undefined : faces.get(family);
    if (!face) throw new Error(`style edition has no font for role “${role}”`);
    let offset = 0;
    for (const ch of text) {
      const key = `${family}:${ch}`;
      if (!IGNORED.test(ch) && !reported.has(key) && !face.coverage.has(ch.codePointAt(0)!)) {
        reported.add(key);
        const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        const what = ROLE_NAMES[role as Role];
        const message = {
          zh: `${what.zh}的字体里没有“${ch}”（U+${code}），印出来会出错；请换成常用字形，或请版式维护者换用有这个字的字体`,
          en: `“${ch}” (U+${code}) is not in the ${what.en} font; replace it or choose another font`,
        };
        diagnostics.push(error('glyph-missing', message, placeAt(place, text, offset)));
      }
      offset += ch.length;
    }
  }
  return diagnostics;
}

async function subsetCached(source: FontSource, chars: string, cacheDir: string): Promise<{ ttf: Buffer; file: string }> {
  const key = createHash('sha256').update(source.digest).update('\0').update(chars).digest('hex').slice(0, 32);
  const file = path.join(cacheDir, `${key}.ttf`);
  const cached = await readFile(file).catch(() => undefined);
  if (cached) return { ttf: cached, file };
  // Subsetting to the characters also drops the Kangxi radicals that
  // share glyphs with ideographs, so Chromium can no longer write 大 as ⼤.
  // Imported on a cache miss only, which keeps start-up short (most builds find their subsets cached).
  const { subsetFont } = await import('./subsetter.js');
  const ttf = await subsetFont(source, chars);
  await writeAtomic(file, ttf);
  return { ttf, file };
}

/** Without a cacheDir, coverage is learnt from the fonts themselves (slower) and not kept. */
type FaceOptions = Pick<FontOptions, 'rootDir' | 'families' | 'roles'> & Partial<Pick<FontOptions, 'cacheDir'>>;

/** Reads the font of every role, once per family: its bytes, digest and coverage. */
async function loadFaces(options: FaceOptions): Promise<Result<{ faces: Map<string, FontSource> }>> {
  const faces = new Map<string, FontSource>();
  for (const family of new Set(Object.values(options.roles))) {
    const spec = options.families[family];
    if (!spec) throw new Error(`font family “${family}” is not in fonts/fonts.json`);
    const file = path.resolve(options.rootDir, spec.file);
    const source = await readFontSource(file, options.cacheDir);
    if (!source) {
      const message = { zh: '缺少一个字体文件，请运行 npm ci 重新安装', en: 'a font file is missing; run npm ci' };
      return { diagnostics: [error('font-missing', message, { file: spec.file })] };
    }
    faces.set(family, source);
  }
  return { value: { faces }, diagnostics: [] };
}

/** The coverage check alone, for `build-issue lint`: the same rule and messages as a build's. */
export async function checkGlyphs(texts: readonly RoleText[], options: FaceOptions): Promise<Diagnostic[]> {
  const loaded = await loadFaces(options);
  return loaded.value ? checkCoverage(texts, loaded.value.faces, options.roles) : loaded.diagnostics;
}

/**
 * Checks coverage, then subsets each family to the characters it sets: the
 * body's family to every character of the issue (the CSS names it as every
 * other family's fallback, so a character a smaller subset lacks is still set
 * by a font of ours, never by a system font), the others to their roles' texts.
 * Smaller fonts load, lay out and embed faster.
 */
export async function prepareFonts(texts: readonly RoleText[], extraChars: string, options: FontOptions): Promise<Result<PreparedFont[]>> {
  const loaded = await loadFaces(options);
  if (!loaded.value) return { diagnostics: loaded.diagnostics };
  const { faces } = loaded.value;
  const diagnostics = checkCoverage(texts, faces, options.roles);
  if (diagnostics.length > 0) return { diagnostics };

  const fallback = options.roles.body;
  const setsText = (family: string) => family === fallback || texts.some((t) => options.roles[t.role] === family && t.text !== '');
  const charsFor = (family: string) =>
    charsOf([...texts.filter((t) => family === fallback || options.roles[t.role] === family).map((t) => t.text), extraChars]);
  // A family no text of the issue uses (the monospace face of an issue without code) is not embedded.
  const fonts = await Promise.all(
    [...faces.keys()].filter(setsText).map(async (family) => ({
      family,
      weight: options.families[family]!.weight,
      ...(await subsetCached(faces.get(family)!, charsFor(family), options.cacheDir)),
    })),
  );
  return { value: fonts, diagnostics: [] };
}
