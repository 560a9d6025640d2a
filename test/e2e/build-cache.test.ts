/**
 * What decides whether an issue is built again: the engines' versions are in
 * the digest (another browser rebuilds instead of skipping) and in the PDF,
 * the build record names its files relative to the project, and a skipped
 * build stays cheap: it loads none of the code that lays out and writes PDFs.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parseBrowserVersion } from '../../src/config/engines.js';
import { type CliRun, cli, cliEnv, ROOT } from '../helpers/build.js';
import { scratchDir } from '../helpers/scratch.js';
import { sharedBuild } from '../helpers/shared-build.js';

const CHROMIUM = process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';
const OTHER_VERSION = 'Chromium 999.0.0.1';

const producer = (pdf: string) => /^Producer:\s+(.*)$/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1];
const statusOf = (run: CliRun) =>
  /skipped/.test(run.stdout) ? 'skipped' : /\d+ pages in/.test(run.stdout) ? 'built' : `failed: ${run.stderr}`;

describe('the build cache and the engines', () => {
  let dir: string;
  /** The first build of 453 in `dir`. */
  let first: CliRun;
  let otherBrowser: string;
  let version: string;
  let chromium: string;
  let pagedjs: string;

  before(async () => {
    ({ dir, run: first } = await sharedBuild(['453']));
    // The same browser behind a script that reports another version, as an update would.
    otherBrowser = path.join(await scratchDir('build-issue-browser-'), 'chromium');
    await writeFile(otherBrowser, `#!/bin/sh\n[ "$1" = --version ] && { echo '${OTHER_VERSION}'; exit 0; }\nexec '${CHROMIUM}' "$@"\n`, {
      mode: 0o755,
    });
    version = (JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    chromium = parseBrowserVersion(execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))!;
    pagedjs = (JSON.parse(await readFile(path.join(ROOT, 'node_modules', 'pagedjs', 'package.json'), 'utf8')) as { version: string })
      .version;
  });

  test('the PDF names build-issue, the browser and Paged.js with their versions, in its Info and its XMP', () => {
    assert.equal(first.code, 0, first.stderr);
    const pdf = path.join(dir, 'dist', '453.pdf');
    const expected = `build-issue ${version} (${chromium}, Paged.js ${pagedjs})`;
    assert.equal(producer(pdf), expected);
    assert.ok(execFileSync('pdfinfo', ['-meta', pdf], { encoding: 'utf8' }).includes(`<pdf:Producer>${expected}</pdf:Producer>`));
  });

  test('the build record names the files it wrote relative to the project', async () => {
    const record = JSON.parse(await readFile(path.join(dir, 'dist', '.build-issue', '453.pdf.json'), 'utf8')) as {
      outputs: Record<string, string>;
    };
    assert.deepEqual(Object.keys(record.outputs).sort(), ['dist/453.pdf', 'dist/453.pdf.sha256']);
  });

  test('another browser executable rebuilds instead of skipping; the same one again skips', async () => {
    const pdf = path.join(dir, 'dist', '453.pdf');
    assert.equal((await cli(['453'], dir)).code, 0); // built, or skipped if an earlier test built it
    const first = await readFile(pdf);
    assert.equal(statusOf(await cli(['453'], dir)), 'skipped');
    const other = { PUPPETEER_EXECUTABLE_PATH: otherBrowser };
    assert.equal(statusOf(await cli(['453'], dir, other)), 'built', 'another browser’s version did not rebuild');
    assert.equal(producer(pdf), `build-issue ${version} (${OTHER_VERSION}, Paged.js ${pagedjs})`);
    assert.equal(statusOf(await cli(['453'], dir, other)), 'skipped');
    // Back to the first browser: built again, to the first build's bytes.
    assert.equal(statusOf(await cli(['453'], dir, { PUPPETEER_EXECUTABLE_PATH: CHROMIUM })), 'built');
    assert.ok(first.equals(await readFile(pdf)), 'the same inputs and engines gave other bytes');
  });

  test('the proofs of an issue that is up to date need no browser', async () => {
    assert.equal((await cli(['453'], dir)).code, 0); // built, or skipped if an earlier test built it
    // The same browser's version, and a browser that cannot start: the digest is the same, and the build skips.
    const unstartable = path.join(await scratchDir('build-issue-browser-'), 'chromium');
    await writeFile(unstartable, `#!/bin/sh\n[ "$1" = --version ] && exec '${CHROMIUM}' --version\nexit 1\n`, { mode: 0o755 });
    const run = await cli(['453', '--proof'], dir, { PUPPETEER_EXECUTABLE_PATH: unstartable });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(statusOf(run), 'skipped');
    const proofs = await readdir(path.join(dir, 'dist', '453.proof'));
    assert.ok(proofs.includes('contact-sheet.png') && proofs.includes('page-16.png'), proofs.join(' '));
  });

  test('--version names the browser, its version and Paged.js’s', async () => {
    const run = await cli(['--version'], dir, { PUPPETEER_EXECUTABLE_PATH: otherBrowser });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.stdout.trim().split('\n'), [
      `build-issue ${version}`,
      `${OTHER_VERSION} (${otherBrowser})`,
      `Paged.js ${pagedjs}`,
      `Node ${process.versions.node}`,
    ]);
  });

  test('doctor names the browser and where it came from, the fonts’ digests and the tools', async () => {
    const run = await cli(['doctor'], dir, { PUPPETEER_EXECUTABLE_PATH: otherBrowser });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^✓ ${OTHER_VERSION} \\(${otherBrowser}\\), from PUPPETEER_EXECUTABLE_PATH$`, 'm'));
    assert.match(run.stdout, /^ {2}✓ body, TOC, footer: Noto Serif SC Regular \(node_modules\/\S+\.ttf, sha256 [0-9a-f]{16}\)$/m);
    assert.match(run.stdout, /^✓ qpdf \d+\.\d+/m);
    const missing = await cli(['doctor'], dir, { PUPPETEER_EXECUTABLE_PATH: path.join(dir, 'no-browser') });
    assert.notEqual(missing.code, 0, 'doctor passed without a browser');
    assert.match(missing.stderr, /PUPPETEER_EXECUTABLE_PATH=.*no-browser is not an executable file/);
  });

  test('a skipped build loads none of the code that lays out, writes or checks PDFs', async () => {
    const build = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'build.js')).href)) as {
      LIB_DIR: string;
      bundleOptions(outdir: string, pageScriptCode: string): object;
      pageScript(bundler: typeof esbuild): Promise<{ code: string }>;
    };
    const esbuild = await import('esbuild');
    const { metafile } = await esbuild.build({
      ...build.bundleOptions(build.LIB_DIR, (await build.pageScript(esbuild)).code),
      write: false,
    });
    const sourcesOf = (file: string) => Object.keys(metafile!.outputs[path.relative(ROOT, file)]?.inputs ?? {});

    assert.equal((await cli(['453'], dir)).code, 0); // built, or skipped if an earlier test built it
    // Every module the run loads, as Node's loader resolves it.
    const hooks = await scratchDir('build-issue-hooks-');
    const log = path.join(hooks, 'loaded.txt');
    await writeFile(
      path.join(hooks, 'hooks.mjs'),
      `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`,
    );
    await writeFile(
      path.join(hooks, 'register.mjs'),
      `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`,
    );
    const run = execFileSync(
      process.execPath,
      ['--import', pathToFileURL(path.join(hooks, 'register.mjs')).href, path.join(ROOT, 'bin', 'build-issue.js'), '453'],
      { cwd: dir, env: cliEnv(), encoding: 'utf8' },
    );
    assert.match(run, /skipped/);

    const loaded = (await readFile(log, 'utf8')).split('\n').filter((url) => url.startsWith(pathToFileURL(build.LIB_DIR).href));
    assert.ok(loaded.some((url) => url.endsWith('/lib/cli.js')));
    const sources = loaded.flatMap((url) => {
      const file = new URL(url).pathname;
      assert.ok(metafile!.outputs[path.relative(ROOT, file)], `${file} is not a file of lib/ as scripts/build.js makes it`);
      return sourcesOf(file);
    });
    assert.ok(sources.includes('src/stages/load/load-issue.ts'), 'the skipped build did not load the issue');
    // The pipeline runs the skip; the steps after it are loaded only when an issue gets to them.
    assert.ok(sources.includes('src/pipeline.ts'), 'the skipped build did not go through the pipeline');
    const heavy =
      /^src\/(stages\/(render\/render-issue|finish\/finish|lint\/lint-issue|verify\/preflight\/preflight)|browser\/(launch|layout-pages))\.ts|^src\/stages\/paginate\/|node_modules\/(puppeteer-core|pdf-lib|handlebars)\//;
    assert.deepEqual(
      sources.filter((file) => heavy.test(file)),
      [],
    );
  });
});
