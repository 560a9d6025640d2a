/**
 * The corpus of bad and odd inputs: a project holds issues/ with
 * publication.yaml and short valid issues (7001, 7002 …, one a case), and
 * the PDF of each from an earlier build in dist/; the CLI runs once over
 * it, and what a case asserts is kept: the exit code, what was printed,
 * whether any input or earlier PDF changed, and what was left running or in
 * the temporary folder (the run's TMPDIR is the project's own tmp/).
 */

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BIN, type CliRun, command, ROOT } from './build.js';
import { alive } from './processes.js';
import { scratchDir } from './scratch.js';

export const SERIAL = '7001';
export const ISSUE = `issues/${SERIAL}/issue.md`;
export const issueFile = (serial: string) => `issues/${serial}/issue.md`;
const SHORT = path.join(ROOT, 'test', 'fixtures', 'batch', 'short', 'issue.md');
const PREVIOUS_PDF = '%PDF-1.7\n% the PDF of an earlier build, which no failed build may touch\n';

/** A project to run one case in. */
export class Project {
  constructor(readonly dir: string) {}

  at(relative: string): string {
    return path.join(this.dir, relative);
  }

  async write(relative: string, content: string | Uint8Array): Promise<void> {
    await mkdir(path.dirname(this.at(relative)), { recursive: true });
    await writeFile(this.at(relative), content);
  }

  /** An issue's Markdown (7001's by default), passed through `edit`. */
  async editIssue(edit: (markdown: string) => string, serial = SERIAL): Promise<void> {
    await this.write(issueFile(serial), edit(await readFile(this.at(issueFile(serial)), 'utf8')));
  }

  /** Adds issue `serial`, a short valid one, and the PDF of an earlier build of it. */
  async addIssue(serial: string): Promise<void> {
    await this.write(issueFile(serial), (await readFile(SHORT, 'utf8')).replace(/^serial: \d+$/m, `serial: ${serial}`));
    await this.write(`dist/${serial}.pdf`, PREVIOUS_PDF);
  }

  async fifo(relative: string): Promise<void> {
    await mkdir(path.dirname(this.at(relative)), { recursive: true });
    execFileSync('mkfifo', [this.at(relative)]);
  }

  async link(relative: string, target: string): Promise<void> {
    await mkdir(path.dirname(this.at(relative)), { recursive: true });
    await symlink(target, this.at(relative));
  }
}

export async function project(): Promise<Project> {
  const dir = await scratchDir('build-issue-corpus-');
  const p = new Project(dir);
  await p.write('issues/publication.yaml', await readFile(path.join(ROOT, 'issues', 'publication.yaml')));
  await p.addIssue(SERIAL);
  await mkdir(p.at('tmp'));
  return p;
}

/** Digest of every regular file under `issues/` and `dist/` (a FIFO or a folder by its kind alone). */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const top of ['issues', 'dist']) {
    const entries = await readdir(path.join(dir, top), { recursive: true }).catch(() => [] as string[]);
    for (const entry of entries) {
      const file = path.join(dir, top, entry);
      const stats = await lstat(file);
      files[path.join(top, entry)] = stats.isFile()
        ? createHash('sha256')
            .update(await readFile(file))
            .digest('hex')
        : stats.isSymbolicLink()
          ? 'link'
          : stats.isFIFO()
            ? 'fifo'
            : 'folder';
    }
  }
  return files;
}

/** Processes whose command line names the project (Chromium's profile is in its tmp/), alive. */
export function processesOf(dir: string): string[] {
  const found = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    const cmdline = (() => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      } catch {
        return ''; // gone meanwhile
      }
    })();
    if (cmdline.includes(dir) && alive(Number(pid))) found.push(`${pid} ${cmdline.slice(0, 160)}`);
  }
  return found;
}

export interface CaseRun extends CliRun {
  /** Files under issues/ and dist/ that are not as they were (dist/ is allowed new files only when `built`). */
  changed: string[];
  /** What was left running, and left in the run's temporary folder. */
  leftRunning: string[];
  leftInTmp: string[];
}

/** Runs the CLI in the project as a case would, with a time limit (a hang is a failure, not a stuck suite). */
export async function runCase(p: Project, args: readonly string[], env: NodeJS.ProcessEnv = {}, timeout = 60_000): Promise<CaseRun> {
  const before = await snapshot(p.dir);
  const run = await command(process.execPath, [BIN, ...args], p.dir, { TMPDIR: p.at('tmp'), CI: '1', ...env }, timeout);
  const after = await snapshot(p.dir);
  const changed = Object.keys(before).filter((file) => before[file] !== after[file]);
  return { ...run, changed, leftRunning: processesOf(p.dir), leftInTmp: await readdir(p.at('tmp')).catch(() => []) };
}

/** What no failure may print: an exception's own text or a stack trace. */
export const RAW =
  /^\s+at \S|node:internal|\b(Type|Reference|Range|URI|Syntax)?Error: |\bE(NOENT|ISDIR|ACCES|NOTDIR|EXIST)\b|Excessive alias|Invalid time value|protocolTimeout|ProgressEvent|\[object /m;
