/**
 * Types shared by the render stage's modules: the blocks of the source that
 * markdown-to-html.ts numbers and tables.ts marks, and that the completeness
 * check follows onto the pages.
 */

/** One block of the source (paragraph or heading), tracked until it reaches a page. */
export interface Block {
  id: string;
  /** Source line, for messages after layout. */
  line: number;
  /** Visible characters (no white space, no joiners), to check nothing was dropped. */
  chars: number;
}

export interface BlockCounter {
  next(line: number, text: string): Block;
  readonly blocks: Block[];
}
