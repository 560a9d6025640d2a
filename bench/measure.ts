/**
 * Running a command as a benchmark does: wall time, exit code, and, sampled
 * every 100 ms from /proc, the CPU time of its whole process tree and, when
 * asked, the tree's peak memory. CPU time barely moves when other work shares the machine,
 * which wall time does; both are shown.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { descendants, statFields } from '../test/helpers/processes.js';

export interface Measured {
  seconds: number;
  code: number;
  stdout: string;
  stderr: string;
  /** Highest sum over the process tree (the command and everything it started, Chromium included), in MiB; 0 unless `memory` was asked for. */
  peakPssMiB: number;
  peakRssMiB: number;
  /** User + system time of the tree, each process as last sampled (so short of its last 100 ms at most). */
  cpuSeconds: number;
}

// Linux counts process times in clock ticks of 1/100 s (USER_HZ) on every common architecture.
const TICKS_PER_SECOND = 100;

/**
 * One look at the tree. PSS shares each shared page among the processes using
 * it, so its sum does not count Chromium's shared memory twice; CPU ticks are
 * recorded per process into `ticks`. Memory only when asked: reading
 * smaps_rollup walks each process's page tables, and ten times a second over
 * Chromium's processes that slowed the measured run by a fifth.
 */
function sampleTree(root: number, ticks: Map<number, number>, memory: boolean): { pss: number; rss: number } {
  let pss = 0;
  let rss = 0;
  for (const pid of descendants(root)) {
    if (memory) {
      let rollup = '';
      try {
        rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    }
    const fields = statFields(pid);
    if (fields.length > 12) ticks.set(pid, Math.max(ticks.get(pid) ?? 0, Number(fields[11]) + Number(fields[12])));
  }
  return { pss: pss / 1024, rss: rss / 1024 };
}

export async function measure(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; memory?: boolean },
): Promise<Measured> {
  const started = performance.now();
  // English messages: the bench reads build-issue's output (“skipped”, the summary).
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, BUILD_ISSUE_LANG: 'en', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const done = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  let peakPssMiB = 0;
  let peakRssMiB = 0;
  const ticks = new Map<number, number>();
  let running = true;
  const sampling = (async () => {
    while (running && child.pid) {
      const { pss, rss } = sampleTree(child.pid, ticks, options.memory ?? false);
      peakPssMiB = Math.max(peakPssMiB, pss);
      peakRssMiB = Math.max(peakRssMiB, rss);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const code = await done;
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await sampling;
  const cpuSeconds = [...ticks.values()].reduce((a, b) => a + b, 0) / TICKS_PER_SECOND;
  return { seconds, code, stdout, stderr, peakPssMiB, peakRssMiB, cpuSeconds };
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
