import type { Nodes, Parents, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import type { Place } from '../../diagnostics.js';
import { linkNeedsNote } from '../load/notes.js';
import { captionLabel, continuedLabel } from '../load/table-caption.js';
import type { ArticleNote, IssueDocument, MetaField } from '../load/types.js';
import { itemMarker } from './content/list.js';
import { chineseDate } from './dates.js';
import type { RoleText } from './fonts.js';

/** The issue line of the masthead and TOC: 2023年 第9期 · 总第453期. */
export function issueLine(doc: IssueDocument): { year: string; number: string; serial: string } {
  return { year: `${doc.meta.year}年`, number: `第${doc.meta.number}期`, serial: `总第${doc.meta.serial}期` };
}

/**
 * The role whose font sets text inside these ancestors: the innermost that
 * the style sheet gives a face of its own (bold 黑体, emphasis 楷体, a
 * section or annex heading, a table's caption or header row, a quotation),
 * as the cascade does.
 */
function roleWithin(ancestors: readonly Parents[], captions: ReadonlySet<Nodes>): string {
  for (const [i, a] of [...ancestors.entries()].reverse()) {
    const parent = ancestors[i - 1];
    if (a.type === 'strong') return 'runin';
    if (a.type === 'emphasis') return 'emphasis';
    if (a.type === 'heading' || (a.type === 'paragraph' && a.data?.kind === 'annex-heading') || captions.has(a)) return 'heading';
    if (a.type === 'tableRow' && parent?.type === 'table' && parent.children[0] === a) return 'heading';
    if (a.type === 'blockquote') return 'quote';
  }
  return 'body';
}

/** Inline code: its ASCII in the monospace face; anything else (Han) falls back to the body face, as the style sheet has it. */
function codeTexts(value: string, place: Place): RoleText[] {
  const ascii = value.replace(/[^\x20-\x7E]/g, '');
  const other = value.replace(/[\x20-\x7E]/g, '');
  return [...(ascii ? [{ role: 'code', text: ascii, place }] : []), ...(other ? [{ role: 'body', text: other, place }] : [])];
}

/**
 * Every text of an article body, with what the render stage adds to it (list
 * markers, note marks, captions from alt texts, the URL after a link's text in
 * a note), and the role that sets each.
 */
function bodyTexts(tree: Root | Nodes, file: string): RoleText[] {
  const texts: RoleText[] = [];
  const captions = new Set<Nodes>();
  // A table's caption, and the 续表 line of the pages it continues onto (the layout script adds it).
  if (tree.type === 'root') {
    tree.children.forEach((block, index) => {
      if (block.type !== 'table') return;
      const previous = tree.children[index - 1];
      const caption = previous?.type === 'paragraph' ? captionLabel(toString(previous)) : undefined;
      if (caption) captions.add(previous!);
      texts.push({ role: 'heading', text: continuedLabel(caption), place: { file, line: block.position?.start.line } });
    });
  }
  visitParents(tree, (node, ancestors) => {
    const start = node.position?.start;
    const place = { file, line: start?.line, column: start?.column };
    const role = roleWithin(ancestors as Parents[], captions);
    const add = (text: string | undefined, as = role) => void (text && texts.push({ role: as, text, place }));
    if (node.type === 'text') add(node.value);
    else if (node.type === 'inlineCode') texts.push(...codeTexts(node.value, place));
    else if (node.type === 'image') add(node.alt ?? undefined, 'body');
    else if (node.type === 'footnoteReference') add(node.data?.noteMark);
    else if (node.type === 'link') add(node.data?.noteMark ?? (linkNeedsNote(node) ? `（${node.url}）` : undefined));
    else if (node.type === 'listItem') {
      const list = ancestors.at(-1);
      const ordered = list?.type === 'list' && list.ordered === true;
      add(itemMarker(node.data?.marker, ordered, 1));
    }
  });
  return texts;
}

/** An article's notes: their marks, texts and URLs, in the body face. */
function noteTexts(notes: readonly ArticleNote[], file: string, at: Place): RoleText[] {
  return notes.flatMap((note) => [
    { role: 'body', text: note.mark, place: at },
    ...(note.definition
      ? bodyTexts({ type: 'root', children: note.definition.children }, file)
      : [{ role: 'body', text: note.url, place: at }]),
  ]);
}

/** Every piece of text in the issue with the role whose font sets it, for the coverage check and subsetting. */
export function collectRoleTexts(doc: IssueDocument, publicationFile: string): RoleText[] {
  const { publication: pub, meta, file } = doc;
  const line = issueLine(doc);
  const atPublication = { file: publicationFile };
  // A field's own line, so that a character no font has is reported where it was typed.
  const at = (field: MetaField) => ({ file, ...(meta.positions?.[field] ?? { line: 2 }) });
  const texts: RoleText[] = [
    ...pub.name.map((text) => ({ role: 'masthead', text, place: atPublication })),
    { role: 'label', text: pub.classification, place: atPublication },
    { role: 'toc', text: pub.publishers.join(''), place: atPublication },
    { role: 'toc', text: line.year, place: at('year') },
    { role: 'toc', text: line.number, place: at('number') },
    { role: 'toc', text: line.serial, place: at('serial') },
    { role: 'toc', text: chineseDate(meta.date), place: at('date') },
    { role: 'footer', text: meta.distribution.report, place: at('report') },
    { role: 'footer', text: meta.distribution.send, place: at('send') },
    { role: 'footer', text: String(meta.printRun), place: at('printRun') },
    { role: 'footer', text: Object.values(pub.office).join(''), place: atPublication },
  ];
  for (const column of doc.columns) {
    texts.push({ role: 'column', text: column.name, place: column.position });
    texts.push({ role: 'toc', text: column.name, place: column.position });
    for (const article of column.articles) {
      const meta = [article.title, article.subtitle ?? '', article.byline ?? ''].join('');
      texts.push({ role: 'toc', text: meta, place: article.position });
      texts.push({ role: 'title', text: article.title, place: article.position });
      if (article.subtitle) texts.push({ role: 'subtitle', text: article.subtitle, place: { file, line: article.position.line + 1 } });
      if (article.byline) texts.push({ role: 'byline', text: article.byline, place: { file, line: article.position.line + 1 } });
      texts.push(...bodyTexts(article.body, file), ...noteTexts(article.notes, file, article.position));
    }
  }
  return texts;
}
