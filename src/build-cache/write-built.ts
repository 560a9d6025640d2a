import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { withWriteLock, writeProblem } from '../io/outputs.js';
import { makeFolder, writeAtomic } from '../io/write-atomic.js';
import { type Manifest, manifestFile, writeManifest } from './manifest.js';

/**
 * Steps write and record: the PDF, its checksum and its record, under a lock
 * that makes a second build of the same PDF wait its turn (so all three come
 * from one build, the last). The old checksum goes first: a run killed in
 * between leaves a PDF without one, never one that does not match (and the
 * record, written last, makes the next run build it again). A file that
 * cannot be written is a diagnostic (a read-only folder, a full disk …).
 */
export async function writeBuilt(output: string, pdf: Uint8Array, checksum: string, manifest: Manifest): Promise<Diagnostic | undefined> {
  try {
    await makeFolder(path.dirname(manifestFile(output)));
    await withWriteLock(`${manifestFile(output)}.lock`, async () => {
      await rm(`${output}.sha256`, { force: true });
      await writeAtomic(output, pdf);
      await writeAtomic(`${output}.sha256`, checksum);
      await writeManifest(output, manifest);
    });
    return undefined;
  } catch (cause) {
    return writeProblem(output, cause);
  }
}
