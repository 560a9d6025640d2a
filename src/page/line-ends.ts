// Runs in the page before Paged.js: sets a full-width closing mark that ends a
// line half-width (mainland 标点挤压), which Chromium's text-spacing-trim does
// not do (it supports trim-start, not trim-end). Lines break the same inside
// Paged.js's pages as here, since the measure is the same (main.ts sets the
// text at the measure until then), so the line ends found here are the
// printed ones. Marking a mark can let the line take one more character, so
// the pass repeats until the line ends stand still.
import { textNodesOf } from './dom.js';
import { CLOSING_MARKS } from './marks.js';

interface Mark {
  node: Text;
  offset: number;
}

type RectOf = (node: Text, offset: number) => DOMRect;

/** The box of one character, measured with one Range reused. */
function characterBoxes(): RectOf {
  const probe = document.createRange();
  return (node, offset) => {
    probe.setStart(node, offset);
    probe.setEnd(node, offset + 1);
    return probe.getBoundingClientRect();
  };
}

// Closing marks that end a line: the next visible character is on a lower
// line. Only the marks and their neighbours are measured, not every character.
function lineEndMarks(block: Element, rectOf: RectOf): Mark[] {
  const texts = textNodesOf(block);
  const nextVisible = (t: number, i: number): Mark | undefined => {
    for (let n = t; n < texts.length; n++) {
      const data = texts[n]!.data;
      for (let k = n === t ? i + 1 : 0; k < data.length; k++) if (!/\s/.test(data[k]!)) return { node: texts[n]!, offset: k };
    }
    return undefined;
  };
  const ends: Mark[] = [];
  texts.forEach((node, t) => {
    if (node.parentElement?.classList.contains('trim-end')) return;
    for (let i = 0; i < node.length; i++) {
      if (!CLOSING_MARKS.includes(node.data[i]!)) continue;
      const next = nextVisible(t, i);
      if (next && rectOf(next.node, next.offset).top > rectOf(node, i).bottom - 2) ends.push({ node, offset: i });
    }
  });
  return ends;
}

function markHalfWidth({ node, offset }: Mark): void {
  const mark = node.splitText(offset);
  mark.splitText(1);
  const span = document.createElement('span');
  span.className = 'trim-end';
  mark.replaceWith(span);
  span.append(mark);
}

export function trimLineEnds(): void {
  const main = document.querySelector('main');
  if (!main) return;
  // Every block is measured before any is changed, so each pass costs one
  // layout of the page, not one per block; a pass looks again only at the
  // blocks the last one changed (a block's lines do not depend on another's).
  const rectOf = characterBoxes();
  let todo = [...main.querySelectorAll('[data-block]')];
  for (let pass = 0; pass < 4 && todo.length > 0; pass++) {
    const found = todo.map((block) => ({ block, ends: lineEndMarks(block, rectOf) })).filter(({ ends }) => ends.length > 0);
    for (const { ends } of found) ends.reverse().forEach(markHalfWidth);
    todo = found.map(({ block }) => block);
  }
}
