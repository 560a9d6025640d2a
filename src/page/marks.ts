/**
 * The punctuation classes of Chinese typesetting (GB/T 15834, clreq), shared
 * by the render stage, which glues text by them (render/cjk-text.ts) and
 * breaks display lines by them (render/display/phrases.ts), and the page,
 * which sets line-end marks half-width (line-ends.ts) and audits the laid-out
 * lines against them (audit.ts).
 */

/** Marks that must not start a line: closing quotes and brackets, pause and stop marks, dashes and ellipses. */
export const NO_LINE_START = '。，、；：？！）》〉」』】〕”’…—·%‰℃';
/** Marks that must not end a line. */
export const NO_LINE_END = '（《〈「『【〔“‘';

/** Full-width opening and closing marks, for punctuation compression (标点挤压). */
export const OPENING_MARKS = '“‘（《〈「『【〔';
export const CLOSING_MARKS = '，。、；：？！”’）》〉」』】〕';
