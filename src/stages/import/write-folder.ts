import { access } from 'node:fs/promises';
import path from 'node:path';
import { error, type Result } from '../../diagnostics.js';
import { writeAtomic } from '../../io/write-atomic.js';
import { ISSUE_FILE, PUBLICATION_FILE } from '../load/load-issue.js';
import type { ImportedIssue } from './types.js';
import { issueMarkdown, publicationYaml } from './write-issue.js';

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/**
 * Writes issues/<serial>/issue.md, and issues/publication.yaml when the
 * project has none. An existing issue is never overwritten.
 * @returns the files written
 */
export async function writeImportedIssue(
  issue: ImportedIssue,
  options: { issuesDir: string; rootDir: string; conversion: string },
): Promise<Result<string[]>> {
  const issueFile = path.join(options.issuesDir, String(issue.meta.serial), ISSUE_FILE);
  const publicationFile = path.join(options.issuesDir, PUBLICATION_FILE);
  const shown = (file: string) => path.relative(options.rootDir, file);
  if (await exists(issueFile)) {
    return {
      diagnostics: [
        error(
          'import-exists',
          {
            zh: '这一期已经存在；请先把它移走，或用 --serial 换一个期号导入',
            en: 'this issue exists already; move it away first, or import under another --serial',
          },
          { file: shown(issueFile) },
        ),
      ],
    };
  }
  const written: string[] = [];
  if (!(await exists(publicationFile))) {
    await writeAtomic(publicationFile, publicationYaml(issue.publication));
    written.push(shown(publicationFile));
  }
  await writeAtomic(issueFile, issueMarkdown(issue, options.conversion));
  written.push(shown(issueFile));
  return { value: written, diagnostics: [] };
}
