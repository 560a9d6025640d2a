/**
 * Start-up without tsx's cost. tsx resolves and loads every module (about a
 * thousand, with the packages) through loader hooks on another thread, which
 * added about a second to each run (1.5 s before `--version` printed; 0.4 s
 * now). Instead the sources and most packages are bundled with esbuild into
 * one file in node_modules/.cache/build-issue/cli/, bundled again as soon as
 * any source, package-lock.json or this file changes (checked by digest), so
 * there is still no build step between editing a stage and running it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
    format: 'esm',
    target: 'node20',
    external: LEFT_OUT,
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    // Minified: less than half the size, so less to parse at each start; names
    // kept for stack traces. The source map goes beside the bundle, read only
    // under --enable-source-maps: Node parsed an inline one on every start (0.1 s).
    minify: true,
    keepNames: true,
    sourcemap: 'external',
    outfile: path.join(CACHE_DIR, 'bundle.mjs'), // names the outputs only: write is false
    sourcesContent: false,
    write: false,
    logLevel: 'silent',
    plugins: [ownFileNames(sources)],
  });
  const output = (ext) => result.outputFiles.find((file) => file.path.endsWith(ext)).contents;
  return { code: output('.mjs'), map: output('.mjs.map'), sources };
}

/** Bundles left by earlier edits; an hour is ample for any run still importing one. */
async function prune(keep) {
  for (const file of await readdir(CACHE_DIR)) {
    const full = path.join(CACHE_DIR, file);
    const info = await stat(full).catch(() => undefined);
    if (/\.mjs(\.map)?$/.test(file) && !file.startsWith(keep) && info && Date.now() - info.mtimeMs > 3_600_000) await rm(full, { force: true });
  }
}

/** The URL of an up-to-date bundle of `entry` (a path relative to the package), bundling it if a source changed. */
export async function bundled(entry) {
  const name = entry.replace(/\W+/g, '-');
  const record = path.join(CACHE_DIR, `${name}.json`);
  const kept = JSON.parse(await readFile(record, 'utf8').catch(() => 'null'));
  const current = kept && (await stat(path.join(CACHE_DIR, kept.file)).catch(() => undefined));
  if (current && JSON.stringify(await digests(Object.keys(kept.sources))) === JSON.stringify(kept.sources)) {
    return pathToFileURL(path.join(CACHE_DIR, kept.file)).href;
  }
  const { code, map, sources } = await bundle(entry);
  const file = `${name}-${digest(code).slice(0, 16)}.mjs`;
  await mkdir(CACHE_DIR, { recursive: true });
  await writeAtomic(path.join(CACHE_DIR, `${file}.map`), map);
  await writeAtomic(path.join(CACHE_DIR, file), Buffer.concat([code, Buffer.from(`\n//# sourceMappingURL=${file}.map\n`)]));
  await writeAtomic(record, JSON.stringify({ file, sources }));
  await prune(file);
  return pathToFileURL(path.join(CACHE_DIR, file)).href;
}
