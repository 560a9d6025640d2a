import { InvalidArgumentError } from 'commander';
import type { Lang } from '../message.js';
import { type PrintOptions, parseLength } from '../stages/finish/print-options.js';

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

export function bleedParser(lang: Lang): (value: string) => number {
  return (value) => {
    const points = parseLength(value);
    if (points === undefined || points > 72) {
      throw new InvalidArgumentError(
        { zh: '要写一个长度，如 3mm、0.125in 或 9pt（最多 1in）', en: 'a length such as 3mm, 0.125in or 9pt (at most 1in)' }[lang],
      );
    }
    return points;
  };
}

export function printOptions(flags: PrintFlags): PrintOptions {
  return { bleed: flags.bleed, marks: flags.marks, pad: flags.pad, grayscale: flags.grayscale, tagged: flags.tagged };
}
