import type { Nodes } from 'mdast';
import { type Diagnostic, error } from '../../diagnostics.js';
import { placeOf } from './content-checks.js';
import { classifyBlocks, lineText, listLevels, splitLines } from './conventions.js';
import type { Article } from './types.js';

/** Numbered lines nest one level: a third numbering style is reported (a Markdown list's depth: content-checks.ts). */
const MAX_LEVELS = 2;

/** Records the kind of each paragraph of the article (conventions.ts) and reports numbered lines nested too deep. */
export function classifyArticle(article: Article, file: string): Diagnostic[] {
  classifyBlocks(article.body.children);
  const diagnostics: Diagnostic[] = [];
  const tooDeep = (at: Nodes) =>
    diagnostics.push(
      error(
        'list-depth',
        {
          zh: '列表只能嵌套一层；第三层请写成所在条目里的正文',
          en: 'lists nest one level only; write the third level as running text in its item',
        },
        placeOf(at, file),
      ),
    );
  for (const block of article.body.children) {
    if (block.type === 'paragraph' && block.data?.kind === 'list') {
      const levels = listLevels(splitLines(block).map(lineText))!.levels;
      if (Math.max(...levels) > MAX_LEVELS) tooDeep(block);
    }
  }
  return diagnostics;
}
