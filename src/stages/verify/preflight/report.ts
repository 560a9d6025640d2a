import { count, type CheckResult } from './check.js';
import type { PreflightReport } from './preflight.js';

/** ✓ passed, ! warnings, ✗ failed. */
export function checkMark(check: CheckResult): '✓' | '!' | '✗' {
  if (check.diagnostics.some((d) => d.severity === 'error')) return '✗';
  return check.diagnostics.length > 0 ? '!' : '✓';
}

/** `preflight passed with 1 warning`, `preflight FAILED: 2 errors`. */
export function verdict(report: PreflightReport): string {
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = report.diagnostics.length - errors;
  if (report.passed) return `preflight passed${warnings > 0 ? ` with ${count(warnings, 'warning')}` : ''}`;
  return `preflight FAILED: ${count(errors, 'error')}${warnings > 0 ? `, ${count(warnings, 'warning')}` : ''}`;
}

/** The report a person reads: one line per check, then the verdict. Problems are listed by the reporter as diagnostics. */
export function reportLines(report: PreflightReport): string[] {
  const width = Math.max(...report.checks.map((c) => c.name.length));
  return [`preflight ${report.file}`, ...report.checks.map((c) => `  ${checkMark(c)} ${c.name.padEnd(width)}  ${c.summary}`), verdict(report)];
}
