import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { PACKAGE_DIR } from '../config/settings.js';
import type { IssueMeta } from '../stages/load/types.js';

/** What the front matter of a new issue says: the facts of an issue's own, without a printed original's record. */
export type IssueFacts = Pick<IssueMeta, 'serial' | 'year' | 'number' | 'date' | 'distribution' | 'printRun' | 'edition'>;

/** A value as YAML writes it: plain when it can be, quoted when it must be. */
const scalar = (value: string | number) => stringify(value, { lineWidth: 0 }).trimEnd();

/**
 * The body of a new issue: a short sample of every construct of the source
 * format, each saying in its own text how it is typed. A construct added to
 * the format gets its sample here (the test of `new` checks each is there).
 */
export const ISSUE_BODY = path.join(PACKAGE_DIR, 'src', 'scaffold', 'issue-body.md');

/** The publication file `init` writes: every field, each with a comment, placeholder values. */
export const PUBLICATION_TEMPLATE = path.join(PACKAGE_DIR, 'src', 'scaffold', 'publication.yaml');

/** issues/<serial>/issue.md for these facts: the front matter, commented, then the sample body. */
export async function issueText(facts: IssueFacts): Promise<string> {
  const frontMatter = [
    '---',
    `serial: ${facts.serial}          # 总期号; must match the folder name`,
    `year: ${facts.year}`,
    `number: ${facts.number}           # 第${facts.number}期 within the year`,
    `date: ${facts.date}`,
    'distribution:',
    `  report: ${scalar(facts.distribution.report)}   # 报：`,
    `  send: ${scalar(facts.distribution.send)}   # 发：`,
    `print_run: ${facts.printRun}     # 共印：${facts.printRun}份`,
    `edition: ${scalar(facts.edition)}       # style edition: styles/${facts.edition}/ and templates/${facts.edition}/`,
    '---',
    '',
  ];
  return `${frontMatter.join('\n')}\n${await readFile(ISSUE_BODY, 'utf8')}`;
}
