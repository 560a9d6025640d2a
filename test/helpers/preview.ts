/** `build-issue preview` as an editor starts it: a child process, its address read from its first line. */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { BIN, cliEnv } from './build.js';

export interface RunningPreview {
  child: ChildProcess;
  /** http://127.0.0.1:<port>/ */
  url: string;
  port: number;
  /** What it printed so far. */
  output(): { stdout: string; stderr: string };
  /** Its exit code (or signal name). */
  exited: Promise<number | string | null>;
}

const FIRST_LINE = /^preview: (http:\/\/127\.0\.0\.1:(\d+)\/)\n/;

export async function startPreview(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningPreview> {
  const child = spawn(process.execPath, [BIN, 'preview', ...args], { cwd, env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string | null);
  while (!stdout.includes('\n')) {
    const ended = await Promise.race([once(child.stdout!, 'data').then(() => false), exited.then(() => true)]);
    if (ended && !stdout.includes('\n')) assert.fail(`preview ended before printing its address:\n${stderr}`);
  }
  const first = FIRST_LINE.exec(stdout);
  assert.ok(first, `the first line on stdout is not the address: ${JSON.stringify(stdout)}`);
  return { child, url: first[1]!, port: Number(first[2]), output: () => ({ stdout, stderr }), exited };
}

/** GET a path of the preview, as JSON. */
export async function getJson<T>(preview: RunningPreview, path: string): Promise<T> {
  const response = await fetch(new URL(path, preview.url));
  assert.equal(response.status, 200, `${path}: ${response.status}`);
  return (await response.json()) as T;
}
