import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { defaultSchema, type Schema, sanitize } from 'hast-util-sanitize';
import type { FootnoteDefinition, Root as MdastRoot } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { ArticleNote } from '../load/types.js';
import { HANDLERS } from './content/handlers.js';
import { glueText, spaceAroundCode, textOf } from './line-breaking.js';
import { markTable } from './tables.js';
import type { Block, BlockCounter } from './types.js';

export function blockCounter(): BlockCounter {
  const blocks: Block[] = [];
  return {
    blocks,
    next(line, text) {
      const block = { id: `b${blocks.length + 1}`, line, chars: visibleLength(text) };
      blocks.push(block);
      return block;
    },
  };
}

function visibleLength(text: string): number {
  return [...text.replace(/\s/gu, '')].length;
}

/** Marks blocks for the completeness check and classifies run-in heads and section headings. */
function markBlocks(tree: HastRoot, counter: BlockCounter): void {
  const elements = tree.children.filter((node): node is Element => node.type === 'element');
  for (const [index, node] of elements.entries()) {
    if (node.tagName === 'table') {
      markTable(node, elements[index - 1], counter);
      continue;
    }
    const line = node.position?.start.line ?? 0;
    const block = counter.next(line, textOf(node));
    node.properties = { ...node.properties, dataBlock: block.id, dataLine: line };
    const first = node.children.find((c: ElementContent) => c.type !== 'text' || c.value.trim() !== '');
    if (node.tagName === 'p' && first?.type === 'element' && first.tagName === 'strong') {
      node.properties.className = ['run-in'];
    }
    if (node.tagName === 'h3') node.properties.className = ['section'];
  }
}

/**
 * The default schema, but images may be data: URLs (render inlines the
 * issue's own images so), and the elements and attributes the content
 * handlers make (figures, classes, a list's marker width, a table cell's
 * line and column) are kept: the hast
 * comes from those handlers alone, raw HTML being rejected at load.
 */
const OWN_ATTRIBUTES = ['className', 'style', 'dataFile'];
const SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption'],
  // GitHub's schema allows only its own class names on some elements (ol, li, section …): those rules give way to ours.
  attributes: {
    ...Object.fromEntries(
      Object.entries({ ...defaultSchema.attributes }).map(([tag, allowed]) => [
        tag,
        [...allowed.filter((a) => !OWN_ATTRIBUTES.includes(Array.isArray(a) ? String(a[0]) : String(a))), ...OWN_ATTRIBUTES],
      ]),
    ),
    td: ['dataLine', 'dataColumn'],
    th: ['dataLine', 'dataColumn'],
  },
  protocols: { ...defaultSchema.protocols, src: [...(defaultSchema.protocols?.src ?? []), 'data'] },
};

/**
 * Every node type has its handler (content/handlers.ts); one that had none
 * would be a bug, not something to print by a default.
 */
const toHast = unified().use(remarkRehype, {
  handlers: HANDLERS,
  unknownHandler: (_state, node) => {
    throw new Error(`no handler for mdast node type “${node.type}”`);
  },
});
const toHtml = unified().use(rehypeStringify, { characterReferences: { useNamedReferences: false } });

/** The article's notes (注释), as its last block: each note's mark and text, the URL of a link for a link's note. */
async function notesList(notes: readonly ArticleNote[]): Promise<Element> {
  const definitions = notes.map((note): FootnoteDefinition => {
    const data = { noteMark: note.mark };
    if (note.definition) return { ...structuredClone(note.definition), data };
    return {
      type: 'footnoteDefinition',
      identifier: note.mark,
      children: [{ type: 'paragraph', children: [{ type: 'text', value: note.url }] }],
      data,
    };
  });
  const items = ((await toHast.run({ type: 'root', children: definitions })) as HastRoot).children.filter((c) => c.type === 'element');
  const position = definitions.find((d) => d.position)?.position;
  return {
    type: 'element',
    tagName: 'section',
    properties: { className: ['notes'] },
    children: [{ type: 'element', tagName: 'ol', properties: { className: ['note-list'] }, children: items }],
    position,
  };
}

/**
 * Markdown body → HTML with unified (remark-rehype → sanitize → glue → rehype-stringify).
 * Raw HTML never reaches the page: remark-rehype drops it, and the sanitizer
 * removes scripts, event handlers and javascript: URLs from whatever remains.
 */
export async function markdownToHtml(body: MdastRoot, counter: BlockCounter, notes: readonly ArticleNote[] = []): Promise<string> {
  const hast = (await toHast.run(structuredClone(body))) as HastRoot;
  if (notes.length > 0) hast.children.push(await notesList(notes));
  const clean = sanitize(hast, SCHEMA) as HastRoot;
  // sanitize drops positions; take them from the unsanitized tree, block by block.
  const originals = hast.children.filter((n) => n.type === 'element');
  const cleaned = clean.children.filter((n) => n.type === 'element');
  cleaned.forEach((node, i) => {
    node.position = originals[i]?.position;
  });
  glueText(clean);
  spaceAroundCode(clean);
  markBlocks(clean, counter);
  return toHtml.stringify(clean);
}
