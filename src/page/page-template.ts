// Paged.js makes each page from a template that carries crop and cross
// marks, drawn only for `@page { marks: … }`, which no edition asks for so
// far (build-issue draws its own: finish/crop-marks.ts), and the indentation
// of its source as text nodes: 16 elements and 70 text nodes on every page,
// which each layout, restyle and print of the pages walks. They are taken
// out of the template before the first page is made (the marks only while no
// style sheet asks for them); the pages and the PDF are the same.
import { textNodesOf } from './dom.js';

export function trimPageTemplate(): void {
  class BuildIssuePageTemplate extends Paged.Handler {
    override afterParsed(_parsed: DocumentFragment, chunker: Paged.Chunker): void {
      const template = chunker.pageTemplate.content;
      // Paged.js turns `marks` into these variables on :root.
      const root = getComputedStyle(document.documentElement);
      const marksAskedFor = ['crop', 'cross'].some(
        (mark) => !['', 'none'].includes(root.getPropertyValue(`--pagedjs-mark-${mark}-display`).trim()),
      );
      if (!marksAskedFor) for (const mark of template.querySelectorAll('.pagedjs_marks-crop, .pagedjs_marks-middle')) mark.remove();
      const blanks = textNodesOf(template).filter((node) => node.data.trim() === '');
      for (const blank of blanks) blank.remove();
    }
  }
  Paged.registerHandlers(BuildIssuePageTemplate);
}
