// Runs in the page after Paged.js: what the layout did, for the build's checks.
// Returns plain data: the page count, the page each article title landed on,
// the characters of each source block found on the pages, and those left
// hidden beyond a page's content area: Paged.js can leave overflowing text in
// a page, clipped, instead of moving it to the next. And where the reader
// would see it: every line box of every text and every image of a block must
// lie inside its page's text area (or its table cell); a line that runs past
// the margin is cut off in print, though every character is in the DOM.
import { isText } from './dom.js';
import type { BlockFacts, LayoutFacts, PlacedImage } from './types.js';

// Every box of the fragment inside its page's content area (a pixel's tolerance).
const shown = (el: Element, area: DOMRect | undefined) =>
  [...el.getClientRects()].every(
    (r) =>
      r.width === 0 ||
      (area !== undefined && r.left >= area.left - 1 && r.right <= area.right + 1 && r.top >= area.top - 1 && r.bottom <= area.bottom + 1),
  );

// How far (px) the line boxes of a block's texts and its images reach beyond their bounds: the
// page's text area, or the table cell they are in. A text's box is its font's height, which
// may exceed the line's: the half-leading is taken off above and below.
function beyond(el: Element, area: DOMRect, range: Range): number {
  let most = 0;
  const measure = (rects: Iterable<DOMRect>, bounds: DOMRect, lineHeight: number) => {
    for (const r of rects) {
      if (r.width === 0 || r.height === 0) continue;
      const slack = Math.max(0, (r.height - lineHeight) / 2);
      most = Math.max(most, bounds.left - r.left, r.right - bounds.right, bounds.top - r.top - slack, r.bottom - slack - bounds.bottom);
    }
  };
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    const element = isText(node) ? node.parentElement! : (node as Element);
    const cell = element.closest('td, th');
    const bounds = cell && el.contains(cell) ? cell.getBoundingClientRect() : area;
    if (isText(node)) {
      if (node.data.trim() === '') continue;
      range.selectNodeContents(node);
      measure(range.getClientRects(), bounds, parseFloat(getComputedStyle(element).lineHeight) || 0);
    } else if (element.tagName === 'IMG') measure(element.getClientRects(), bounds, Infinity);
  }
  return most;
}

export function layoutFacts(): LayoutFacts {
  const pages = [...document.querySelectorAll('.pagedjs_page')];
  const pageOf = (el: Element) => pages.findIndex((page) => page.contains(el)) + 1;
  const articles: Record<string, number> = {};
  for (const title of document.querySelectorAll('.pagedjs_pages h2.title[id]')) {
    articles[title.id] = pageOf(title);
  }
  const areas = pages.map((page) => page.querySelector('.pagedjs_page_content')?.getBoundingClientRect());
  const range = document.createRange();
  const blocks: Record<string, BlockFacts> = {};
  for (const el of document.querySelectorAll('.pagedjs_pages [data-block]')) {
    // A table's header row and a cell spanning rows, repeated on the pages it continues onto.
    if (el.closest('[data-repeated]')) continue;
    const id = el.getAttribute('data-block')!;
    const chars = [...(el.textContent ?? '').replace(/\s/gu, '')].length;
    const entry = (blocks[id] ??= { chars: 0, hidden: 0, pages: [], outside: 0, outsidePage: 0 });
    const page = pageOf(el);
    entry.chars += chars;
    if (!shown(el, areas[page - 1])) entry.hidden += chars;
    entry.pages.push(page);
    const area = areas[page - 1];
    const reach = area ? beyond(el, area, range) : 0;
    if (reach > entry.outside) {
      entry.outside = reach;
      entry.outsidePage = page;
    }
  }
  // Each image of the issue: its file and source line, its pixels and the size it is placed at (CSS px, 96 to the inch).
  const images = [...document.querySelectorAll<HTMLImageElement>('.pagedjs_pages img[data-file]')].map((img): PlacedImage => {
    const box = img.getBoundingClientRect();
    return {
      file: img.getAttribute('data-file')!,
      line: Number(img.closest('[data-line]')?.getAttribute('data-line') ?? 0),
      page: pageOf(img),
      pixels: [img.naturalWidth, img.naturalHeight],
      placed: [box.width, box.height],
    };
  });
  const colophon = document.querySelector('.pagedjs_pages .colophon');
  return {
    pageCount: pages.length,
    articles,
    blocks,
    images,
    colophonPage: colophon ? pageOf(colophon) : 0,
  };
}
