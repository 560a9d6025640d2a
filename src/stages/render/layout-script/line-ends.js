// Runs in the page before Paged.js: sets a full-width closing mark that ends a
// line half-width (mainland 标点挤压), which Chromium's text-spacing-trim does
// not do (it supports trim-start, not trim-end). Lines break the same inside
// Paged.js's pages as here, since the measure is the same, so the line ends
// found here are the printed ones. Marking a mark can let the line take one
// more character, so the pass repeats until the line ends stand still.
function trimLineEnds(closingMarks) {
  const main = document.querySelector('main');
  const width = getComputedStyle(document.documentElement).getPropertyValue('--measure').trim();
  main.style.width = width;
  const probe = document.createRange();

  // The last visible character of each line of the paragraph but its last.
  const lineEnds = (block) => {
    const ends = [];
    let last;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        if (/\s/.test(node.data[i])) continue;
        probe.setStart(node, i);
        probe.setEnd(node, i + 1);
        const rect = probe.getBoundingClientRect();
        if (rect.width === 0) continue;
        if (last && rect.top > last.rect.bottom - 2) ends.push(last);
        last = { node, offset: i, rect };
      }
    }
    return ends;
  };

  for (const block of main.querySelectorAll('[data-block]')) {
    for (let pass = 0; pass < 4; pass++) {
      const todo = lineEnds(block).filter(({ node, offset }) =>
        closingMarks.includes(node.data[offset]) && !node.parentElement.classList.contains('trim-end'));
      if (todo.length === 0) break;
      for (const { node, offset } of todo.reverse()) {
        const mark = node.splitText(offset);
        mark.splitText(1);
        const span = document.createElement('span');
        span.className = 'trim-end';
        mark.replaceWith(span);
        span.append(mark);
      }
    }
  }
  main.style.removeProperty('width');
  if (main.getAttribute('style') === '') main.removeAttribute('style');
}
