import type { Fix } from './types.js';

export interface Fixed {
  text: string;
  /** The fixes made, in file order; a fix overlapping an earlier one waits for the next run. */
  applied: Fix[];
}

/** Applies safe fixes to the source text, changing nothing outside their ranges. */
export function applyFixes(source: string, fixes: readonly Fix[]): Fixed {
  const applied: Fix[] = [];
  let text = '';
  let cursor = 0;
  for (const fix of [...fixes].sort((a, b) => a.start - b.start)) {
    if (fix.start < cursor || source.slice(fix.start, fix.end) !== fix.old) continue;
    text += source.slice(cursor, fix.start) + fix.replacement;
    cursor = fix.end;
    applied.push(fix);
  }
  return { text: text + source.slice(cursor), applied };
}
