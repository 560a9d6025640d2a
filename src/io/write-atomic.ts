import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

let writes = 0;

/**
 * Writes beside the target and renames, so a failed build never leaves a
 * half-written file. Each write has a temporary file of its own: issues built
 * side by side in one process may write the same file (a shared font subset).
 */
export async function writeAtomic(file: string, data: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${++writes}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}
