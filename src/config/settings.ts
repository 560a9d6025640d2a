import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Diagnostic, error } from '../diagnostics.js';
import { DEFAULT_PRINT, type PrintOptions } from '../stages/finish/print-options.js';
import type { Engines } from './engines.js';

/** The nearest folder at or above `dir` that holds a package.json. */
function packageDirAbove(dir: string): string {
  if (existsSync(path.join(dir, 'package.json'))) return dir;
  const parent = path.dirname(dir);
  if (parent === dir) throw new Error(`build-issue: no package.json above ${dir}`);
  return packageDirAbove(parent);
}

/**
 * Where build-issue itself lives: package.json, templates/, styles/, fonts/,
 * src/ and node_modules/ are here. Found from this module, which runs from
 * src/config/ (tests, through tsx) or from a chunk in lib/ (the CLI).
 */
export const PACKAGE_DIR = packageDirAbove(path.dirname(fileURLToPath(import.meta.url)));
export const VERSION: string = (JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version;

/** Every setting of a build, resolved once from the command line and the environment. */
export interface Settings {
  /** Folder with templates/, styles/, fonts/ (build-issue's own). */
  packageDir: string;
  /** Folder with publication.yaml and one folder per issue. Default: ./issues */
  issuesDir: string;
  /** Folder PDFs are written to. Default: ./dist */
  distDir: string;
  /** Font subsets kept between builds. Default: node_modules/.cache/build-issue */
  cacheDir: string;
  /**
   * Folder with templates/<edition>/, styles/<edition>/ and fonts/fonts.json.
   * Default: packageDir; BUILD_ISSUE_EDITIONS names another (to try a redesign, or in tests).
   */
  editionsDir: string;
  /** Edition used when an issue names none. Default: 2023, or BUILD_ISSUE_DEFAULT_EDITION */
  defaultEdition: string;
  /** SOURCE_DATE_EPOCH, if set: the date written into PDFs instead of the issue's date. */
  sourceDateEpoch?: number;
  /** Bleed, crop marks, padding to a multiple of 4 pages, grayscale, tags. Default: DEFAULT_PRINT (pad only). */
  print: PrintOptions;
  version: string;
  /**
   * The browser's and Paged.js's versions, found by the build command
   * (config/engines.ts): they are in the build digest and the PDF's Producer.
   */
  engines?: Engines;
}

/** The last second a PDF date can hold (9999-12-31T23:59:59Z). */
const LAST_EPOCH = 253_402_300_799;

/** Environment variables the build cannot use, each one line naming it (SOURCE_DATE_EPOCH that is not a time). */
export function environmentProblems(env: NodeJS.ProcessEnv): Diagnostic[] {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return [];
  if (/^\d+$/.test(epoch) && Number(epoch) <= LAST_EPOCH) return [];
  const message = {
    zh: `SOURCE_DATE_EPOCH=${epoch} 不是时间：请写从 1970-01-01 UTC 起的整秒数，最大 ${LAST_EPOCH}（9999 年）`,
    en: `SOURCE_DATE_EPOCH=${epoch} is not a time: give whole seconds since 1970-01-01 UTC, at most ${LAST_EPOCH} (the year 9999)`,
  };
  return [error('source-date-epoch', message, { file: 'SOURCE_DATE_EPOCH' })];
}

export function resolveSettings(env: NodeJS.ProcessEnv, cwd: string, overrides: Partial<Settings> = {}): Settings {
  const epoch = env.SOURCE_DATE_EPOCH;
  return {
    packageDir: PACKAGE_DIR,
    issuesDir: path.resolve(cwd, 'issues'),
    distDir: path.resolve(cwd, 'dist'),
    cacheDir: path.join(PACKAGE_DIR, 'node_modules', '.cache', 'build-issue'),
    editionsDir: env.BUILD_ISSUE_EDITIONS ? path.resolve(cwd, env.BUILD_ISSUE_EDITIONS) : PACKAGE_DIR,
    defaultEdition: env.BUILD_ISSUE_DEFAULT_EDITION || '2023',
    sourceDateEpoch: epoch && /^\d+$/.test(epoch) ? Number(epoch) : undefined,
    print: DEFAULT_PRINT,
    version: VERSION,
    ...overrides,
  };
}
