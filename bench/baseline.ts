/**
 * BENCH_BASELINE=<commit>: build-issue as it was at that commit, measured in
 * the same run as the code at hand, in turns with it, so that a figure that
 * moved can be told to come from the code or from the machine (this one's
 * speed changes from day to day by a fifth and more). The commit's files are
 * taken from git (git archive, which leaves no worktree behind) into a
 * scratch folder, and its packages installed there from its own lock file,
 * from npm's cache where they are in it.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../test/helpers/build.js';
import { scratchDir } from '../test/helpers/scratch.js';

export interface Baseline {
  /** The commit, abbreviated, as the bench prints it. */
  name: string;
  /** Its bin/build-issue.js. */
  bin: string;
}

export async function checkOutBaseline(commit: string | undefined): Promise<Baseline | undefined> {
  if (!commit) return undefined;
  const name = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', `${commit}^{commit}`], { encoding: 'utf8' }).trim();
  const dir = await scratchDir(`bench-baseline-${name}-`);
  execFileSync('sh', ['-c', 'git -C "$1" archive --format=tar "$2" | tar -x -C "$3"', 'sh', ROOT, name, dir]);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: dir,
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
    stdio: 'ignore',
  });
  const bin = path.join(dir, 'bin', 'build-issue.js');
  // A first run, unmeasured: a build-issue of before 2026-12 compiled its sources on its first run.
  execFileSync(process.execPath, [bin, '--version'], { cwd: dir, stdio: 'ignore' });
  return { name, bin };
}
