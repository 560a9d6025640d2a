import path from 'node:path';
import { diagnosticJson } from '../../diagnostics.js';
import { displayWidth } from '../../excerpt.js';
import type { Lang, Message } from '../../message.js';
import type { IssueOutcome } from './types.js';

const shown = (file: string) => path.relative(process.cwd(), file) || file;
const seconds = (outcome: IssueOutcome) => outcome.seconds.toFixed(1);
const errorCount = (outcome: IssueOutcome) => outcome.diagnostics.filter((d) => d.severity === 'error').length;
const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** The findings of --check: the typesetting audit's and the printed pages' comparison. */
const isCheckFinding = (rule: string) => rule.startsWith('audit-') || rule.startsWith('printed-');

/** What --check found, said after the issue's line: nothing (so a clean audit is not mistaken for one that did not run), or how much. */
function checkNote(outcome: IssueOutcome): Message {
  if (!outcome.checked || outcome.status !== 'built') return { zh: '', en: '' };
  const found = outcome.diagnostics.filter((d) => isCheckFinding(d.rule)).length;
  if (found === 0)
    return {
      zh: `；排版检查（--check）查过每页每行，没有发现问题`,
      en: `; the --check audit read every line of every page and found nothing`,
    };
  return {
    zh: `；排版检查（--check）发现 ${found} 处问题，见上`,
    en: `; the --check audit found ${plural(found, 'problem')}, listed above`,
  };
}

/** The one line each issue gets when it is done (failures go to stderr through the reporter). */
export function outcomeLine(outcome: IssueOutcome): Message {
  const note = checkNote(outcome);
  switch (outcome.status) {
    case 'built':
      return {
        zh: `${shown(outcome.output)}：${outcome.pages} 页，用时 ${seconds(outcome)} 秒${note.zh}`,
        en: `${shown(outcome.output)}: ${outcome.pages} pages in ${seconds(outcome)} s${note.en}`,
      };
    case 'skipped':
      return {
        zh: `${shown(outcome.output)}：${outcome.pages} 页，自上次排版以来没有改动，跳过（--force 可重排）`,
        en: `${shown(outcome.output)}: ${outcome.pages} pages, inputs unchanged since it was built; skipped (--force rebuilds)`,
      };
    case 'failed': {
      const errors = errorCount(outcome);
      return {
        zh: `第 ${outcome.serial} 期没有排成：${errors} 个错误`,
        en: `issue ${outcome.serial} not built: ${plural(errors, 'error')}`,
      };
    }
  }
}

const HEADINGS: Record<Lang, string[]> = {
  zh: ['期号', '页数', '秒', '结果', '输出'],
  en: ['serial', 'pages', 'seconds', 'status', 'output'],
};
const STATUS: Record<Lang, Record<IssueOutcome['status'], string>> = {
  zh: { built: '已排', skipped: '跳过', failed: '失败' },
  en: { built: 'built', skipped: 'skipped', failed: 'failed' },
};

/** Pads a cell to `width` terminal columns (a Chinese character takes two). */
const pad = (text: string, width: number, right: boolean) =>
  right ? ' '.repeat(width - displayWidth(text)) + text : text + ' '.repeat(width - displayWidth(text));

/** serial · pages · seconds · status · output, as aligned columns. */
export function summaryTable(outcomes: readonly IssueOutcome[], lang: Lang): string {
  const rows = [
    HEADINGS[lang],
    ...outcomes.map((o) => [
      o.serial,
      o.pages === undefined ? '–' : String(o.pages),
      seconds(o),
      STATUS[lang][o.status],
      o.status === 'failed' ? '–' : shown(o.output),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => displayWidth(row[c]!))));
  const right = new Set([1, 2]);
  return rows
    .map((row) =>
      row
        .map((cell, c) => pad(cell, widths[c]!, right.has(c)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function summaryCounts(outcomes: readonly IssueOutcome[], wallSeconds: number): Message {
  const count = (status: IssueOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  const time = wallSeconds.toFixed(1);
  return {
    zh: `已排 ${count('built')} 期，跳过 ${count('skipped')} 期，失败 ${count('failed')} 期，共用 ${time} 秒`,
    en: `${count('built')} built, ${count('skipped')} skipped, ${count('failed')} failed in ${time} s`,
  };
}

/** The summary for scripts (--json): the same facts, with each issue's diagnostics (message in the run's language, and both texts). */
export function summaryJson(outcomes: readonly IssueOutcome[], wallSeconds: number, lang: Lang): string {
  return JSON.stringify(
    {
      seconds: Number(wallSeconds.toFixed(3)),
      issues: outcomes.map((o) => ({
        serial: o.serial,
        status: o.status,
        pages: o.pages ?? null,
        seconds: Number(o.seconds.toFixed(3)),
        output: o.status === 'failed' ? null : shown(o.output),
        diagnostics: o.diagnostics.map((d) => diagnosticJson(d, lang)),
      })),
    },
    null,
    2,
  );
}
