import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { editionFontFiles } from '../config/edition.js';
import type { Settings } from '../config/settings.js';
import { MAX_BYTES, readInput } from '../io/read-input.js';
import { PUBLICATION_FILE } from '../stages/load/load-issue.js';
import { readFontSource } from '../stages/render/font-source.js';

/**
 * What an issue's PDF depends on, reduced to one digest: if none of these
 * changed since the PDF was written, building again would give the same bytes.
 */
export interface IssueInputs {
  /** The issue's folder: its Markdown and its images. */
  issueDir: string;
  /** The edition the issue is printed with (its front matter's, or the default). */
  edition: string;
  /** Build options that change the PDF (e.g. the date from SOURCE_DATE_EPOCH); added to the digest as JSON. */
  variant: Record<string, unknown>;
}

/** Files under a folder, as sorted paths relative to it (none if it is missing). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/**
 * Each file's path and content go into the digest, so a renamed file counts as
 * a change. The files are read at once (one by one, the hundred-odd sources
 * took 70 ms) and hashed in order; one that is not a regular file or is
 * larger than any input counts as missing (a build reports it).
 */
async function hashFiles(hash: ReturnType<typeof createHash>, root: string, files: readonly string[]): Promise<void> {
  const read = (file: string) =>
    readInput(path.join(root, file), { maxBytes: MAX_BYTES.image }).then((r) => ('bytes' in r ? r.bytes : undefined));
  const contents = await Promise.all(files.map(read));
  files.forEach((file, i) => {
    const bytes = contents[i];
    hash.update(`${file}\0${bytes === undefined ? 'missing' : bytes.length}\0`);
    if (bytes) hash.update(bytes);
  });
}

async function hashFolder(hash: ReturnType<typeof createHash>, dir: string): Promise<void> {
  await hashFiles(hash, dir, await filesUnder(dir));
}

type DigestSettings = Pick<Settings, 'packageDir' | 'editionsDir' | 'issuesDir' | 'cacheDir' | 'version'>;

/** An issue's inputs → the digest of everything its PDF depends on. */
export type InputDigester = (inputs: IssueInputs) => Promise<string>;

/** Digests that many issues of a run share (the tool, an edition with its fonts) are computed once. */
export function inputDigester(settings: DigestSettings): InputDigester {
  const memo = new Map<string, Promise<string>>();
  const once = (key: string, compute: (hash: ReturnType<typeof createHash>) => Promise<void>): Promise<string> => {
    let digest = memo.get(key);
    if (!digest) {
      const hash = createHash('sha256');
      digest = compute(hash).then(() => hash.digest('hex'));
      memo.set(key, digest);
    }
    return digest;
  };

  // The tool's version: its package version, its own code and its locked dependencies.
  const tool = () =>
    once('tool', async (hash) => {
      hash.update(settings.version);
      await hashFolder(hash, path.join(settings.packageDir, 'src'));
      await hashFiles(hash, settings.packageDir, ['package-lock.json']);
    });
  const edition = (name: string) =>
    once(`edition:${name}`, async (hash) => {
      hash.update(name);
      await hashFolder(hash, path.join(settings.editionsDir, 'templates', name));
      await hashFolder(hash, path.join(settings.editionsDir, 'styles', name));
      await hashFiles(hash, settings.editionsDir, [path.join('fonts', 'fonts.json')]);
      // The fonts' digests are the render stage's own (kept in the cache, as hashing 47 MB takes a while).
      // (An edition whose files do not read digests none; its build fails on them.)
      for (const file of (await editionFontFiles(settings.editionsDir, name)) ?? []) {
        const font = await readFontSource(path.join(settings.packageDir, file), settings.cacheDir);
        hash.update(`${file}\0${font?.digest ?? 'missing'}\0`);
      }
    });

  return async (inputs) => {
    const hash = createHash('sha256');
    const [toolDigest, editionDigest] = await Promise.all([tool(), edition(inputs.edition)]);
    hash.update(`${toolDigest}\0${editionDigest}\0${JSON.stringify(inputs.variant)}\0`);
    await hashFiles(hash, settings.issuesDir, [PUBLICATION_FILE]);
    await hashFolder(hash, inputs.issueDir);
    return hash.digest('hex');
  };
}
