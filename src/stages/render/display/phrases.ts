/**
 * Where a display line (title, subtitle, byline, column header, section
 * heading, run-in head, TOC entry, masthead line) may break: between phrases,
 * never inside a word.
 *
 * Words come from ICU's Chinese dictionary (Intl.Segmenter, word granularity).
 * A dictionary leaves some words in single characters (习|近平, 因|势利|导,
 * 新|赛|道, 第|一批); single characters are joined to their neighbours
 * (joinSingles), and the house's set phrases are never broken inside
 * (KEPT_TOGETHER). Then a break is dropped where the rules of Chinese line
 * breaking forbid it (a closing mark, stop or dash must not start a line, an
 * opening mark must not end one) and between a Han character and a Latin
 * letter or digit, which must sit in one text run for text-autospace.
 * docs/internals.md compares this with BudouX on 453's headlines.
 */
import { NO_LINE_END, NO_LINE_START } from '../../../page/marks.js';
import { KEPT_BRACKETS, KEPT_TOGETHER, PREFIXES } from './terms.js';

const words = new Intl.Segmenter('zh-Hans', { granularity: 'word' });

const WORD_CHAR = /[\p{Script=Han}\p{L}\p{N}]/u;
const isHan = (ch: string) => /\p{Script=Han}/u.test(ch);
const isLatin = (ch: string) => /[A-Za-z0-9]/.test(ch);

/** Characters of a chunk that count as a character of a line (not punctuation, not space). */
export function wordLength(text: string): number {
  let n = 0;
  for (const ch of text) if (WORD_CHAR.test(ch)) n++;
  return n;
}

/** A run of text cut into tokens: the house's terms and short bracketed runs whole, the rest in dictionary words. */
function tokens(run: string): string[] {
  const kept: Array<[number, number]> = [];
  const free = (from: number, to: number) => kept.every(([a, b]) => to <= a || from >= b);
  for (const term of KEPT_TOGETHER) {
    for (let i = run.indexOf(term); i >= 0; i = run.indexOf(term, i + 1)) if (free(i, i + term.length)) kept.push([i, i + term.length]);
  }
  for (const [open, close] of KEPT_BRACKETS.pairs) {
    for (let i = run.indexOf(open!); i >= 0; i = run.indexOf(open!, i + 1)) {
      const end = run.indexOf(close!, i + 1) + 1;
      if (end > 0 && wordLength(run.slice(i, end)) <= KEPT_BRACKETS.maxChars && free(i, end)) kept.push([i, end]);
    }
  }
  kept.sort((a, b) => a[0] - b[0]);
  const out: string[] = [];
  let at = 0;
  for (const [a, b] of [...kept, [run.length, run.length] as [number, number]]) {
    if (a > at) out.push(...[...words.segment(run.slice(at, a))].map((s) => s.segment));
    if (b > a) out.push(run.slice(a, b));
    at = b;
  }
  return out;
}

const opens = (text: string) => NO_LINE_END.includes(text[0]!);
const endsInMark = (text: string) => !WORD_CHAR.test(text.at(-1)!);

/**
 * Joins tokens of at most one word character to a neighbour, so that no line
 * can be one character long and a word the dictionary split is whole again:
 * a punctuation mark goes with the word it belongs to (an opening mark with
 * the next, any other with the one before); a run of single characters
 * becomes one chunk (新|赛|道 → 新赛道); a single left alone goes forward when
 * it is a prefix or conjunction, opens the text or follows a mark (第|一批 →
 * 第一批, 高|质量 → 高质量), and back otherwise (第二|批 → 第二批).
 */
function joinSingles(list: readonly string[]): string[] {
  const marks: string[] = [];
  let carry = '';
  for (const token of list) {
    if (wordLength(token) === 0 && opens(token)) carry += token;
    else if (wordLength(token) === 0 && marks.length > 0 && !carry) marks[marks.length - 1] += token;
    else {
      marks.push(carry + token);
      carry = '';
    }
  }
  if (carry) marks.push(carry);

  const runs: string[] = [];
  let lastIsSingles = false;
  for (const token of marks) {
    const single = wordLength(token) === 1;
    if (lastIsSingles && single && !endsInMark(runs.at(-1)!) && !opens(token)) runs[runs.length - 1] += token;
    else runs.push(token);
    lastIsSingles = single;
  }

  const joined: string[] = [];
  for (let i = 0; i < runs.length; i++) {
    const token = runs[i]!;
    const prev = joined.at(-1);
    const next = runs[i + 1];
    if (wordLength(token) > 1 || (prev === undefined && next === undefined)) {
      joined.push(token);
      continue;
    }
    const core = token.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');
    const forward = prev === undefined || endsInMark(prev) || opens(token) || (PREFIXES.includes(core) && !endsInMark(token));
    const goBack = next === undefined || !forward;
    if (goBack && prev !== undefined) joined[joined.length - 1] = prev + token;
    else runs[i + 1] = token + next;
  }
  return joined;
}

/** Word boundaries (UTF-16 offsets) of one run of text without white space. */
function boundariesOf(run: string): number[] {
  const chunks = joinSingles(tokens(run));
  const cuts: number[] = [];
  let at = 0;
  for (const chunk of chunks.slice(0, -1)) cuts.push((at += chunk.length));
  return cuts;
}

/** Whether a line may break between text[i-1] and text[i] by the rules of Chinese line breaking. */
function breakable(text: string, i: number): boolean {
  const before = text[i - 1]!;
  const after = text[i]!;
  if (NO_LINE_START.includes(after) || NO_LINE_END.includes(before)) return false;
  return !((isHan(before) && isLatin(after)) || (isLatin(before) && isHan(after)));
}

/**
 * The offsets (UTF-16, ascending) inside the text where a display line may
 * break between phrases. White space is a break of its own and is not listed,
 * nor is any offset next to it.
 */
export function phraseBreaks(text: string): readonly number[] {
  const known = found.get(text);
  if (known) return known;
  const breaks: number[] = [];
  for (const match of text.matchAll(/\S+/gu)) {
    const start = match.index;
    for (const cut of boundariesOf(match[0])) {
      if (breakable(text, start + cut)) breaks.push(start + cut);
    }
  }
  breaks.sort((a, b) => a - b);
  // A title is segmented for its page and again for the TOC, and an issue laid out twice (binding) is rendered twice.
  if (found.size >= FOUND_MAX) found.clear();
  found.set(text, breaks);
  return breaks;
}

const found = new Map<string, number[]>();
const FOUND_MAX = 10_000;

/** The text cut at its phrase breaks (white space stays with the chunk before it). */
export function phrases(text: string): string[] {
  const cuts = [0, ...phraseBreaks(text), text.length];
  const withSpaces: string[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) withSpaces.push(...text.slice(cuts[i], cuts[i + 1]).split(/(?<=\s)(?=\S)/u));
  return withSpaces;
}
