/**
 * Scratch folders for the tests and the bench, removed when the process that
 * made them ends (hundreds were left in the temporary folder after a few
 * runs). KEEP_SCRATCH=1 keeps them, to look into a failure.
 */
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];

process.once('exit', () => {
  if (process.env.KEEP_SCRATCH) return;
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder in the temporary folder, its name starting with `prefix`. */
export async function scratchDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
