// Runs in the page after Paged.js: what the layout did, for the build's checks.
// Returns plain data: the page count, the page each article title landed on,
// the characters of each source block found on the pages, and those left
// hidden beyond a page's content area: Paged.js can leave overflowing text in
// a page, clipped, instead of moving it to the next.
(() => {
  const pages = [...document.querySelectorAll('.pagedjs_page')];
  const pageOf = (el) => pages.findIndex((page) => page.contains(el)) + 1;
  const articles = {};
  for (const title of document.querySelectorAll('.pagedjs_pages h2.title[id]')) {
    articles[title.id] = pageOf(title);
  }
  const areas = pages.map((page) => page.querySelector('.pagedjs_page_content').getBoundingClientRect());
  // Every box of the fragment inside its page's content area (a pixel's tolerance).
  const shown = (el, area) =>
    [...el.getClientRects()].every((r) => r.width === 0 || (r.left >= area.left - 1 && r.right <= area.right + 1 && r.top >= area.top - 1 && r.bottom <= area.bottom + 1));
  const blocks = {};
  for (const el of document.querySelectorAll('.pagedjs_pages [data-block]')) {
    const id = el.getAttribute('data-block');
    const chars = [...el.textContent.replace(/\s/gu, '')].length;
    const entry = blocks[id] ?? (blocks[id] = { chars: 0, hidden: 0, pages: [] });
    const page = pageOf(el);
    entry.chars += chars;
    if (!shown(el, areas[page - 1])) entry.hidden += chars;
    entry.pages.push(page);
  }
  const colophon = document.querySelector('.pagedjs_pages .colophon');
  return {
    pageCount: pages.length,
    articles,
    blocks,
    colophonPage: colophon ? pageOf(colophon) : 0,
  };
})();
