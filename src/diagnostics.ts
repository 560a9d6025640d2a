/**
 * Problems in a person's content are values, not exceptions: each carries the
 * file and place it concerns, a rule id and a message in both languages.
 * Stages return them next to their result; only the reporter in cli/ prints
 * them, in the language of the run.
 */
import { checked, type Lang, type Message } from './message.js';

export type Severity = 'error' | 'warning';

export interface Place {
  file: string;
  line?: number;
  column?: number;
}

export interface Diagnostic extends Place {
  severity: Severity;
  /** What editors search for (docs/diagnostics.md lists each); the same in every language. */
  rule: string;
  message: Message;
}

/** A stage's output: the value (absent when errors made it impossible) and what it found. */
export interface Result<T> {
  value?: T;
  diagnostics: Diagnostic[];
}

/** The one way to make a diagnostic: its message must have a Chinese text (see message.ts). */
export function diagnostic(severity: Severity, rule: string, message: Message, place: Place): Diagnostic {
  return { severity, rule, message: checked(message), ...place };
}

export function error(rule: string, message: Message, place: Place): Diagnostic {
  return diagnostic('error', rule, message, place);
}

export function warning(rule: string, message: Message, place: Place): Diagnostic {
  return diagnostic('warning', rule, message, place);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

const WARNING: Message = { zh: '警告', en: 'warning' };

/** `issues/453/issue.md:42:7 rule-id message`, the form editors' tools jump to (a warning says so before its rule). */
export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  const where = [d.file, d.line, d.column].filter((part) => part !== undefined).join(':');
  return `${where} ${d.severity === 'warning' ? `${WARNING[lang]} ` : ''}${d.rule} ${d.message[lang]}`;
}

/** A diagnostic for scripts (--json, /build.json): the message in the run's language, and both texts. */
export function diagnosticJson(d: Diagnostic, lang: Lang) {
  const { message, ...rest } = d;
  return { ...rest, message: message[lang], messages: message, text: formatDiagnostic(d, lang) };
}
