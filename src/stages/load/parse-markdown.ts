import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * CommonMark with GitHub's extensions (tables, footnotes, strikethrough,
 * autolinks, task lists), so that every construct an editor may paste is
 * parsed and then either printed or rejected by the content model
 * (content-model.ts), never left as literal `|` or `[^1]` in the text.
 *
 * CommonMark will not close `**` after a full-width mark when a Han character
 * follows (`**组织强“新”。**健全`), so every run-in head of a Chinese text
 * would stay as literal asterisks; remark-cjk-friendly amends that rule, and
 * its strikethrough companion does the same for `~~`. A single `~` is text:
 * Chinese writes ranges with it (3~5年).
 */
const parser = unified().use(remarkParse).use(remarkGfm, { singleTilde: false }).use(remarkCjkFriendly).use(remarkCjkFriendlyGfmStrikethrough);

const MARKER = /^(?:\d{1,9}[.)]|[-*+])/;

/** Records each list item's marker as the editor wrote it (mdast keeps only the first number), so that it prints so. */
function recordMarkers(tree: Root, text: string): void {
  visit(tree, 'listItem', (item) => {
    const marker = MARKER.exec(text.slice(item.position?.start.offset ?? 0))?.[0];
    if (marker) item.data = { ...item.data, marker };
  });
}

export function parseMarkdown(text: string): Root {
  const tree = parser.runSync(parser.parse(text)) as Root;
  recordMarkers(tree, text);
  return tree;
}
