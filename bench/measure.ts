/** Running a command as a benchmark does: wall time, exit code, and the peak memory of its whole process tree. */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { descendants } from '../test/helpers/processes.js';

export interface Measured {
  seconds: number;
  code: number;
  stdout: string;
  stderr: string;
  /** Highest sum over the process tree (the command and everything it started, Chromium included), in MiB. */
  peakPssMiB: number;
  peakRssMiB: number;
}

/** PSS shares each shared page among the processes using it, so the sum over a tree does not count Chromium's shared memory twice. */
async function treeMemory(root: number): Promise<{ pss: number; rss: number }> {
  let pss = 0;
  let rss = 0;
  for (const pid of await descendants(root)) {
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
    pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
  }
  return { pss: pss / 1024, rss: rss / 1024 };
}

export async function measure(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; sampleMemory?: boolean }): Promise<Measured> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const done = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  let peakPssMiB = 0;
  let peakRssMiB = 0;
  let running = true;
  const sampling = (async () => {
    while (options.sampleMemory && running && child.pid) {
      const { pss, rss } = await treeMemory(child.pid);
      peakPssMiB = Math.max(peakPssMiB, pss);
      peakRssMiB = Math.max(peakRssMiB, rss);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const code = await done;
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await sampling;
  return { seconds, code, stdout, stderr, peakPssMiB, peakRssMiB };
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
