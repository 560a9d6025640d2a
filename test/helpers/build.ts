/** Runs the real CLI, as an editor would, in a scratch copy of the project's issues. */
import { execFile } from 'node:child_process';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { scratchDir } from './scratch.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'build-issue.js');
const exec = promisify(execFile);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a run: messages in English (the tests assert English
 * texts) unless `env` says otherwise; BUILD_ISSUE_LANG: undefined leaves the
 * language to --lang or to the Chinese default.
 */
export const cliEnv = (env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ ...process.env, BUILD_ISSUE_LANG: 'en', ...env });

/** Runs bin/build-issue.js with `args` in `cwd`, on this test's Node or on the one at `node`. */
export function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, node = process.execPath): Promise<CliRun> {
  return command(node, [BIN, ...args], cwd, env);
}

/**
 * Any command, with the same capture (e.g. the CLI under strace). With a
 * `timeout` (ms), a command still running then is ended by its PID and its
 * code is -1: a hang fails the test instead of stopping the suite.
 */
export async function command(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeout = 0): Promise<CliRun> {
  try {
    const { stdout, stderr } = await exec(file, args, {
      cwd,
      env: cliEnv(env),
      maxBuffer: 64 * 1024 * 1024,
      timeout,
      killSignal: 'SIGKILL',
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; killed?: boolean; stdout?: string; stderr?: string };
    return { code: err.killed ? -1 : typeof err.code === 'number' ? err.code : 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

/** A fresh working folder holding a copy of issues/ (and of any fixture issues given). */
export async function workspace(extraIssues: Record<string, string> = {}): Promise<string> {
  const dir = await scratchDir('build-issue-');
  await cp(path.join(ROOT, 'issues'), path.join(dir, 'issues'), { recursive: true });
  for (const [serial, source] of Object.entries(extraIssues)) {
    await cp(source, path.join(dir, 'issues', serial), { recursive: true });
  }
  return dir;
}
