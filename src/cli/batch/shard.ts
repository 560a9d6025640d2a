import type { Message } from '../../message.js';

/**
 * --shard i/n: the i-th of n slices of the selected issues, so one archive
 * rebuild can be spread over CI jobs. Issue k of the numerically sorted
 * selection goes to slice (k mod n) + 1: every issue lands in exactly one
 * slice, slices differ in size by at most one, and long runs of neighbouring
 * issues (which tend to be alike in length) are dealt out evenly.
 */
export interface Shard {
  index: number;
  count: number;
}

/** The slice `i/n` names, or what is wrong with it. */
export function parseShard(text: string): Shard | Message {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    return {
      zh: `--shard 要写成 i/n，且 1 ≤ i ≤ n（如 2/4），不能是“${text}”`,
      en: `--shard takes i/n with 1 ≤ i ≤ n (e.g. 2/4), not “${text}”`,
    };
  return { index, count };
}

/** The serials of one slice; `serials` must already be in their deterministic (numeric) order. */
export function shardOf<T>(serials: readonly T[], shard: Shard): T[] {
  return serials.filter((_, k) => k % shard.count === shard.index - 1);
}
