import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { type Diagnostic, error, hasErrors, type Result } from '../../diagnostics.js';
import { readTextInput } from '../../io/read-input.js';
import { parseIssueMeta, splitFrontMatter } from './front-matter.js';
import { parseMarkdown } from './parse-markdown.js';
import { parsePublication } from './publication.js';
import { readStructure } from './structure.js';
import type { IssueDocument } from './types.js';

export const ISSUE_FILE = 'issue.md';
export const PUBLICATION_FILE = 'publication.yaml';

export interface LoadOptions {
  /** The folder holding publication.yaml and one folder per issue. */
  issuesDir: string;
  /** Paths in messages are relative to this folder. */
  rootDir: string;
  defaultEdition: string;
}

/** Serials of the issues that exist, in numeric order. */
export async function listIssues(issuesDir: string): Promise<string[]> {
  const entries = await readdir(issuesDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && /^\d+$/.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => Number(a) - Number(b));
}

/** A text file of the issue, which must be inside `folder` (its real path): one diagnostic when it cannot be read. */
async function readText(file: string, shown: string, folder: string): Promise<Result<string>> {
  const read = await readTextInput(file, shown, { within: folder });
  return { value: read.value?.text, diagnostics: read.diagnostics };
}

/** No folder for the serial: the message says where build-issue looked, and what it found there. */
function missingIssue(serial: string, existing: readonly string[], issuesDir: string, file: string): Diagnostic {
  if (!existsSync(issuesDir)) {
    const here = path.dirname(issuesDir);
    return error(
      'issue-missing',
      {
        zh: `没有第 ${serial} 期：${here} 里没有 issues/ 文件夹（请在含有 issues/ 的文件夹里运行 build-issue）`,
        en: `there is no issue ${serial}: no issues/ folder in ${here} (run build-issue in the folder that holds issues/)`,
      },
      { file },
    );
  }
  const message = {
    zh: `${issuesDir} 里没有第 ${serial} 期；现有：${existing.length ? existing.join('、') : '无'}`,
    en: `there is no issue ${serial} in ${issuesDir}; issues there: ${existing.length ? existing.join(', ') : 'none'}`,
  };
  return error('issue-missing', message, { file });
}

/** Stage 1: issue folder + publication file → validated IssueDocument. */
export async function loadIssue(serial: string, options: LoadOptions): Promise<Result<IssueDocument>> {
  const dir = path.join(options.issuesDir, serial);
  const shown = (file: string) => path.relative(options.rootDir, file) || file;
  const issueFile = path.join(dir, ISSUE_FILE);
  const publicationFile = path.join(options.issuesDir, PUBLICATION_FILE);

  const existing = await listIssues(options.issuesDir);
  if (!existing.includes(serial)) return { diagnostics: [missingIssue(serial, existing, options.issuesDir, shown(dir))] };

  const diagnostics: Diagnostic[] = [];
  const publicationText = await readText(publicationFile, shown(publicationFile), options.issuesDir);
  const issueText = await readText(issueFile, shown(issueFile), dir);
  diagnostics.push(...publicationText.diagnostics, ...issueText.diagnostics);
  if (publicationText.value === undefined || issueText.value === undefined) return { diagnostics };

  const publication = parsePublication(publicationText.value, shown(publicationFile));
  const split = splitFrontMatter(issueText.value, shown(issueFile));
  diagnostics.push(...publication.diagnostics, ...split.diagnostics);
  if (!split.value) return { diagnostics };

  const meta = parseIssueMeta(split.value.yaml, shown(issueFile), { folderSerial: serial, defaultEdition: options.defaultEdition });
  const tree = parseMarkdown(split.value.markdown);
  const columns = readStructure(tree, shown(issueFile));
  diagnostics.push(...meta.diagnostics, ...columns.diagnostics);

  if (hasErrors(diagnostics) || !publication.value || !meta.value || !columns.value) return { diagnostics };
  return {
    value: {
      dir,
      file: shown(issueFile),
      publication: publication.value,
      meta: meta.value,
      columns: columns.value,
      source: { text: issueText.value, markdown: tree },
    },
    diagnostics,
  };
}
