import path from 'node:path';
import { formatDiagnostic } from '../../diagnostics.js';
import type { IssueOutcome } from './types.js';

const shown = (file: string) => path.relative(process.cwd(), file) || file;
const seconds = (outcome: IssueOutcome) => outcome.seconds.toFixed(1);
const errorCount = (outcome: IssueOutcome) => outcome.diagnostics.filter((d) => d.severity === 'error').length;

/** The one line each issue gets when it is done (failures go to stderr through the reporter). */
export function outcomeLine(outcome: IssueOutcome): string {
  switch (outcome.status) {
    case 'built':
      return `${shown(outcome.output)}: ${outcome.pages} pages in ${seconds(outcome)} s`;
    case 'skipped':
      return `${shown(outcome.output)}: ${outcome.pages} pages, inputs unchanged since it was built; skipped (--force rebuilds)`;
    case 'failed': {
      const errors = errorCount(outcome);
      return `issue ${outcome.serial} not built: ${errors} error${errors === 1 ? '' : 's'}`;
    }
  }
}

/** serial · pages · seconds · status · output, as aligned columns. */
export function summaryTable(outcomes: readonly IssueOutcome[]): string {
  const rows = [
    ['serial', 'pages', 'seconds', 'status', 'output'],
    ...outcomes.map((o) => [o.serial, o.pages === undefined ? '–' : String(o.pages), seconds(o), o.status, o.status === 'failed' ? '–' : shown(o.output)]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const right = new Set([1, 2]);
  return rows
    .map((row) => row.map((cell, c) => (right.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd())
    .join('\n');
}

export function summaryCounts(outcomes: readonly IssueOutcome[], wallSeconds: number): string {
  const count = (status: IssueOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return `${count('built')} built, ${count('skipped')} skipped, ${count('failed')} failed in ${wallSeconds.toFixed(1)} s`;
}

/** The summary for scripts (--json): the same facts, with each issue's diagnostics. */
export function summaryJson(outcomes: readonly IssueOutcome[], wallSeconds: number): string {
  return JSON.stringify(
    {
      seconds: Number(wallSeconds.toFixed(3)),
      issues: outcomes.map((o) => ({
        serial: o.serial,
        status: o.status,
        pages: o.pages ?? null,
        seconds: Number(o.seconds.toFixed(3)),
        output: o.status === 'failed' ? null : shown(o.output),
        diagnostics: o.diagnostics.map((d) => ({ ...d, text: formatDiagnostic(d) })),
      })),
    },
    null,
    2,
  );
}
