/** Issue folders made for a test or a benchmark: a source issue copied under another serial. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes issues/<serial>/issue.md in `workspace` from `source`, with its
 * front-matter serial set to match and its text passed through `edit`.
 */
export async function copyIssue(
  workspace: string,
  source: string,
  serial: string,
  edit: (markdown: string) => string = (m) => m,
): Promise<string> {
  const markdown = (await readFile(source, 'utf8')).replace(/^serial: \d+$/m, `serial: ${serial}`);
  const file = path.join(workspace, 'issues', serial, 'issue.md');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, edit(markdown));
  return file;
}

/** What `build-issue --json` prints (see docs/archive.md, Building many issues). */
export interface RunSummary {
  seconds: number;
  issues: {
    serial: string;
    status: string;
    pages: number | null;
    seconds: number;
    output: string | null;
    diagnostics: { rule: string; file: string; line?: number }[];
  }[];
}

export const parseSummary = (stdout: string): RunSummary => JSON.parse(stdout) as RunSummary;

/** serial → built | skipped | failed, from a --json summary. */
export const statuses = (stdout: string): Record<string, string> =>
  Object.fromEntries(parseSummary(stdout).issues.map((i) => [i.serial, i.status]));
