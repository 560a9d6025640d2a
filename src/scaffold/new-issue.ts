import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Diagnostic, error, type Result } from '../diagnostics.js';
import type { Message } from '../message.js';
import { parseIssueMeta, splitFrontMatter } from '../stages/load/front-matter.js';
import { ISSUE_FILE, listIssues } from '../stages/load/load-issue.js';
import type { IssueMeta } from '../stages/load/types.js';
import { type IssueFacts, issueText } from './issue-file.js';

export interface NewIssueOptions {
  issuesDir: string;
  /** Paths in messages are relative to this folder. */
  rootDir: string;
  defaultEdition: string;
  /** The new issue's date, YYYY-MM-DD (today, unless the editor gave one). */
  date: string;
}

/** The issue after `previous`: the next number in the same year, 1 in a new year; its distribution, print run and edition. */
export function followingFacts(previous: IssueMeta, serial: number, date: string): IssueFacts {
  const year = Number(date.slice(0, 4));
  return {
    serial,
    year,
    number: year === previous.year ? previous.number + 1 : 1,
    date,
    distribution: { ...previous.distribution },
    printRun: previous.printRun,
    edition: previous.edition,
  };
}

/** Writes `text` as a new file; false when the file exists already (it is never overwritten). */
export async function writeNew(file: string, text: string): Promise<boolean> {
  await mkdir(path.dirname(file), { recursive: true });
  return writeFile(file, text, { flag: 'wx' }).then(
    () => true,
    (cause: NodeJS.ErrnoException) => {
      if (cause.code === 'EEXIST') return false;
      throw cause;
    },
  );
}

/** The front matter of an issue already written, read as a build reads it. */
async function metaOf(serial: string, options: NewIssueOptions): Promise<Result<IssueMeta>> {
  const file = path.join(options.issuesDir, serial, ISSUE_FILE);
  const shown = path.relative(options.rootDir, file);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined)
    return {
      diagnostics: [
        error('file-missing', { zh: '这个文件读不出来（不存在，或没有读取权限）', en: 'cannot read this file' }, { file: shown }),
      ],
    };
  const split = splitFrontMatter(text, shown);
  if (!split.value) return split as Result<never>;
  return parseIssueMeta(split.value.yaml, shown, { folderSerial: serial, defaultEdition: options.defaultEdition });
}

/**
 * `build-issue new <serial>`: issues/<serial>/issue.md made from the issue
 * before it (the highest serial below it), with a sample body. Refuses to
 * overwrite an issue, and to start without an issue before it (`init` makes
 * a publication's first).
 */
export async function newIssue(
  serial: string,
  options: NewIssueOptions,
): Promise<Result<{ file: string; facts: IssueFacts; previous: string }>> {
  const file = path.join(options.issuesDir, serial, ISSUE_FILE);
  const shown = path.relative(options.rootDir, file);
  const fail = (rule: string, message: Message): Result<never> => ({ diagnostics: [error(rule, message, { file: shown })] });
  if (!/^[1-9]\d{0,5}$/.test(serial)) {
    return fail('new-serial', {
      zh: `“${serial}”不是期号（总期号）：要写 1 到 999999 之间的整数`,
      en: `“${serial}” is not a serial (总期号): a whole number from 1 to 999999`,
    });
  }

  const existing = await listIssues(options.issuesDir);
  const previous = existing.filter((s) => Number(s) < Number(serial)).at(-1);
  if (!previous) {
    const folder = `${path.relative(options.rootDir, options.issuesDir) || '.'}/`;
    const here = existing.length
      ? { zh: `现有：${existing.join('、')}`, en: `the issues here are ${existing.join(', ')}` }
      : { zh: `${folder} 里没有任何一期`, en: `there are no issues in ${folder}` };
    return fail('new-no-previous', {
      zh: `第 ${serial} 期之前没有可接续的一期（${here.zh}）；新刊物请先用 build-issue init 开始`,
      en: `there is no issue before ${serial} to continue from (${here.en}); a new publication starts with build-issue init`,
    });
  }
  const meta = await metaOf(previous, options);
  if (!meta.value) {
    const diagnostics: Diagnostic[] = [
      ...meta.diagnostics,
      error(
        'new-previous-invalid',
        {
          zh: `第 ${serial} 期要接续的第 ${previous} 期前置信息有错（见上）：请先改正`,
          en: `issue ${previous}, which ${serial} continues, has errors in its front matter (above): fix them first`,
        },
        { file: shown },
      ),
    ];
    return { diagnostics };
  }
  const facts = followingFacts(meta.value, Number(serial), options.date);
  if (!(await writeNew(file, await issueText(facts))))
    return fail('new-exists', {
      zh: `第 ${serial} 期已经存在；build-issue new 不会覆盖已有的一期`,
      en: `issue ${serial} exists already; build-issue new never overwrites an issue`,
    });
  return { value: { file: shown, facts, previous }, diagnostics: [] };
}
