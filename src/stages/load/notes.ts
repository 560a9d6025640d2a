import type { FootnoteDefinition, FootnoteReference, Link, Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { type Diagnostic, error } from '../../diagnostics.js';
import { placeOf } from './content-checks.js';
import { noteMark } from './note-marks.js';
import type { Article } from './types.js';

/**
 * Notes (注释): each article numbers its own, in reading order, and prints
 * them at its end. A note is a GFM footnote (`…[^1]` and `[^1]: 注释。`,
 * the definition anywhere in the file), or the URL of a link whose text is
 * not that URL (`[新华网](https://www.xinhuanet.com)`: print has no links).
 * A footnote referenced twice keeps its first number. A reference to a note
 * that is not defined (GFM leaves it as the text `[^1]`) and a definition no
 * article refers to are errors.
 */

/** The URL as a reader would compare it with the link text: without scheme, mailto: or trailing slash. */
const bare = (url: string) =>
  url
    .replace(/^(?:https?:\/\/|mailto:)/i, '')
    .replace(/\/$/, '')
    .toLowerCase();

/** Whether a link prints a note: its URL is not what its text says. */
export const linkNeedsNote = (link: Link) => bare(link.url) !== bare(toString(link).trim());

const UNDEFINED_REFERENCE = /\[\^[^\]\s]+\]/gu;

/** Numbers the notes of one article, recording each mark on its reference (data.noteMark). */
function numberArticleNotes(
  article: Article,
  definitions: ReadonlyMap<string, FootnoteDefinition>,
  used: Set<string>,
  file: string,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const notes: Array<{ definition: FootnoteDefinition } | { url: string }> = [];
  const numbers = new Map<string, number>();
  const marked: Array<[FootnoteReference | Link, number]> = [];
  visit(article.body as Nodes, (node) => {
    if (node.type === 'footnoteDefinition') return SKIP;
    if (node.type === 'footnoteReference') {
      const id = node.identifier.toUpperCase();
      const definition = definitions.get(id);
      if (!definition) return undefined; // GFM parses a reference only when its definition exists
      used.add(id);
      if (!numbers.has(id)) {
        notes.push({ definition });
        numbers.set(id, notes.length);
      }
      marked.push([node, numbers.get(id)!]);
    } else if (node.type === 'link' && linkNeedsNote(node)) {
      notes.push({ url: node.url });
      marked.push([node, notes.length]);
    } else if (node.type === 'text') {
      for (const match of node.value.matchAll(UNDEFINED_REFERENCE)) {
        const before = node.value.slice(0, match.index);
        const start = placeOf(node, file);
        const lines = before.split('\n');
        const column = lines.length === 1 ? start.column + before.length : lines.at(-1)!.length + 1;
        const message = {
          zh: `注释 ${match[0]} 没有内容：请另起一行写“${match[0]}: 注释内容。”，或删去这个标记`,
          en: `the note ${match[0]} is not defined; add “${match[0]}: 注释内容。” on a line of its own, or remove the mark`,
        };
        diagnostics.push(error('note-undefined', message, { file, line: start.line + lines.length - 1, column }));
      }
    }
    return undefined;
  });
  const mark = (number: number) => noteMark(number, notes.length);
  for (const [node, number] of marked) node.data = { ...node.data, noteMark: mark(number) };
  article.notes = notes.map((note, i) => ({ ...note, mark: mark(i + 1) }));
  return diagnostics;
}

/** Numbers every article's notes; reports undefined references and definitions nothing refers to. */
export function numberNotes(articles: readonly Article[], definitions: readonly FootnoteDefinition[], file: string): Diagnostic[] {
  const byId = new Map<string, FootnoteDefinition>();
  for (const definition of definitions) {
    const id = definition.identifier.toUpperCase();
    if (byId.has(id)) {
      const label = definition.label ?? definition.identifier;
      const message = {
        zh: `注释 [^${label}] 写了两次；每条注释要用不同的标号`,
        en: `the note [^${label}] is defined twice; give each note its own label`,
      };
      return [error('note-duplicate', message, placeOf(definition, file))];
    }
    byId.set(id, definition);
  }
  const used = new Set<string>();
  const diagnostics = articles.flatMap((article) => numberArticleNotes(article, byId, used, file));
  for (const [id, definition] of byId) {
    if (!used.has(id)) {
      const label = definition.label ?? definition.identifier;
      const message = {
        zh: `注释 [^${label}] 正文里没有引用：请在该加注的地方写“[^${label}]”，或删去这条注释`,
        en: `the note [^${label}] is never referred to; add “[^${label}]” where it belongs, or remove the note`,
      };
      diagnostics.push(error('note-unreferenced', message, placeOf(definition, file)));
    }
  }
  return diagnostics;
}

/** Footnote definitions are not article content: the notes list prints them. */
export const isNoteDefinition = (node: RootContent): node is FootnoteDefinition => node.type === 'footnoteDefinition';
