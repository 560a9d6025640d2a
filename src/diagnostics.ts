/**
 * Problems in a person's content are values, not exceptions: each carries the
 * file and place it concerns, a rule id and a message. Stages return them next
 * to their result; only the reporter in cli/ prints them.
 */
export type Severity = 'error' | 'warning';

export interface Place {
  file: string;
  line?: number;
  column?: number;
}

export interface Diagnostic extends Place {
  severity: Severity;
  rule: string;
  message: string;
}

/** A stage's output: the value (absent when errors made it impossible) and what it found. */
export interface Result<T> {
  value?: T;
  diagnostics: Diagnostic[];
}

export function error(rule: string, message: string, place: Place): Diagnostic {
  return { severity: 'error', rule, message, ...place };
}

export function warning(rule: string, message: string, place: Place): Diagnostic {
  return { severity: 'warning', rule, message, ...place };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** `issues/453/issue.md:42:7 rule-id message`, the form editors' tools jump to. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line, d.column].filter((part) => part !== undefined).join(':');
  return `${where} ${d.severity === 'warning' ? 'warning ' : ''}${d.rule} ${d.message}`;
}
