/**
 * What the load stage records on mdast nodes for the stages after it (mdast's
 * `data` fields, as the unified ecosystem does): how an editor wrote a list
 * item's number, and what kind of block a paragraph is by the issue's
 * conventions (conventions.ts).
 */
import type { BlockKind } from './conventions.js';

declare module 'mdast' {
  interface ListItemData {
    /** The item's marker as written in the source: “1.”, “2)”, “-”. */
    marker?: string;
  }
  interface ParagraphData {
    /** The convention the paragraph follows; absent for running text. */
    kind?: BlockKind;
  }
  interface FootnoteReferenceData {
    /** The note's mark in its article (①, or [1] in an article of many notes: note-marks.ts). */
    noteMark?: string;
  }
  interface LinkData {
    /** The mark of the note that prints the link's URL, when the URL is not its text. */
    noteMark?: string;
  }
  interface ImageData {
    /** The image's file as the source names it, kept when render inlines it as a data: URL (for messages after layout). */
    file?: string;
  }
  interface FootnoteDefinitionData {
    /** The note's mark, where the notes list prints it (set by the render stage for each article). */
    noteMark?: string;
  }
}
