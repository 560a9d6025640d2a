/**
 * Compiles build-issue's TypeScript (src/) into lib/, which bin/build-issue.js
 * runs. npm runs it as `prepare` (npm ci, npm install); scripts/setup.sh runs
 * it too; the bin runs it when a source changed since lib/ was made, saying so.
 *
 *   node scripts/build.js             compile now
 *   node scripts/build.js --if-stale  compile only if lib/ is missing or out of date
 *
 * lib/, not dist/: dist/ is where the issues' PDFs go.
 *
 * One esbuild bundle of the CLI with its packages, in ES module chunks:
 * code that a command imports with import() is a chunk of its own, loaded
 * only when that command gets to it, so `--version` or a skipped build does
 * not load the layout and PDF code. Chunk names carry a digest of their
 * content: a run that started before a rebuild still finds the chunks it
 * imports later, and each build removes files of earlier ones once they are an
 * hour old.
 *
 * The script an issue's HTML carries (src/page/) is bundled first, by the
 * function that bundles it when the sources run as they are
 * (src/stages/render/bundle-page.ts), and put into the CLI's code as
 * BUILD_ISSUE_PAGE_SCRIPT: the same script either way, and not bundled again
 * at each start.
 *
 * lib/build.json records every file the bundle was made from (the sources it
 * read, the page code, package.json and its lock file, tsconfig.json, this
 * script) with its size and time of change, so that the bin can tell with one
 * stat per file that lib/ is current.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { langSetting } from './lang.js';

export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
export const LIB_DIR = path.join(PACKAGE_DIR, 'lib');
const RECORD = path.join(LIB_DIR, 'build.json');
/** The compiled CLI: src/cli/main.ts. */
export const ENTRY = path.join(LIB_DIR, 'cli.js');

/** Files that shape the bundle besides the sources it reads. */
const CONFIG_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.js'];

/**
 * Left as packages, loaded from node_modules/ at run time: fontkit and
 * fontverter read WebAssembly beside them, pagedjs is read by Chromium from
 * its folder, and esbuild (used by this script) is native code.
 */
const EXTERNAL = ['fontkit', 'fontverter', 'pagedjs', 'esbuild'];

/** An hour: ample for any run still importing chunks of an earlier build. */
const KEEP_OLD_MS = 3_600_000;

const stampOf = (info) => `${info.size}:${info.mtimeMs}`;

/** Each file's stamp (size and time of change), or null when it is gone. */
async function stamps(files) {
  const entries = await Promise.all(files.map(async (file) => [file, await stat(path.join(PACKAGE_DIR, file)).then(stampOf, () => null)]));
  return Object.fromEntries(entries);
}

/** Files under a folder of the package, as paths relative to the package. */
async function filesUnder(dir) {
  const entries = await readdir(path.join(PACKAGE_DIR, dir), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(PACKAGE_DIR, path.join(e.parentPath, e.name)));
}

/**
 * Why lib/ cannot be run as it is (it is missing, or the first file changed
 * since it was made), in Chinese and English, or undefined when it is current.
 */
export async function staleness() {
  const record = JSON.parse(await readFile(RECORD, 'utf8').catch(() => 'null'));
  if (!record?.inputs || !(await stat(ENTRY).catch(() => undefined))) return { zh: '还没有 lib/', en: 'lib/ is missing' };
  const now = await stamps(Object.keys(record.inputs));
  const changed = Object.keys(now).find((file) => now[file] !== record.inputs[file]);
  return changed && { zh: `${changed} 在上次编译后改过`, en: `${changed} changed since lib/ was compiled` };
}

/** esbuild's options for the bundle, written to `outdir`, carrying the page script (see pageScript). */
export function bundleOptions(outdir, pageScriptCode) {
  return {
    absWorkingDir: PACKAGE_DIR,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    define: { BUILD_ISSUE_PAGE_SCRIPT: JSON.stringify(pageScriptCode) },
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    // Less to read and parse at each start; identifiers keep their names, for
    // stack traces and for functions sent into a page as text.
    minifyWhitespace: true,
    minifySyntax: true,
    // Read only under `node --enable-source-maps`, which then names src/ in stack traces.
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'silent',
  };
}

/**
 * The page script and the files it was made from: bundle-page.ts, itself
 * bundled (it imports nothing at run time) and run from a data: URL.
 */
export async function pageScript(esbuild) {
  const maker = await esbuild.build({
    absWorkingDir: PACKAGE_DIR,
    entryPoints: ['src/stages/render/bundle-page.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const { bundlePage } = await import(`data:text/javascript;base64,${Buffer.from(maker.outputFiles[0].contents).toString('base64')}`);
  return bundlePage(esbuild, PACKAGE_DIR);
}

/** Writes beside the file and renames it into place, so that no run reads half of it. */
async function replaceFile(file, data) {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, data);
  await rename(temp, file);
}

/** Compiles src/ into lib/ and records what it was made from. */
export async function build() {
  const esbuild = await import('esbuild');
  // Stamped before compiling: a file edited while it compiles counts as changed.
  const before = await stamps([...CONFIG_FILES, ...(await filesUnder('src'))]);
  const page = await pageScript(esbuild);
  const result = await esbuild.build({ ...bundleOptions(LIB_DIR, page.code), write: false });
  // Packages are covered by the lock file.
  const read = [...new Set([...Object.keys(result.metafile.inputs), ...page.inputs])].filter(
    (file) => !file.split('/').includes('node_modules'),
  );
  const elsewhere = await stamps(read.filter((file) => !(file in before)));
  const inputs = Object.fromEntries([...CONFIG_FILES, ...read].map((file) => [file, before[file] ?? elsewhere[file]]));
  for (const output of result.outputFiles) await replaceFile(output.path, output.contents);
  // The record last: until it is in place, lib/ is not taken as current.
  await replaceFile(RECORD, `${JSON.stringify({ inputs }, null, 1)}\n`);
  await removeOld(new Set([RECORD, ...result.outputFiles.map((output) => output.path)]));
}

/** Files in lib/ that the latest build did not write (absolute paths in `current`), once they are an hour old. */
async function removeOld(current) {
  const entries = await readdir(LIB_DIR, { recursive: true, withFileTypes: true });
  for (const entry of entries.filter((e) => e.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    if (current.has(file)) continue;
    const info = await stat(file).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > KEEP_OLD_MS) await rm(file, { force: true });
  }
}

/**
 * The language of the line buildSaying writes: the CLI's (--lang, then
 * BUILD_ISSUE_LANG), Chinese unless English is asked for. A value the CLI
 * refuses gives Chinese here; the CLI then says what is wrong with it.
 */
export const lineLang = (args, env) => (langSetting(args, env).value === 'en' ? 'en' : 'zh');

/** Compiles, with a line on stderr (in `lang`, 'zh' or 'en') saying why, and when it is done. */
export async function buildSaying(reason, lang) {
  const started = performance.now();
  const said = {
    zh: { start: `build-issue: 正在把 src/ 编译成 lib/（${reason.zh}）……`, failed: '失败', done: (s) => `完成，用时 ${s} 秒` },
    en: { start: `build-issue: compiling src/ into lib/ (${reason.en}) … `, failed: 'failed', done: (s) => `done in ${s} s` },
  }[lang];
  process.stderr.write(said.start);
  try {
    await build();
  } catch (cause) {
    process.stderr.write(`${said.failed}\n`);
    throw cause;
  }
  process.stderr.write(`${said.done(((performance.now() - started) / 1000).toFixed(1))}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const reason = process.argv.includes('--if-stale') ? await staleness() : { zh: '按要求编译', en: 'asked for' };
  if (reason) await buildSaying(reason, lineLang(process.argv.slice(2), process.env));
}
