import type { Handlers } from 'mdast-util-to-hast';
import { CONTENT_MODEL, type ContentType, type PrintedType } from '../../load/content-model.js';
import { blockquote } from './blockquote.js';
import { hardBreak } from './break.js';
import { emphasis } from './emphasis.js';
import { footnoteDefinition } from './footnote-definition.js';
import { footnoteReference } from './footnote-reference.js';
import type { NodeHandler } from './handler.js';
import { heading } from './heading.js';
import { image } from './image.js';
import { inlineCode } from './inline-code.js';
import { link } from './link.js';
import { list } from './list.js';
import { listItem } from './list-item.js';
import { paragraph } from './paragraph.js';
import { strong } from './strong.js';
import { table } from './table.js';
import { tableCell } from './table-cell.js';
import { tableRow } from './table-row.js';
import { text } from './text.js';

/**
 * The house style's handler for every construct the content model prints
 * (load/content-model.ts), one small module each. The map is typed
 * exhaustive: a construct the model prints without a handler here is a
 * compile error.
 */
const PRINTED_HANDLERS: { [T in PrintedType]: NodeHandler<T> } = {
  paragraph,
  heading,
  text,
  strong,
  emphasis,
  break: hardBreak,
  image,
  table,
  tableRow,
  tableCell,
  list,
  listItem,
  blockquote,
  footnoteReference,
  footnoteDefinition,
  link,
  inlineCode,
};

/** A construct the load stage rejects never reaches the render stage; if it does, that is a bug, not an issue's fault. */
const rejectedAtLoad = (type: ContentType) => () => {
  throw new Error(`the load stage should have rejected a ${type} node (content-model.ts)`);
};

/**
 * Handlers for remark-rehype: every content type, printed or rejected, so
 * that none falls through to mdast-util-to-hast's defaults (only the root,
 * which is no content, keeps its own).
 */
export const HANDLERS = Object.fromEntries(
  (Object.keys(CONTENT_MODEL) as ContentType[]).map((type) => [
    type,
    (PRINTED_HANDLERS as Partial<Record<ContentType, unknown>>)[type] ?? rejectedAtLoad(type),
  ]),
) as Handlers;
