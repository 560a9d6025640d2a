/** Types shared by the lint stage's modules and the lint command. */
import type { Place } from '../../diagnostics.js';

/** A safe fix, ready to apply to the file: source[start, end) is `old` and becomes `replacement`. */
export interface Fix {
  rule: string;
  place: Place;
  start: number;
  end: number;
  old: string;
  replacement: string;
}
