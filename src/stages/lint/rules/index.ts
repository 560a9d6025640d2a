/**
 * The copy editor's rules, each a pure function over one string that returns
 * findings with offsets into it. The lint stage runs them over the issue's
 * Markdown; the importer can run them over any text it converts.
 *
 * Not zhlint (npm, 0.8.2): its preset is the W3C/Vue documentation style, not
 * mainland print (a space between Han and Latin, half-width brackets: 286
 * findings on the clean issue 453); its findings have no rule id, so neither
 * severities nor safe fixes can be chosen per rule; it has no dash, ellipsis,
 * nesting, split-paragraph or glyph rule; and it brings an older unified stack.
 */
import { brackets } from './brackets.js';
import { hasHan } from './chars.js';
import { dashForm, ellipsisForm } from './dash-and-ellipsis.js';
import type { Finding, TextRule } from './finding.js';
import { fullwidthAlphanumeric } from './fullwidth-alphanumeric.js';
import { halfwidthPunctuation } from './halfwidth-punctuation.js';
import { latinWords } from './latin-words.js';
import { doubledAtJoin } from './line-join.js';
import { paragraphEnd } from './paragraph-end.js';
import { spacesInChinese } from './spaces.js';

export type { Finding, TextRule } from './finding.js';
export {
  brackets,
  dashForm,
  doubledAtJoin,
  ellipsisForm,
  fullwidthAlphanumeric,
  halfwidthPunctuation,
  latinWords,
  paragraphEnd,
  spacesInChinese,
};

/** Rules for any Chinese text, headlines and lists included: its marks, letters and digits. */
export const CHINESE_TEXT_RULES: readonly TextRule[] = [
  halfwidthPunctuation,
  fullwidthAlphanumeric,
  dashForm,
  ellipsisForm,
  brackets,
  latinWords,
];

/** Rules for a list of names (the distribution lines): no spaces between them either. */
export const LIST_RULES: readonly TextRule[] = [...CHINESE_TEXT_RULES, spacesInChinese];

/** Rules for running text: a body paragraph also has no spaces, no doubled join and a terminal mark. */
export const RUNNING_TEXT_RULES: readonly TextRule[] = [...LIST_RULES, doubledAtJoin, paragraphEnd];

/** Runs the rules over a text, in text order. Text without a Han character is not Chinese text and is not checked. */
export function checkText(text: string, rules: readonly TextRule[]): Finding[] {
  if (!hasHan(text)) return [];
  return rules.flatMap((rule) => rule(text)).sort((a, b) => a.offset - b.offset);
}
