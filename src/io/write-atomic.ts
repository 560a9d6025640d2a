import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Makes a folder and its missing parents, one by one: Node's own recursive
 * mkdir retries for ever where mkdir fails with ENOENT under a parent that
 * exists (a pseudo file system such as /proc); this fails instead.
 */
export async function makeFolder(folder: string): Promise<void> {
  if (
    await stat(folder).then(
      (s) => s.isDirectory(),
      () => false,
    )
  )
    return;
  const parent = path.dirname(folder);
  if (parent !== folder) await makeFolder(parent);
  await mkdir(folder).catch((cause: NodeJS.ErrnoException) => {
    if (cause.code !== 'EEXIST') throw cause;
  });
}

let writes = 0;

/**
 * Writes beside the target and renames, so a failed build never leaves a
 * half-written file. Each write has a temporary file of its own: issues built
 * side by side in one process may write the same file (a shared font subset).
 */
export async function writeAtomic(file: string, data: Uint8Array | string): Promise<void> {
  await makeFolder(path.dirname(file));
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${++writes}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}
