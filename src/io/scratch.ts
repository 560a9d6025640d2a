import { access, constants, mkdtemp, readdir, readlink, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Diagnostic, error } from '../diagnostics.js';

/**
 * Scratch folders in the temporary folder are named for the process that
 * made them (build-issue-<kind>-<pid>-XXXXXX), and files written beside
 * their target for the process writing them (.<name>.<pid>.<n>.tmp, see
 * write-atomic.ts): a run killed outright (kill -9) cannot remove its own,
 * and the next run tells them from those of a run still going by the pid.
 */
export function scratchDir(kind: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `build-issue-${kind}-${process.pid}-`));
}

/** Whether a process of this id is running (one of another user counts). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The folder a Chromium profile's singleton socket is in
 * (org.chromium.Chromium.XXXXXX in the temporary folder), linked from the
 * profile: Chromium removes it when it closes, not when it is killed.
 */
export async function socketFolderOf(profile: string): Promise<string | undefined> {
  const socket = await readlink(path.join(profile, 'SingletonSocket')).catch(() => undefined);
  const folder = socket && path.dirname(socket);
  return folder && path.dirname(folder) === path.resolve(tmpdir()) ? folder : undefined;
}

/** Removes a scratch folder, and the socket folder its Chromium profile links to. */
export async function removeScratch(folder: string): Promise<void> {
  const scratch = [folder, await socketFolderOf(folder)].filter((f) => f !== undefined);
  await Promise.all(scratch.map((f) => rm(f, { recursive: true, force: true, maxRetries: 3 })));
}

const deadOwner = (name: string, pattern: RegExp): boolean => {
  const pid = pattern.exec(name)?.[1];
  return pid !== undefined && Number(pid) !== process.pid && !processAlive(Number(pid));
};

/** Removes the scratch folders of runs that have ended without removing them. */
export async function removeStaleScratch(): Promise<void> {
  const names = await readdir(tmpdir()).catch(() => []);
  const stale = names.filter((name) => deadOwner(name, /^build-issue-[a-z]+-(\d+)-\w{6}$/));
  await Promise.all(stale.map((name) => removeScratch(path.join(tmpdir(), name))));
}

/** Removes, from each folder, the half-written files of runs that have ended without renaming them. */
export async function removeStaleTemps(folders: readonly string[]): Promise<void> {
  for (const folder of new Set(folders)) {
    const names = await readdir(folder).catch(() => []);
    const stale = names.filter((name) => deadOwner(name, /^\..+\.(\d+)\.\d+\.tmp$/));
    await Promise.all(stale.map((name) => rm(path.join(folder, name), { force: true })));
  }
}

/** The temporary folder must be a folder the build can write to (TMPDIR names it); otherwise the one problem to report. */
export async function checkTempDir(env: NodeJS.ProcessEnv): Promise<Diagnostic | undefined> {
  const folder = tmpdir();
  const shown = env.TMPDIR ? `TMPDIR=${env.TMPDIR}` : folder;
  const kind = await stat(folder).then(
    (s) => (s.isDirectory() ? 'folder' : 'file'),
    () => 'missing',
  );
  const writable =
    kind === 'folder' &&
    (await access(folder, constants.W_OK | constants.X_OK).then(
      () => true,
      () => false,
    ));
  if (writable) return undefined;
  const why =
    kind === 'missing'
      ? { zh: '没有这个文件夹', en: 'no such folder' }
      : kind === 'file'
        ? { zh: '不是文件夹', en: 'not a folder' }
        : { zh: '不能写入', en: 'not writable' };
  const message = {
    zh: `临时文件夹 ${shown} ${why.zh}；请把 TMPDIR 设为 build-issue 能写入的文件夹`,
    en: `the temporary folder ${shown}: ${why.en}; set TMPDIR to a folder build-issue can write to`,
  };
  return error('temp-dir-unusable', message, { file: env.TMPDIR ? 'TMPDIR' : folder });
}
