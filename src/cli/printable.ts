/**
 * Text from files and conversions may hold control characters: an escape
 * sequence (ESC]0;…BEL retitles the terminal, ESC[2J clears it), a carriage
 * return that overwrites the line before it, a bidirectional override that
 * shows a line in another order than it is. Everything build-issue prints
 * goes through `printable`, which writes each such character as \uXXXX:
 * valid inside the JSON it prints too.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_OR_NEWLINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** `text` with its control characters escaped; line ends kept only when `lines` is set (tabs are kept). */
export function printable(text: string, options: { lines?: boolean } = {}): string {
  return text.replace(options.lines ? CONTROL : CONTROL_OR_NEWLINE, escape);
}
