/**
 * The compiled CLI (scripts/build.js → lib/, run by bin/build-issue.js): it is
 * compiled again before it runs when a source changed, saying so, and never
 * runs stale; a compile error names the file and line; a rebuild leaves the
 * chunks an earlier run may still import. Each test works on a copy of the
 * package in a scratch folder, sharing this checkout's node_modules.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, readdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import module from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { ROOT } from '../helpers/build.js';
import { scratchDir } from '../helpers/scratch.js';

const exec = promisify(execFile);
const PACKAGE_FILES = ['bin', 'scripts', 'src', 'package.json', 'package-lock.json', 'tsconfig.json'];

async function packageCopy(): Promise<string> {
  const dir = await scratchDir('build-issue-package-');
  for (const name of PACKAGE_FILES) await cp(path.join(ROOT, name), path.join(dir, name), { recursive: true });
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

let compiled: Promise<string> | undefined;

/**
 * A copy of the package with lib/ compiled, for the tests that start from
 * one: compiled once per test file, then copied for each with its files'
 * times, which lib/build.json records. The template's sources get times of a
 * whole second, which a copy keeps exactly (a copy keeps milliseconds only).
 */
async function compiledCopy(): Promise<string> {
  compiled ??= (async () => {
    const dir = await packageCopy();
    const second = new Date(Math.floor(Date.now() / 1000) * 1000 - 10_000);
    for (const name of PACKAGE_FILES) {
      const top = path.join(dir, name);
      const inside = (await stat(top)).isDirectory() ? await readdir(top, { recursive: true, withFileTypes: true }) : [];
      const files = [top, ...inside.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name))];
      for (const file of files) await utimes(file, second, second);
    }
    await compileBuild(dir);
    return dir;
  })();
  const dir = await scratchDir('build-issue-package-');
  await cp(await compiled, dir, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  const stale = await run(dir, ['--version']);
  assert.equal(stale.stderr, '', 'the copy of the compiled package was taken for stale');
  return dir;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the package's bin; messages in English unless `env` says otherwise (BUILD_ISSUE_LANG: undefined for the Chinese default). */
async function run(dir: string, args: string[], env: NodeJS.ProcessEnv = { BUILD_ISSUE_LANG: 'en' }): Promise<Run> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [path.join(dir, 'bin', 'build-issue.js'), ...args], {
      cwd: dir,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

const compileBuild = (dir: string) => exec(process.execPath, [path.join(dir, 'scripts', 'build.js')], { cwd: dir });

async function editDescription(dir: string, description: string): Promise<void> {
  const main = path.join(dir, 'src', 'cli', 'main.ts');
  const source = await readFile(main, 'utf8');
  const edited = source.replace(/en: 'Typeset[^']*'/, `en: '${description}'`);
  assert.notEqual(edited, source, 'the program’s description was not found in main.ts');
  await writeFile(main, edited);
}

test('a first run without lib/ compiles it, saying so in Chinese unless asked for English, then runs', async () => {
  const dir = await packageCopy();
  const first = await run(dir, ['--version'], { BUILD_ISSUE_LANG: undefined });
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /^build-issue: 正在把 src\/ 编译成 lib\/（还没有 lib\/）……完成，用时 [\d.]+ 秒\n$/);
  assert.equal(first.stdout.split('\n')[0], `build-issue ${JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')).version}`);
  const second = await run(dir, ['--version']);
  assert.equal(second.stderr, '', 'lib/ compiled again although no source changed');
});

test('a source edited since lib/ was compiled is compiled again before it runs, with a line naming it', async () => {
  const dir = await compiledCopy();
  await editDescription(dir, 'An edited description.');
  const edited = await run(dir, ['--help', '--lang', 'en'], { BUILD_ISSUE_LANG: undefined });
  assert.equal(edited.code, 0, edited.stderr);
  assert.match(edited.stderr, /compiling src\/ into lib\/ \(src\/cli\/main\.ts changed since lib\/ was compiled\)/);
  assert.match(edited.stdout, /An edited description\./, 'the edit did not run');
  const again = await run(dir, ['--help']);
  assert.equal(again.stderr, '');
  assert.match(again.stdout, /An edited description\./);
});

test('a source that does not compile stops the run with its file and line, and nothing stale runs', async () => {
  const dir = await compiledCopy();
  const main = path.join(dir, 'src', 'cli', 'main.ts');
  const lines = (await readFile(main, 'utf8')).split('\n');
  const at = lines.findIndex((line) => line.startsWith('const program'));
  lines.splice(at, 0, 'const = broken;');
  await writeFile(main, lines.join('\n'));
  const broken = await run(dir, ['--version']);
  assert.notEqual(broken.code, 0);
  assert.equal(broken.stdout, '', 'the stale lib/ ran');
  assert.match(broken.stderr, new RegExp(`src/cli/main\\.ts:${at + 1}:\\d+`));
});

test('a rebuild keeps the chunks of earlier builds for an hour, for runs still importing them, then removes them', async () => {
  const dir = await compiledCopy();
  const chunks = path.join(dir, 'lib', 'chunks');
  const first = await readdir(chunks);
  // An edit to a module that the build command imports when it runs: its chunk gets a new name.
  const pipeline = path.join(dir, 'src', 'pipeline.ts');
  const source = await readFile(pipeline, 'utf8');
  assert.ok(source.includes('kept the laid-out HTML'));
  await writeFile(pipeline, source.replace('kept the laid-out HTML', 'wrote the laid-out HTML'));
  await compileBuild(dir);
  const second = await readdir(chunks);
  assert.deepEqual(
    first.filter((name) => !second.includes(name)),
    [],
    'a chunk of the earlier build was removed at once',
  );
  const added = second.filter((name) => !first.includes(name));
  assert.ok(added.length > 0, 'the edit made no new chunk');

  // Two hours later, the next build removes the earlier build's chunks and keeps its own.
  const old = new Date(Date.now() - 2 * 3_600_000);
  for (const name of second) await utimes(path.join(chunks, name), old, old);
  await compileBuild(dir);
  const third = await readdir(chunks);
  assert.deepEqual(
    added.filter((name) => !third.includes(name)),
    [],
    'a chunk of the current build was removed',
  );
  assert.ok(
    first.some((name) => !third.includes(name)),
    'the earlier build’s chunks were kept past an hour',
  );
  const run3 = await run(dir, ['--version']);
  assert.equal(run3.code, 0, run3.stderr);
  assert.equal(run3.stderr, '');
});

test('on a Node with a compile cache (22.1 and later), a run keeps its compiled code in the package’s cache, not the temporary folder', async (t) => {
  if (!('enableCompileCache' in module)) return t.skip(`Node ${process.versions.node} has no compile cache`);
  const dir = await compiledCopy();
  const tmp = await scratchDir('build-issue-tmp-');
  await exec(process.execPath, [path.join(dir, 'bin', 'build-issue.js'), '--help'], { cwd: dir, env: { ...process.env, TMPDIR: tmp } });
  const cached = await readdir(path.join(dir, 'node_modules', '.cache', 'build-issue', 'compile-cache'), { recursive: true }).catch(
    () => [],
  );
  assert.ok(cached.length > 0, 'nothing in the compile cache');
  assert.deepEqual(await readdir(tmp), [], 'the run left files in the temporary folder');
});

test('no module finds files by its own place: in lib/ that place is a chunk’s (PACKAGE_DIR finds the package)', async () => {
  const sources = await readdir(path.join(ROOT, 'src'), { recursive: true });
  for (const file of sources.filter((name) => name.endsWith('.ts'))) {
    if (file === path.join('config', 'settings.ts')) continue;
    const source = await readFile(path.join(ROOT, 'src', file), 'utf8');
    assert.doesNotMatch(source, /import\.meta\.(url|dirname|filename)|__dirname/, `src/${file}`);
  }
});

test('bin/ runs lib/ as Node runs any module: no node:vm, no bundling at run time', async () => {
  for (const file of await readdir(path.join(ROOT, 'bin'))) {
    const source = await readFile(path.join(ROOT, 'bin', file), 'utf8');
    assert.doesNotMatch(source, /node:vm|from 'esbuild'|tsx/, `bin/${file}`);
  }
});
