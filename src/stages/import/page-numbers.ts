import { type Diagnostic, warning } from '../../diagnostics.js';
import { blockText } from './conversion-blocks.js';
import type { Block } from './types.js';

/**
 * A printed page's number, which a conversion leaves in the text where the
 * page turned: “— 5 —”, “- 5 -”, “第5页”, “第5页 共16页”.
 */
const PAGE_NUMBER = /^(?:[—－–-]{1,2}\s*\d{1,4}\s*[—－–-]{1,2}|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?)$/u;

/** Whether a block is a page number line. */
export const isPageNumber = (block: Block) => block.kind === 'paragraph' && block.lines.length === 1 && PAGE_NUMBER.test(blockText(block));

/**
 * Drops the page number lines from the body: the paragraph or table the
 * page turned in is then joined across them (page-breaks.ts, tables.ts).
 */
export function dropPageNumbers(blocks: readonly Block[], file: string): { blocks: Block[]; report: Diagnostic[] } {
  const report = blocks.filter(isPageNumber).map((block) => {
    const message = {
      zh: `“${blockText(block)}”是印本的页码，不是正文；已略去`,
      en: `“${blockText(block)}” is a printed page's number, not text; left out`,
    };
    return warning('import-page-number', message, { file, line: block.line, column: block.lines[0]!.column });
  });
  return { blocks: blocks.filter((block) => !isPageNumber(block)), report };
}
