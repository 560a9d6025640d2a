import type { Message } from '../../message.js';

/**
 * Which issues a run builds, from the command line: serials (453), ranges
 * (440-453) or --all, read against the issues that exist.
 */
export interface Selection {
  /** Serials to build, each once, in numeric order. */
  serials: string[];
  /** Why the selection is unusable (bad syntax, an empty range); empty when it is fine. */
  problems: Message[];
}

const SERIAL = /^\d+$/;
const RANGE = /^(\d+)-(\d+)$/;

export function selectIssues(args: readonly string[], all: boolean, existing: readonly string[]): Selection {
  const problems: Message[] = [];
  const chosen = new Set<string>();
  if (all && args.length > 0) problems.push({ zh: '期号和 --all 只能给一个', en: 'give serials or --all, not both' });
  if (!all && args.length === 0)
    problems.push({ zh: '请写出要排的期号（如 453 或 440-453），或加 --all', en: 'name the issues to build (453, 440-453) or pass --all' });
  if (all) for (const serial of existing) chosen.add(serial);

  for (const arg of args) {
    const range = RANGE.exec(arg);
    if (SERIAL.test(arg)) {
      // A serial with no folder is kept: building it reports issue-missing with the list of issues.
      chosen.add(arg);
    } else if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (from > to) {
        problems.push({ zh: `范围 ${arg} 写反了，应写作 ${to}-${from}`, en: `range ${arg} runs backwards; write ${to}-${from}` });
        continue;
      }
      // A range means the issues that exist within it: archives have gaps.
      const inside = existing.filter((s) => Number(s) >= from && Number(s) <= to);
      if (inside.length === 0)
        problems.push({
          zh: `${arg} 之间没有任何一期；现有：${existing.join('、') || '无'}`,
          en: `no issue lies in ${arg}; issues here: ${existing.join(', ') || 'none'}`,
        });
      for (const serial of inside) chosen.add(serial);
    } else {
      problems.push({
        zh: `“${arg}”既不是期号（如 453），也不是范围（如 440-453）`,
        en: `“${arg}” is neither a serial (453) nor a range (440-453)`,
      });
    }
  }
  return { serials: [...chosen].sort((a, b) => Number(a) - Number(b)), problems };
}
