import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeAtomic } from '../io/write-atomic.js';
import { browserStartTimeout, findBrowser } from './browser.js';

/**
 * The programs besides build-issue's own code that make an issue's PDF, by
 * their versions: a change of any of them may change the pages, so each is
 * in the build digest (build-cache/inputs.ts) and in the PDF's metadata. The
 * fonts are digested with the edition that uses them.
 */
export interface Engines {
  /** build-issue's version (package.json). */
  buildIssue: string;
  /** As the browser says it (`chromium --version`): “Chromium 156.0.8078.114”; undefined when none is found. */
  chromium?: string;
  /** The Paged.js package the layout pages load. */
  pagedjs: string;
}

/** The folder of an installed package, found from build-issue's own folder (exports maps hide package.json). */
export function packageFolder(packageDir: string, name: string): string {
  const entry = createRequire(path.join(packageDir, 'package.json')).resolve(name);
  const folder = path.join('node_modules', name);
  let dir = path.dirname(entry);
  while (!dir.endsWith(folder) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

async function packageVersion(packageDir: string, name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(packageFolder(packageDir, name), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** “Chromium 156.0.8078.114” from what `--version` prints (Debian's adds “built on Debian …”). */
export function parseBrowserVersion(output: string): string | undefined {
  const match = /^(.*?)\s*\b(\d+(?:\.\d+){1,3})\b/m.exec(output.trim());
  if (!match) return undefined;
  const product = match[1]!.trim();
  return product ? `${product} ${match[2]}` : match[2];
}

/** Asks the executable, for at most `timeout` ms; an abort (Ctrl-C) ends the question and the process at once. */
function askVersion(executable: string, timeout: number, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(executable, ['--version'], { timeout, signal, killSignal: 'SIGKILL' }, (cause, stdout) => {
      const version = parseBrowserVersion(stdout);
      if (version) resolve(version);
      else reject(new Error(`${executable} --version printed no version${cause ? ` (${cause.message})` : `: ${stdout.trim()}`}`));
    });
  });
}

/**
 * The browser's version, as the executable reports it. Asking takes a process
 * (0.2–0.8 s: Debian's chromium is a shell script), so each answer is kept in
 * the cache folder under the executable's path and its identity on disk (size,
 * times of change, inode): a browser updated or replaced, or a path pointed at
 * another one, is asked again.
 */
export async function browserVersion(
  executable: string,
  cacheDir: string,
  ask: { timeout: number; signal?: AbortSignal } = { timeout: 20_000 },
): Promise<string> {
  const info = await stat(executable);
  const identity = [executable, info.size, info.mtimeMs, info.ctimeMs, info.ino].join('\0');
  const file = path.join(cacheDir, 'browser-versions.json');
  const known = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, string>;
  const kept = known[identity];
  if (kept) return kept;
  const version = await askVersion(executable, ask.timeout, ask.signal);
  // Only the current answer for each path: an updated browser replaces its entry.
  const others = Object.entries(known).filter(([key]) => key.split('\0')[0] !== executable);
  await writeAtomic(file, `${JSON.stringify(Object.fromEntries([...others, [identity, version]]), null, 1)}\n`);
  return version;
}

/** The engines a build would run with, in this environment; the browser's version is undefined when none is found or it says none. */
export async function findEngines(
  settings: { packageDir: string; cacheDir: string; version: string },
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<Engines> {
  const browser = await findBrowser(env);
  const [chromium, pagedjs] = await Promise.all([
    // A browser that does not answer is given as long as to start (browser-timeout then says so).
    browser.path
      ? browserVersion(browser.path, settings.cacheDir, { timeout: browserStartTimeout(env), signal }).catch(() => undefined)
      : undefined,
    packageVersion(settings.packageDir, 'pagedjs'),
  ]);
  return { buildIssue: settings.version, chromium, pagedjs };
}

/** “build-issue 0.1.0 (Chromium 156.0.8078.114, Paged.js 0.4.3)”: the PDF's Producer. */
export function producerLine(engines: Engines): string {
  return `build-issue ${engines.buildIssue} (${engines.chromium ?? 'no browser'}, Paged.js ${engines.pagedjs})`;
}
