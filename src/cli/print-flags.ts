import { InvalidArgumentError } from 'commander';
import { parseLength, type PrintOptions } from '../stages/finish/print-options.js';

/** The build command's print-shop flags, as commander hands them over. */
export interface PrintFlags {
  /** Points, parsed from `--bleed 3mm`. */
  bleed: number;
  marks: boolean;
  /** false with --no-pad. */
  pad: boolean;
  grayscale: boolean;
  tagged: boolean;
}

export function parseBleed(value: string): number {
  const points = parseLength(value);
  if (points === undefined || points > 72) throw new InvalidArgumentError('a length such as 3mm, 0.125in or 9pt (at most 1in)');
  return points;
}

export function printOptions(flags: PrintFlags): PrintOptions {
  return { bleed: flags.bleed, marks: flags.marks, pad: flags.pad, grayscale: flags.grayscale, tagged: flags.tagged };
}
