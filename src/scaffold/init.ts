import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadEdition } from '../config/edition.js';
import { error, type Result } from '../diagnostics.js';
import { ISSUE_FILE, PUBLICATION_FILE } from '../stages/load/load-issue.js';
import { type IssueFacts, issueText, PUBLICATION_TEMPLATE } from './issue-file.js';
import { writeNew } from './new-issue.js';

export interface InitOptions {
  /** The new publication's folder: issues/ is made in it. */
  dir: string;
  /** Paths in messages are relative to this folder. */
  rootDir: string;
  /** The first issue's serial (总期号). */
  serial: number;
  /** The first issue's date, YYYY-MM-DD. */
  date: string;
  /** Where the style editions are, and the one a new issue uses. */
  editionsDir: string;
  defaultEdition: string;
}

/** The first issue of a publication: 第1期 of its year, placeholders for what only the editors know. */
export function firstFacts(serial: number, date: string, edition: string): IssueFacts {
  return {
    serial,
    year: Number(date.slice(0, 4)),
    number: 1,
    date,
    distribution: { report: '报送的上级机关和领导（报：之后印出的文字）', send: '发送的单位和个人（发：之后印出的文字）' },
    printRun: 100,
    edition,
  };
}

/**
 * `build-issue init [dir]`: a new publication's folder, from nothing:
 * issues/publication.yaml with every field commented, and a first issue that
 * builds as it is, in the default style edition. Writes nothing over a file
 * that exists, and checks first that the edition can be found.
 */
export async function initPublication(options: InitOptions): Promise<Result<{ files: string[] }>> {
  const issuesDir = path.join(options.dir, 'issues');
  const files = [path.join(issuesDir, PUBLICATION_FILE), path.join(issuesDir, String(options.serial), ISSUE_FILE)];
  const shown = (file: string) => path.relative(options.rootDir, file) || file;
  for (const file of files) {
    if (
      await access(file).then(
        () => true,
        () => false,
      )
    ) {
      return {
        diagnostics: [
          error(
            'init-exists',
            {
              zh: '已经存在：build-issue init 只从零开始新刊物，不会覆盖任何文件',
              en: 'exists already: build-issue init starts a publication from nothing and never overwrites a file',
            },
            { file: shown(file) },
          ),
        ],
      };
    }
  }
  const edition = await loadEdition(options.editionsDir, options.defaultEdition, { file: shown(path.join(options.editionsDir, 'styles')) });
  if (!edition.value) return { diagnostics: edition.diagnostics };
  const texts = [
    await readFile(PUBLICATION_TEMPLATE, 'utf8'),
    await issueText(firstFacts(options.serial, options.date, options.defaultEdition)),
  ];
  for (const [i, file] of files.entries()) {
    if (!(await writeNew(file, texts[i]!)))
      return {
        diagnostics: [
          error(
            'init-exists',
            { zh: '已经存在：build-issue init 不会覆盖任何文件', en: 'exists already: build-issue init never overwrites a file' },
            { file: shown(file) },
          ),
        ],
      };
  }
  return { value: { files: files.map(shown) }, diagnostics: [] };
}
