import type { Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * CommonMark will not close `**` after a full-width mark when a Han character
 * follows (`**组织强“新”。**健全`), so every run-in head of a Chinese text
 * would stay as literal asterisks; remark-cjk-friendly amends that rule.
 */
const parser = unified().use(remarkParse).use(remarkCjkFriendly);

export function parseMarkdown(text: string): Root {
  return parser.runSync(parser.parse(text)) as Root;
}
