/** The issues the benchmark builds: copies of 453 in scratch workspaces, made fresh for each run. */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, workspace } from '../test/helpers/build.js';
import { copyIssue } from '../test/helpers/issues.js';

export const SOURCE = path.join(ROOT, 'issues', '453', 'issue.md');

/** A workspace whose only issues are copies of 453 under the given serials, each edited by `edit`. */
export async function workspaceOf(copies: Record<string, (markdown: string) => string>): Promise<string> {
  const dir = await workspace();
  await rm(path.join(dir, 'issues', '453'), { recursive: true });
  for (const [serial, edit] of Object.entries(copies)) await copyIssue(dir, SOURCE, serial, edit);
  return dir;
}

/** 453 with its body (everything after the front matter) written `times` times over. */
export function repeatBody(times: number): (markdown: string) => string {
  return (markdown) => {
    const end = markdown.indexOf('\n---\n', 4) + 5;
    const body = markdown.slice(end);
    return markdown.slice(0, end) + Array.from({ length: times }, () => body).join('\n');
  };
}

export const same = (markdown: string): string => markdown;
