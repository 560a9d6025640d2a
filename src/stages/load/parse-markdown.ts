import type { Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import { visit } from 'unist-util-visit';

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
const parser = unified()
  .use(remarkParse)
  .use(remarkGfm, { singleTilde: false })
  .use(withoutBareUrls)
  .use(remarkCjkFriendly)
  .use(remarkCjkFriendlyGfmStrikethrough);

/**
 * Turns off GFM's autolink literals (a bare https://…, www.…, an e-mail
 * address). They run until white space, and Chinese text has none:
 * “访问https://a.cn/b查看。可输入`code`” made one link of the URL, the Chinese
 * after it and half the code span. A bare URL is text, and prints as its text
 * anyway; <https://…> still makes a link. Its syntax is disabled by name; its
 * mdast part is the one GFM extension with a transform (which finds www. and
 * e-mail addresses in text afterwards), and is left out.
 */
function withoutBareUrls(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: ['protocolAutolink', 'wwwAutolink', 'emailAutolink'] } });
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map((extensions) =>
    Array.isArray(extensions) ? extensions.filter((extension) => !('transforms' in extension)) : extensions,
  );
}

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
