import type { RootContentMap } from 'mdast';

/**
 * The content model: what an issue's Markdown may hold. Every node type
 * remark-parse and remark-gfm produce is listed, either as printed (the render
 * stage has a handler for it, render/content/handlers.ts) or as rejected, with
 * the rule the load stage reports at its line and a hint saying what to write
 * instead. The map is typed exhaustive: a node type added to mdast is a compile
 * error here until it is given one or the other, and no node ever reaches the
 * page by mdast-util-to-hast's default rendering.
 *
 * Where a printed construct may stand (a heading's depth, an image alone on its
 * line, a table in the article body) is checked by content-checks.ts.
 */
export type ContentType = keyof RootContentMap;

/** Set in the house style by the render stage. */
export interface Printed {
  print: true;
}

/** Not part of the issue format: the build stops at the node's line. */
export interface Rejected {
  print: false;
  rule: string;
  /** What was found, e.g. “a code block”. */
  message: string;
  /** What to write instead. */
  hint: string;
}

const PRINTED: Printed = { print: true };

const unsupported = (message: string, hint: string): Rejected => ({ print: false, rule: 'unsupported-markdown', message, hint });

export const CONTENT_MODEL = {
  paragraph: PRINTED,
  heading: PRINTED,
  text: PRINTED,
  strong: PRINTED,
  emphasis: PRINTED,
  break: PRINTED,
  image: PRINTED,
  table: PRINTED,
  tableRow: PRINTED,
  tableCell: PRINTED,
  list: PRINTED,
  listItem: PRINTED,
  blockquote: PRINTED,
  footnoteReference: PRINTED,
  footnoteDefinition: PRINTED,
  link: PRINTED,
  inlineCode: PRINTED,
  html: { print: false, rule: 'raw-html', message: 'raw HTML is not allowed in an issue', hint: 'write the text as Markdown' },
  code: unsupported(
    'a code block (a line indented by four spaces, or fenced with ```) does not print',
    'remove the indentation or the fence, and write the text as a paragraph',
  ),
  thematicBreak: unsupported('a “---” rule is not part of the issue body', 'leave it out: the footer and its rule are generated'),
  definition: unsupported('a link definition (“[label]: URL”) is not part of the issue format', 'write the link in place: [text](URL)'),
  linkReference: unsupported('a reference-style link (“[text][label]”) is not part of the issue format', 'write the link in place: [text](URL)'),
  imageReference: unsupported('a reference-style image (“![alt][label]”) is not part of the issue format', 'write the image in place: ![caption](file.png)'),
  delete: unsupported('struck-through text (~~…~~) does not belong in print', 'delete the text, or write it as it should print'),
  yaml: unsupported('front matter belongs at the top of the file only', 'move it to the “---” block at the top'),
} as const satisfies Record<ContentType, Printed | Rejected>;

/** The node types the render stage sets. */
export type PrintedType = { [T in ContentType]: (typeof CONTENT_MODEL)[T] extends Printed ? T : never }[ContentType];

/** The model's entry for a node type. */
export const contentOf = (type: ContentType): Printed | Rejected => CONTENT_MODEL[type];
