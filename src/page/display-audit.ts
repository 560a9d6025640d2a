// The display-line audit: runs in the page after Paged.js and reads the lines
// of every display block (titles, subtitles, bylines, column headers, section
// headings, TOC entries) from the DOM. A display line may break only at a
// <wbr> the render stage put between phrases, or at a space; no line may be
// one character; a headline's lines may not be uneven (shortest under half
// the longest) where its phrases allow a more even layout. Returns plain data,
// as audit.ts does; few blocks are read, so every build runs it.
import { isElement, isText } from './dom.js';
import type { AuditFinding, Said } from './types.js';

const DISPLAY = '.title, .subtitle, .byline, .column-name, .section, .toc-title';
// A two-part headline's parts wrap as boxes of their own: each is judged alone.
const HEADLINE = ':is(.title, .subtitle):not(:has(.part)), .part';
const isWord = (ch: string) => /[\p{Script=Han}\p{L}\p{N}]/u.test(ch);

/** One character as laid out; `mark` when a <wbr> or a space comes before it. */
interface Placed {
  ch: string;
  left: number;
  right: number;
  mark: boolean;
}

interface Line {
  top: number;
  chars: [Placed, ...Placed[]];
}

/** The element's characters grouped into lines. */
function linesOf(el: Element): Line[] {
  const lines: Line[] = [];
  const range = document.createRange();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  let mark = true;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (isElement(node)) {
      if (node.tagName === 'WBR') mark = true;
      continue;
    }
    if (!isText(node)) continue;
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (/\s/.test(ch)) {
        mark = true;
        continue;
      }
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0) continue;
      const item = { ch, left: rect.left, right: rect.right, mark };
      mark = false;
      const line = lines.at(-1);
      if (line && Math.abs(line.top - rect.top) < rect.height / 2) line.chars.push(item);
      else lines.push({ top: rect.top, chars: [item] });
    }
  }
  return lines;
}

const textOf = (line: Line) => line.chars.map((c) => c.ch).join('');
const widthOf = (line: Line) => line.chars.at(-1)!.right - line.chars[0].left;

/** The best shortest/longest ratio of any layout of these phrase widths in n lines of the given measure. */
function bestRatio(widths: readonly number[], n: number, measure: number): number {
  let best = 0;
  const choose = (start: number, lines: number[]) => {
    if (lines.length === n - 1) {
      const all = [...lines, widths.slice(start).reduce((a, b) => a + b, 0)];
      if (Math.max(...all) <= measure + 1) best = Math.max(best, Math.min(...all) / Math.max(...all));
      return;
    }
    let w = 0;
    for (let end = start + 1; end <= widths.length - (n - 1 - lines.length); end++) {
      w += widths[end - 1]!;
      if (w > measure + 1) break;
      choose(end, [...lines, w]);
    }
  };
  choose(0, []);
  return best;
}

export function auditDisplayLines(): AuditFinding[] {
  const findings: AuditFinding[] = [];
  for (const el of document.querySelectorAll(`.pagedjs_pages :is(${DISPLAY}), .pagedjs_pages .part`)) {
    const owner =
      el.closest('[data-block]') ??
      document.getElementById(el.closest('.toc-line')?.querySelector('.toc-page')?.getAttribute('href')?.slice(1) ?? '');
    const page = Number(el.closest<HTMLElement>('.pagedjs_page')?.dataset.pageNumber ?? 0);
    const block = owner?.getAttribute('data-block') ?? '';
    const what = el.matches('.toc-title') ? { zh: '目录条目', en: 'TOC entry' } : { zh: '标题', en: 'display line' };
    const lines = linesOf(el);
    if (el.matches('.part') && lines.length < 2) continue;
    const report = (rule: string, k: number, message: Said) =>
      findings.push({ rule, page, block, line: k + 1, message, text: textOf(lines[k]!) });
    if (!el.matches('.part')) {
      lines.forEach((line, k) => {
        if (k > 0 && !line.chars[0].mark)
          report('display-break', k, {
            zh: `${what.zh}在词语中间断行，断在“${textOf(lines[k - 1]!).slice(-4)}”之后`,
            en: `the ${what.en} breaks inside a phrase, after “${textOf(lines[k - 1]!).slice(-4)}”`,
          });
        if (lines.length > 1 && line.chars.filter((c) => isWord(c.ch)).length < 2)
          report('display-single-char', k, {
            zh: `${what.zh}有一行只有一个字（孤字）`,
            en: `a line of the ${what.en} holds one character (孤字)`,
          });
      });
    }
    if (el.matches(HEADLINE) && lines.length > 1) {
      const widths = lines.map(widthOf);
      const ratio = Math.min(...widths) / Math.max(...widths);
      if (ratio < 0.5) {
        // Phrase widths, from the characters each phrase begins at.
        const chars = lines.flatMap((l) => l.chars);
        const phrases: number[] = [];
        for (const c of chars) {
          if (c.mark || phrases.length === 0) phrases.push(0);
          phrases[phrases.length - 1] = phrases.at(-1)! + (c.right - c.left);
        }
        const box = el.matches('.part') ? el.parentElement! : el;
        const style = getComputedStyle(box);
        const measure = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const best = bestRatio(phrases, lines.length, measure);
        if (best > ratio + 0.05)
          report('display-uneven', lines.length - 1, {
            zh: `标题各行长短不匀（最短一行是最长一行的 ${(ratio * 100).toFixed(0)}%，可以排到 ${(best * 100).toFixed(0)}%）`,
            en: `the headline's lines are uneven (shortest ${(ratio * 100).toFixed(0)}% of the longest; ${(best * 100).toFixed(0)}% is possible)`,
          });
      }
    }
  }
  return findings;
}
