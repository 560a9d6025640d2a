// Runs in the page after Paged.js: what the layout did, for the build's checks.
// Returns plain data: the page count, the page each article title landed on,
// the characters of each source block found on the pages, and what Paged.js
// reported it could not lay out.
(() => {
  const pages = [...document.querySelectorAll('.pagedjs_page')];
  const pageOf = (el) => pages.findIndex((page) => page.contains(el)) + 1;
  const articles = {};
  for (const title of document.querySelectorAll('.pagedjs_pages h2.title[id]')) {
    articles[title.id] = pageOf(title);
  }
  const blocks = {};
  for (const el of document.querySelectorAll('.pagedjs_pages [data-block]')) {
    const id = el.getAttribute('data-block');
    const text = el.textContent.replace(/\s/gu, '');
    const entry = blocks[id] ?? (blocks[id] = { chars: 0, pages: [] });
    entry.chars += [...text].length;
    entry.pages.push(pageOf(el));
  }
  const colophon = document.querySelector('.pagedjs_pages .colophon');
  return {
    pageCount: pages.length,
    articles,
    blocks,
    colophonPage: colophon ? pageOf(colophon) : 0,
  };
})();
