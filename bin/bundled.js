/**
 * Start-up without tsx's cost. tsx resolves and loads every module (about a
 * thousand, with the packages) through loader hooks on another thread, which
 * added about a second to each run (1.5 s before `--version` printed; 0.25 s
 * now). Instead the sources and most packages are bundled with esbuild into
 * one file in node_modules/.cache/build-issue/cli/, bundled again as soon as
 * any source, package-lock.json or this file changes (see `unchanged`), so
 * there is still no build step between editing a stage and running it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const CACHE_DIR = path.join(PACKAGE_DIR, 'node_modules', '.cache', 'build-issue', 'cli');

/**
 * Left as packages: those imported only on a cache miss (fontkit, subset-font,
 * which also read WebAssembly beside them), pagedjs (its polyfill file is read
 * from its folder), and the bundler and its fallback.
 */
const LEFT_OUT = ['fontkit', 'subset-font', 'pagedjs', 'esbuild', 'tsx'];

const digest = (text) => createHash('sha256').update(text).digest('hex');

/** Each source's digest, or null when it is gone. */
async function digests(files) {
  return Object.fromEntries(await Promise.all(files.map(async (file) => [file, await readFile(path.join(PACKAGE_DIR, file), 'utf8').then(digest, () => null)])));
}

/** Each source's size and time of change, or null when it is gone: a cheaper first look than reading all of them. */
async function stamps(files) {
  const stampOf = (info) => `${info.size}:${info.mtimeMs}`;
  return Object.fromEntries(await Promise.all(files.map(async (file) => [file, await stat(path.join(PACKAGE_DIR, file)).then(stampOf, () => null)])));
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether the sources are those the bundle was made from: their stamps are
 * unchanged (one stat each, a fifth of the time of reading and digesting
 * them), or else their digests are (then the stamps are recorded again).
 */
async function unchanged(record, kept) {
  const files = Object.keys(kept.sources);
  if (kept.stamps && same(await stamps(files), kept.stamps)) return true;
  if (!same(await digests(files), kept.sources)) return false;
  await writeAtomic(record, JSON.stringify({ ...kept, stamps: await stamps(files) }));
  return true;
}

async function writeAtomic(file, data) {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, data);
  await rename(temp, file);
}

/**
 * Modules bundled together share one import.meta, and CommonJS ones lose
 * __dirname: each module keeps its own file's instead. The digest of each
 * source is recorded as it is read (packages are covered by package-lock.json).
 */
function ownFileNames(sources) {
  return {
    name: 'own-file-names',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!args.path.includes(`${path.sep}node_modules${path.sep}`)) sources[path.relative(PACKAGE_DIR, args.path)] = digest(source);
        const meta = { url: pathToFileURL(args.path).href, dirname: path.dirname(args.path), filename: args.path };
        const esm = source.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, key) => JSON.stringify(meta[key]));
        const usesOwn = /\b__(dirname|filename)\b/.test(esm) && !/\b(const|let|var)\s+__(dirname|filename)\b/.test(esm);
        const contents = usesOwn ? `var __dirname = ${JSON.stringify(meta.dirname)}, __filename = ${JSON.stringify(meta.filename)};\n${esm}` : esm;
        return { contents, loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js' };
      });
    },
  };
}

async function bundle(entry) {
  const esbuild = await import('esbuild');
  // The packages are covered by the lock file, and how they are bundled by this file.
  const sources = await digests(['package-lock.json', 'bin/bundled.js']);
  const result = await esbuild.build({
    entryPoints: [path.join(PACKAGE_DIR, entry)],
    bundle: true,
    platform: 'node',
    // CommonJS, so that V8 can keep its compiled code between runs (see runBundle);
    // import() becomes require(), as a compiled script cannot import.
    format: 'cjs',
    supported: { 'dynamic-import': false },
    target: 'node20',
    external: LEFT_OUT,
    // Minified: less than half the size, so less to parse at each start; names
    // kept for stack traces. The source map goes beside the bundle, read only
    // under --enable-source-maps: Node parsed an inline one on every start (0.1 s).
    minify: true,
    keepNames: true,
    sourcemap: 'external',
    outfile: path.join(CACHE_DIR, 'bundle.cjs'), // names the outputs only: write is false
    sourcesContent: false,
    write: false,
    logLevel: 'silent',
    plugins: [ownFileNames(sources)],
  });
  const output = (ext) => result.outputFiles.find((file) => file.path.endsWith(ext)).contents;
  return { code: output('.cjs'), map: output('.cjs.map'), sources };
}

/** Bundles left by earlier edits; an hour is ample for any run still importing one. */
async function prune(keep) {
  for (const file of await readdir(CACHE_DIR)) {
    const full = path.join(CACHE_DIR, file);
    const info = await stat(full).catch(() => undefined);
    if (/\.[cm]js(\.map|\.v8cache)?$/.test(file) && !file.startsWith(keep) && info && Date.now() - info.mtimeMs > 3_600_000) await rm(full, { force: true });
  }
}

/** The path of an up-to-date bundle of `entry` (a path relative to the package), bundling it if a source changed. */
export async function bundled(entry) {
  const name = entry.replace(/\W+/g, '-');
  const record = path.join(CACHE_DIR, `${name}.json`);
  const kept = JSON.parse(await readFile(record, 'utf8').catch(() => 'null'));
  const current = kept && (await stat(path.join(CACHE_DIR, kept.file)).catch(() => undefined));
  if (current && (await unchanged(record, kept))) {
    return path.join(CACHE_DIR, kept.file);
  }
  const { code, map, sources } = await bundle(entry);
  const file = `${name}-${digest(code).slice(0, 16)}.cjs`;
  await mkdir(CACHE_DIR, { recursive: true });
  await writeAtomic(path.join(CACHE_DIR, `${file}.map`), map);
  await writeAtomic(path.join(CACHE_DIR, file), Buffer.concat([code, Buffer.from(`\n//# sourceMappingURL=${file}.map\n`)]));
  // Stamped after bundling, so the stamps are kept only if the sources still have the digests that were bundled.
  const files = Object.keys(sources);
  const stamped = await stamps(files);
  await writeAtomic(record, JSON.stringify({ file, sources, ...(same(await digests(files), sources) ? { stamps: stamped } : {}) }));
  await prune(file);
  return path.join(CACHE_DIR, file);
}

/**
 * Runs a bundle with V8's code cache: compiling the 1.8 MB bundle and the
 * functions a build calls took about 0.15 s of each start. The compiled code
 * is written beside the bundle when a run ends (with all it compiled by then)
 * and used by the next runs; V8 rejects it when the bundle, Node or V8's flags
 * differ, and it is written again. Under --enable-source-maps the bundle is
 * required as usual, so that Node reads its source map.
 */
export function runBundle(file) {
  const load = createRequire(file);
  if (process.sourceMapsEnabled) return load(file);
  const cacheFile = `${file}.v8cache`;
  const cachedData = readCache(cacheFile);
  const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  // Registered before the bundle runs: a command may end the process at once (--version does).
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => writeCache(cacheFile, script.createCachedData()));
  const module = { exports: {} };
  script.runInThisContext()(module.exports, load, module, file, path.dirname(file));
  return module.exports;
}

function readCache(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** At exit, so synchronous; a cache that cannot be written only costs the next run its compile time. */
function writeCache(file, data) {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}
