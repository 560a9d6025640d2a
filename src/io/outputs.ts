import { constants } from 'node:fs';
import { open, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { type Diagnostic, error } from '../diagnostics.js';
import type { Message } from '../message.js';
import { processAlive } from './scratch.js';

/** A path's real form, following links through the part of it that exists (the file itself may not yet). */
async function realPathOf(file: string): Promise<string> {
  const real = await realpath(file).catch(() => undefined);
  if (real) return real;
  const parent = path.dirname(file);
  return parent === file ? file : path.join(await realPathOf(parent), path.basename(file));
}

/** The nearest folder of a path that exists (the build makes the missing ones). */
async function existingAncestor(folder: string): Promise<string> {
  const exists = await stat(folder).then(
    () => true,
    () => false,
  );
  const parent = path.dirname(folder);
  return exists || parent === folder ? folder : existingAncestor(parent);
}

/** A path as messages give it: from the current folder when it is inside it, else whole. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

const inside = (file: string, folder: string) => file === folder || file.startsWith(folder + path.sep);

/** Why a write failed, in words (a read-only folder, a full disk …). */
function whyNotWritten(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  const why = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EISDIR: 'a folder is in the way',
    ENOTDIR: 'a file is in the way of its folder',
    ENOENT: 'its folder cannot be made',
  }[code ?? ''];
  return why ?? (cause instanceof Error ? cause.message : String(cause));
}

/**
 * Whether a file can be made in `folder`, tried with one (removed at once):
 * permissions alone do not say it, for root may write anywhere but on a
 * read-only or pseudo file system (/sys, /proc). Named as a half-written
 * file of this process (write-atomic.ts), so a kill leaves nothing the next
 * run does not remove.
 */
async function writableFolder(folder: string): Promise<string | undefined> {
  const isFolder = await stat(folder).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isFolder) return 'a file is in the way of its folder';
  const probe = path.join(folder, `.build-issue-probe.${process.pid}.0.tmp`);
  try {
    await writeFile(probe, '');
    await rm(probe, { force: true });
    return undefined;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'it takes no new files' : whyNotWritten(cause);
  }
}

/**
 * Where a build may write its PDF: a .pdf file, not a folder, and outside
 * every folder it reads from (the issues, the editions' templates, styles and
 * fonts), links followed, so that no output ever lands on an input
 * (`-o issues/453/issue.md` replaced the issue with its PDF).
 */
export async function checkOutput(output: string, inputFolders: readonly string[]): Promise<Diagnostic | undefined> {
  const place = { file: shownPath(output) };
  if (!/\.pdf$/i.test(output))
    return error('output-not-pdf', { zh: '输出文件名要以 .pdf 结尾', en: 'the output must be a file whose name ends in .pdf' }, place);
  const kind = await stat(output).then(
    (s): Message | undefined =>
      s.isDirectory() ? { zh: '文件夹', en: 'a folder' } : s.isFile() ? undefined : { zh: '特殊文件', en: 'not a regular file' },
    () => undefined,
  );
  if (kind)
    return error(
      'output-not-file',
      { zh: `输出处是${kind.zh}；请给一个 .pdf 文件名`, en: `the output is ${kind.en}; name a .pdf file` },
      place,
    );
  const real = await realPathOf(output);
  for (const folder of inputFolders) {
    const input = await realPathOf(folder);
    if (inside(real, input)) {
      const message = {
        zh: `输出位置在 ${shownPath(folder)}/ 里，排版要从那里读文件；请写到别处（默认是 dist/）`,
        en: `the output is inside ${shownPath(folder)}/, which the build reads from; write it elsewhere (by default dist/)`,
      };
      return error('output-on-input', message, place);
    }
  }
  // Only then tried, so that nothing is ever written among the inputs.
  const folder = await existingAncestor(path.dirname(output));
  const unwritable = await writableFolder(folder);
  if (unwritable) {
    const message = {
      zh: `不能写入 ${shownPath(folder)}（${unwritable}）；请把 .pdf 放在你能写入的文件夹里`,
      en: `cannot write in ${shownPath(folder)}: ${unwritable}; name a .pdf file in a folder you can write to`,
    };
    return error('output-unwritable', message, place);
  }
  return undefined;
}

/** A file write that failed, as one line naming the file and why (a read-only folder, a full disk …). */
export function writeProblem(file: string, cause: unknown): Diagnostic {
  const why = whyNotWritten(cause);
  return error('output-unwritable', { zh: `这个文件写不进去：${why}`, en: `cannot write this file: ${why}` }, { file: shownPath(file) });
}

/**
 * Runs `write` holding a lock beside `file` (a `.lock` file naming this
 * process), so that two builds writing the same PDF write it one after the
 * other: the PDF, its checksum and its record always come from one build,
 * the last one. A lock whose process has ended (kill -9) is taken over.
 */
export async function withWriteLock<T>(lockFile: string, write: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      const handle = await open(lockFile, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL);
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
      const owner = Number(await readFile(lockFile, 'utf8').catch(() => ''));
      // Empty for a moment while its owner writes its id; empty for long, its owner died before it could.
      const age = await stat(lockFile).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (owner ? !processAlive(owner) : age > 5000) await rm(lockFile, { force: true });
      else await delay(50);
    }
  }
  try {
    return await write();
  } finally {
    await rm(lockFile, { force: true });
  }
}
