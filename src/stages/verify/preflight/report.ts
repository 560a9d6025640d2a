import type { PreflightReport } from './preflight.js';

/** The report a person reads: one line per check, then the verdict. Problems are listed by the reporter as diagnostics. */
export function reportLines(report: PreflightReport): string[] {
  const width = Math.max(...report.checks.map((c) => c.name.length));
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = report.diagnostics.length - errors;
  const mark = (check: PreflightReport['checks'][number]) =>
    check.diagnostics.some((d) => d.severity === 'error') ? '✗' : check.diagnostics.length > 0 ? '!' : '✓';
  const verdict = report.passed
    ? `preflight passed${warnings > 0 ? ` with ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`
    : `preflight FAILED: ${errors} error${errors === 1 ? '' : 's'}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`;
  return [`preflight ${report.file}`, ...report.checks.map((c) => `  ${mark(c)} ${c.name.padEnd(width)}  ${c.summary}`), verdict];
}
