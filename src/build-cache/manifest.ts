import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from '../io/write-atomic.js';

/**
 * What a build wrote, kept next to its PDF (dist/.build-issue/453.pdf.json):
 * the digest of its inputs and the digest of each file it wrote. An issue is
 * up to date when its inputs digest is unchanged and every file is still as written.
 */
export interface Manifest {
  inputs: string;
  pages: number;
  /** Output path, relative to the project folder (where issues/ and dist/ are) → sha256 of its bytes. */
  outputs: Record<string, string>;
}

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

export function manifestFile(pdfFile: string): string {
  return path.join(path.dirname(pdfFile), '.build-issue', `${path.basename(pdfFile)}.json`);
}

export async function readManifest(pdfFile: string): Promise<Manifest | undefined> {
  const text = await readFile(manifestFile(pdfFile), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Manifest;
  } catch {
    return undefined; // a damaged manifest only costs a rebuild
  }
}

export async function writeManifest(pdfFile: string, manifest: Manifest): Promise<void> {
  await writeAtomic(manifestFile(pdfFile), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Each file (an absolute path) as the record names it: relative to the project, so that a project moved or cloned keeps its records. */
export function recordedOutputs(projectDir: string, outputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(outputs).map(([file, digest]) => [path.relative(projectDir, file), digest]));
}

/** The pages of the PDF, if it was built from these inputs and every wanted file (absolute paths) is still as written. */
export async function upToDate(
  pdfFile: string,
  inputs: string,
  wanted: readonly string[],
  projectDir: string,
): Promise<number | undefined> {
  const manifest = await readManifest(pdfFile);
  if (manifest?.inputs !== inputs) return undefined;
  for (const file of wanted) {
    const recorded = manifest.outputs[path.relative(projectDir, file)];
    const bytes = await readFile(file).catch(() => undefined);
    if (!recorded || !bytes || sha256(bytes) !== recorded) return undefined;
  }
  return manifest.pages;
}
