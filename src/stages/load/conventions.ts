import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * The conventions of Chinese documents that an editor types as plain
 * paragraphs, and that print otherwise than running text:
 *
 *   （一）坚持…            lines that each start with a number (1. （一） 一、 ① (1))
 *   （二）推进…            form a list, one item a line; a second numbering style
 *                          nests one level under the first
 *   注：1.数据…            a note block (注：), its lines each a note
 *   附件：1.…              an annex list (附件：)
 *   附件1                  an annex heading, alone on its line
 *   中共某某委员会         a signature (落款): the article's last paragraph (or the
 *   2023年9月20日          last before its first annex heading), ending in a date line
 *
 * As in official documents (GB/T 9704), an annex list follows the text and
 * precedes the signature; the annexes themselves, each under its heading,
 * follow the signature.
 *
 * The load stage records each paragraph's kind (data.kind); the render stage
 * sets it, and lint checks it by the rules of its kind.
 */
export type BlockKind = 'list' | 'note-block' | 'annex-list' | 'annex-heading' | 'signature';

/** How a list's items are numbered; the style sheet sets each style's hanging indent. */
export type MarkerStyle = 'decimal' | 'paren-decimal' | 'han' | 'paren-han' | 'circled' | 'bullet';

const HAN_NUMBER = '[一二三四五六七八九十]+';
const ENUMERATORS: ReadonlyArray<[MarkerStyle, RegExp]> = [
  ['paren-han', new RegExp(`^（${HAN_NUMBER}）`)],
  ['han', new RegExp(`^${HAN_NUMBER}、`)],
  ['circled', /^[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF]/],
  ['paren-decimal', /^[（(]\d{1,3}[）)]/],
  ['decimal', /^\d{1,3}(?:[.．、](?!\d)|[）)])/],
];

/** The number a line starts with, and its style. */
export function enumeratorOf(text: string): { marker: string; style: MarkerStyle } | undefined {
  for (const [style, pattern] of ENUMERATORS) {
    const marker = pattern.exec(text)?.[0];
    if (marker) return { marker, style };
  }
  return undefined;
}

/** The style of a Markdown list item's marker as written (“1.” “2)” “-”). */
export const markdownMarkerStyle = (marker: string | undefined): MarkerStyle => (marker && /^\d/.test(marker) ? 'decimal' : 'bullet');

/** A paragraph's lines: its phrasing content split at soft line ends and hard breaks. */
export function splitLines(paragraph: Paragraph): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of paragraph.children) {
    if (child.type === 'break') {
      lines.push([]);
      continue;
    }
    if (child.type !== 'text' || !child.value.includes('\n')) {
      lines.at(-1)!.push(child);
      continue;
    }
    child.value.split('\n').forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece !== '') lines.at(-1)!.push({ ...child, value: piece });
    });
  }
  return lines.filter((line) => line.length > 0);
}

export const lineText = (line: readonly PhrasingContent[]) =>
  line
    .map((node) => toString(node))
    .join('')
    .trim();

/** The levels of a numbered-lines list (1, or 2 for the second style), or undefined if the lines are not one. */
export function listLevels(lines: readonly string[]): { levels: number[]; styles: MarkerStyle[] } | undefined {
  if (lines.length < 2) return undefined;
  const styles: MarkerStyle[] = [];
  const levels: number[] = [];
  for (const line of lines) {
    const found = enumeratorOf(line);
    if (!found) return undefined;
    if (!styles.includes(found.style)) styles.push(found.style);
    levels.push(styles.indexOf(found.style) + 1);
  }
  return { levels, styles };
}

const NOTE_LABEL = '注：';
const ANNEX_LABEL = '附件：';
/** The label a note block or annex list starts with. */
export const LABELS: Partial<Record<BlockKind, string>> = { 'note-block': NOTE_LABEL, 'annex-list': ANNEX_LABEL };

const ANNEX_HEADING = /^附件[0-9一二三四五六七八九十]*$/;
const DATE = /^(?:\d{4}|[〇○零一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日$/;
/** A signature holds the issuing bodies and the date: short lines, none of them a sentence. */
const SIGNATURE_LINES = 4;
const SENTENCE_END = /[。？！；，：]$/;

function kindOfLines(lines: readonly string[]): BlockKind | undefined {
  const first = lines[0] ?? '';
  if (first.startsWith(NOTE_LABEL)) return 'note-block';
  if (first.startsWith(ANNEX_LABEL)) return 'annex-list';
  if (lines.length === 1 && ANNEX_HEADING.test(first)) return 'annex-heading';
  if (listLevels(lines)) return 'list';
  return undefined;
}

/** Whether lines make a signature (落款): the issuing bodies and the date, none of them a sentence. */
export const isSignature = (lines: readonly string[]) =>
  lines.length <= SIGNATURE_LINES && DATE.test(lines.at(-1) ?? '') && lines.every((line) => !SENTENCE_END.test(line));

/**
 * Records the kind of each paragraph of an article body (data.kind). The
 * signature is the body's last block before its annexes (an annex heading or
 * annex list) or, without annexes, its last block (notes aside).
 */
export function classifyBlocks(body: readonly RootContent[]): void {
  let beforeAnnexes: RootContent | undefined;
  let last: RootContent | undefined;
  for (const block of body) {
    if (block.type === 'footnoteDefinition') continue;
    const kind = block.type === 'paragraph' ? kindOfLines(splitLines(block).map(lineText)) : undefined;
    if (kind && block.type === 'paragraph') block.data = { ...block.data, kind };
    if (kind === 'annex-heading' && !beforeAnnexes) beforeAnnexes = last;
    last = block;
  }
  const candidate = beforeAnnexes ?? last;
  if (candidate?.type === 'paragraph' && !candidate.data?.kind && isSignature(splitLines(candidate).map(lineText))) {
    candidate.data = { ...candidate.data, kind: 'signature' };
  }
}
