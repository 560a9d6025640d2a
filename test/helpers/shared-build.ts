/**
 * A build that several test files make alike (the same arguments, in a fresh
 * workspace with the same fixture issues) is made once per run of the test
 * runner: the first file to ask builds it and leaves a copy of its
 * workspace, with what the run printed, in the runner's folder; a file that
 * asks later gets its own copy of that workspace and the same run. A file
 * run outside `node --test`, or asking while the first is still building,
 * builds for itself. The runner's folder is removed by the first file of a
 * later run that asks, once that runner has ended.
 */
import { createHash, randomBytes } from 'node:crypto';
import { cp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CliRun, cli, workspace } from './build.js';
import { statFields } from './processes.js';
import { scratchDir } from './scratch.js';

const PREFIX = 'build-issue-test-run-';

/** The runner's own name for its run: its PID and the moment it started (a later process may take the PID). */
const runnerId = (pid: number): string | undefined => {
  const started = statFields(pid)[19];
  return started && `${pid}-${started}`;
};

let folder: Promise<string | undefined> | undefined;

/** The folder of this run of the test runner, after removing those of runners that have ended; none outside the runner. */
function runFolder(): Promise<string | undefined> {
  folder ??= (async () => {
    const id = process.env.NODE_TEST_CONTEXT && runnerId(process.ppid);
    if (!id) return undefined;
    for (const name of await readdir(tmpdir())) {
      const [pid, started] = name.startsWith(PREFIX) ? name.slice(PREFIX.length).split('-') : [];
      if (pid && runnerId(Number(pid)) !== `${pid}-${started}`) await rm(path.join(tmpdir(), name), { recursive: true, force: true });
    }
    return path.join(tmpdir(), `${PREFIX}${id}`);
  })();
  return folder;
}

/**
 * `build-issue ...args` in a workspace with `extraIssues` (as `workspace`
 * takes them), or a copy of that build made earlier in this run: the
 * workspace to go on in, which is this caller's own, and what the run
 * printed.
 */
export async function sharedBuild(args: string[], extraIssues: Record<string, string> = {}): Promise<{ dir: string; run: CliRun }> {
  const shared = await runFolder();
  const asked = createHash('sha256')
    .update(JSON.stringify([process.execPath, args, extraIssues]))
    .digest('hex');
  const made = shared && path.join(shared, asked.slice(0, 32));
  const earlier = made && (await readFile(path.join(made, 'run.json'), 'utf8').catch(() => undefined));
  if (earlier) {
    const dir = await scratchDir('build-issue-');
    await cp(path.join(made, 'workspace'), dir, { recursive: true });
    return { dir, run: JSON.parse(earlier) as CliRun };
  }
  const dir = await workspace(extraIssues);
  const run = await cli(args, dir);
  if (made) {
    // Written aside and renamed into place: a file asking meanwhile finds all of it or nothing.
    const aside = `${made}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await cp(dir, path.join(aside, 'workspace'), { recursive: true });
    await writeFile(path.join(aside, 'run.json'), JSON.stringify(run));
    await rename(aside, made).catch(() => rm(aside, { recursive: true, force: true }));
  }
  return { dir, run };
}
