import { readFileSync, statSync } from 'node:fs';
import { type Diagnostic, formatDiagnostic } from '../diagnostics.js';
import { excerptAt } from '../excerpt.js';
import type { Lang, Message } from '../message.js';
import { printable } from './printable.js';

/** The one place that prints, in the run's language: diagnostics to stderr, results to stdout, control characters escaped (printable.ts). */
export interface Reporter {
  readonly lang: Lang;
  diagnostics(list: readonly Diagnostic[]): void;
  info(line: Message): void;
  /** Text that is the same in every language: JSON, tables of figures, version numbers. */
  data(text: string): void;
  fail(reason: Message): void;
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

/**
 * The source line a diagnostic points at, with a caret under its column, as
 * Typst and zhlint show it: `  42 | text` then `     |   ^`. Nothing when the
 * diagnostic names no line or its file cannot be read as text.
 */
export function excerptLines(d: Diagnostic, source: string | undefined): string[] {
  const excerpt = source === undefined ? undefined : excerptAt(d, source);
  if (!excerpt) return [];
  const gutter = ' '.repeat(String(d.line).length);
  const lines = [` ${d.line} | ${excerpt.text}`];
  if (excerpt.caret) lines.push(` ${gutter} | ${excerpt.caret}`);
  return lines;
}

/** A source larger than this is no issue's: its lines are not shown. */
const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

/** Reads each file diagnostics name once; a file that is not there (or a PDF, an option) shows no excerpt. */
function sourceReader(): (file: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  return (file) => {
    if (!texts.has(file)) {
      let text: string | undefined;
      try {
        // Only a text file of the project's own kinds, and only a regular file of a size a source has (never a FIFO, a device or a huge file).
        const stats = /\.(md|markdown|ya?ml)$/i.test(file) ? statSync(file) : undefined;
        text = stats?.isFile() && stats.size <= MAX_SOURCE_BYTES ? readFileSync(file, 'utf8') : undefined;
      } catch {
        text = undefined;
      }
      texts.set(file, text);
    }
    return texts.get(file);
  };
}

/** Prints to stdout and stderr, or elsewhere (above a progress display, or all to stderr beside --json). */
export function consoleReporter(lang: Lang, streams: Streams = STANDARD): Reporter {
  const source = sourceReader();
  return {
    lang,
    diagnostics(list) {
      for (const d of list) {
        const excerpt = d.line === undefined ? [] : excerptLines(d, source(d.file));
        streams.err([formatDiagnostic(d, lang), ...excerpt].map((line) => `${printable(line)}\n`).join(''));
      }
    },
    info(line) {
      streams.out(`${printable(line[lang], { lines: true })}\n`);
    },
    data(text) {
      streams.out(`${printable(text, { lines: true })}\n`);
    },
    fail(reason) {
      streams.err(`build-issue: ${printable(reason[lang])}\n`);
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

/** A thrown problem nobody foresaw, as a person reads it: the error's own text, said to be unexpected. */
function thrownMessage(cause: unknown): Message {
  const text = cause instanceof Error ? cause.message : String(cause);
  return { zh: `意外错误：${text}`, en: text };
}

/**
 * Wraps a command's action: a problem nobody foresaw still ends as one line and
 * a non-zero exit, never as a stack trace on an editor's screen.
 */
export function reportedAction<A extends unknown[]>(lang: Lang, run: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await run(...args);
    } catch (cause) {
      consoleReporter(lang).fail(thrownMessage(cause));
    }
  };
}
