/**
 * Display text as HTML: a `<wbr>` between phrases (display/phrases.ts), set
 * with `word-break: keep-all` by the edition's CSS, so that Chromium breaks a
 * display line only there or at a space. The marks are in the HTML the
 * render stage writes, so the kept HTML lays out the same anywhere.
 */
import type { ElementContent, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { gluedNodes } from '../glued-nodes.js';
import { phrases } from './phrases.js';

const toHtml = unified().use(rehypeStringify, { characterReferences: { useNamedReferences: false } });

/**
 * A display text as hast nodes: its phrases with a `<wbr>` between each two
 * (none next to a space). Inside a phrase, the characters keep-all still lets
 * Chromium break before (a dash, a middle dot, % ‰ ℃) are glued as in
 * running text (cjk-text.ts).
 */
export function displayNodes(text: string): ElementContent[] {
  const nodes: ElementContent[] = [];
  let last = '';
  for (const phrase of phrases(text)) {
    if (/\S$/u.test(last) && /^\S/u.test(phrase)) nodes.push({ type: 'element', tagName: 'wbr', properties: {}, children: [] });
    nodes.push(...gluedNodes(phrase, false));
    last = phrase;
  }
  return nodes;
}

/** A short display text (subtitle in the TOC, byline, column header, masthead line) as escaped HTML. */
export function displayHtml(text: string): string {
  return toHtml.stringify({ type: 'root', children: displayNodes(text) } satisfies Root);
}

/**
 * A headline as HTML: a space separates the parts of a two-part headline
 * (“印发意见 提高学习质量”); each part is a box (`.part`), so a headline that
 * must wrap wraps at the space first, and within a part between phrases.
 */
export function headlineHtml(text: string): string {
  const parts = text.split(/\s+/u).filter(Boolean);
  if (parts.length < 2) return displayHtml(text);
  const children = parts.flatMap((part, i): ElementContent[] => [
    ...(i > 0 ? [{ type: 'text' as const, value: ' ' }] : []),
    { type: 'element', tagName: 'span', properties: { className: ['part'] }, children: displayNodes(part) },
  ]);
  return toHtml.stringify({ type: 'root', children });
}
