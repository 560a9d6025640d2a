// Runs in the page before Paged.js: pads every `.snap` block (column header,
// title, subtitle, byline, section heading), every figure (`.figure`) and
// every block set smaller than the text (an article's notes, a 注： block)
// to a whole number of line pitches, so the running text after it stays on
// the grid. An article's title block (`.title-block`: title, subtitle,
// byline) is padded as one, above its title, so that its last line stands
// the same distance above the first paragraph in every article.
import { linePitch } from './pitch.js';

export function snapToGrid(): void {
  const pitch = linePitch();
  for (const el of document.querySelectorAll<HTMLElement>('.snap, .figure, .notes, .note-block, .title-block')) {
    if (el.parentElement?.closest('.title-block')) continue;
    const style = getComputedStyle(el);
    const height = el.getBoundingClientRect().height;
    const lines = Math.ceil(height / pitch - 0.01);
    const extra = lines * pitch - height;
    if (extra <= 0.01) continue;
    const above = el.matches('.title-block') ? extra : extra / 2;
    const top = parseFloat(style.paddingTop) + above;
    const bottom = parseFloat(style.paddingBottom) + extra - above;
    el.style.paddingTop = `${top.toFixed(3)}px`;
    el.style.paddingBottom = `${bottom.toFixed(3)}px`;
  }
}
