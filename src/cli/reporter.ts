import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';

/** The one place that prints: diagnostics to stderr, results to stdout. */
export interface Reporter {
  diagnostics(list: readonly Diagnostic[]): void;
  info(line: string): void;
  fail(reason: string): void;
}

export function consoleReporter(): Reporter {
  return {
    diagnostics(list) {
      for (const d of list) process.stderr.write(`${formatDiagnostic(d)}\n`);
    },
    info(line) {
      process.stdout.write(`${line}\n`);
    },
    fail(reason) {
      process.stderr.write(`build-issue: ${reason}\n`);
      process.exitCode = 1;
    },
  };
}
