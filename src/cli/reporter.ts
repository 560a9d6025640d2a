import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { printable } from './printable.js';

/** The one place that prints: diagnostics to stderr, results to stdout, control characters escaped (printable.ts). */
export interface Reporter {
  diagnostics(list: readonly Diagnostic[]): void;
  info(line: string): void;
  fail(reason: string): void;
  /** The run failed, and what was printed already says why. */
  failed(): void;
  /** The run failed for these problems: prints them, and fails. */
  failWith(list: readonly Diagnostic[]): void;
}

/** Where a reporter's text goes: results, and problems. */
export interface Streams {
  out(text: string): void;
  err(text: string): void;
}

const STANDARD: Streams = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Prints to stdout and stderr, or elsewhere (above a progress display, or all to stderr beside --json). */
export function consoleReporter(streams: Streams = STANDARD): Reporter {
  return {
    diagnostics(list) {
      for (const d of list) streams.err(`${printable(formatDiagnostic(d))}\n`);
    },
    info(line) {
      streams.out(`${printable(line, { lines: true })}\n`);
    },
    fail(reason) {
      streams.err(`build-issue: ${printable(reason)}\n`);
      process.exitCode = 1;
    },
    failed() {
      process.exitCode = 1;
    },
    failWith(list) {
      this.diagnostics(list);
      this.failed();
    },
  };
}

/**
 * Wraps a command's action: a problem nobody foresaw still ends as one line and
 * a non-zero exit, never as a stack trace on an editor's screen.
 */
export function reportedAction<A extends unknown[]>(run: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await run(...args);
    } catch (cause) {
      consoleReporter().fail(cause instanceof Error ? cause.message : String(cause));
    }
  };
}
