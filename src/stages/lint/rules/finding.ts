import type { Severity } from '../../../diagnostics.js';
import type { Message } from '../../../message.js';

/**
 * What a rule found in one string. Offsets are UTF-16 indexes into that
 * string, so a caller that knows where the string came from (a Markdown
 * paragraph, an imported page) can turn them into its own positions.
 */
export interface Finding {
  rule: string;
  severity: Severity;
  offset: number;
  /** Length of the text concerned (0 for a point, e.g. the end of a paragraph). */
  length: number;
  message: Message;
  /** Replacement for text.slice(offset, offset + length), present only when it is certainly right. */
  fix?: string;
}

/** A lint rule: a pure function from a piece of Chinese text to what is wrong with it. */
export type TextRule = (text: string) => Finding[];
