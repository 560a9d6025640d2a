// The layout audit: runs in the page after Paged.js and reads every line of
// every page from the DOM (one Range per character), checking the rules of
// CJK typesetting the house style promises. Returns plain data; the Node side
// turns each finding into a diagnostic at the block's source line.
import { textNodesOf } from './dom.js';
import { CLOSING_MARKS, NO_LINE_END, NO_LINE_START, OPENING_MARKS } from './marks.js';
import { linePitch } from './pitch.js';
import type { AuditFinding, Said } from './types.js';

const FULL_WIDTH_MARKS = OPENING_MARKS + CLOSING_MARKS;

const isWord = (ch: string) => /[\p{Script=Han}\p{L}\p{N}]/u.test(ch);
const isHan = (ch: string) => /\p{Script=Han}/u.test(ch);
const isLatin = (ch: string) => /[A-Za-z0-9]/.test(ch);

/** One character as laid out: its box and the em of its font. */
interface Placed {
  ch: string;
  left: number;
  right: number;
  top: number;
  em: number;
  el: Element;
}

interface Line {
  top: number;
  chars: [Placed, ...Placed[]];
}

const text = (line: Line) => line.chars.map((c) => c.ch).join('');

/** Measurements that many lines ask for again, each taken once per audit. */
function measurer() {
  const fontSize = new Map<Element, number>();
  const emOf = (el: Element): number => {
    let em = fontSize.get(el);
    if (em === undefined) fontSize.set(el, (em = parseFloat(getComputedStyle(el).fontSize)));
    return em;
  };

  // A glyph's width set alone in the same font, to see what spacing was added around it.
  const natural = new Map<string, number>();
  const naturalWidth = (ch: string, el: Element): number => {
    // (Chromium's computed `font` shorthand is empty: the key is built from its parts.)
    const style = getComputedStyle(el);
    const key = `${style.fontFamily}|${style.fontSize}|${style.fontWeight}|${ch}`;
    let width = natural.get(key);
    if (width === undefined) {
      const span = document.createElement('span');
      span.textContent = ch;
      span.style.cssText = 'position:absolute;white-space:pre;text-indent:0;text-autospace:no-autospace';
      el.append(span);
      natural.set(key, (width = span.getBoundingClientRect().width));
      span.remove();
    }
    return width;
  };

  /** The block's characters on this page, grouped into lines. */
  const linesOf = (block: Element): Line[] => {
    const lines: Line[] = [];
    const range = document.createRange();
    for (const node of textNodesOf(block)) {
      const data = node.data;
      const el = node.parentElement!;
      for (let i = 0; i < data.length; i++) {
        const ch = data[i]!;
        if (/\s/.test(ch)) continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width === 0) continue;
        const item = { ch, left: rect.left, right: rect.right, top: rect.top, em: emOf(el), el };
        const line = lines.at(-1);
        if (line && Math.abs(line.top - rect.top) < rect.height / 2) line.chars.push(item);
        else lines.push({ top: rect.top, chars: [item] });
      }
    }
    return lines;
  };

  return { linesOf, naturalWidth };
}

export function auditPages(): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const pitch = linePitch();
  const { linesOf, naturalWidth } = measurer();
  const report = (rule: string, page: number, block: Element, lineIndex: number, message: Said, line: Line | undefined) =>
    findings.push({ rule, page, block: block.getAttribute('data-block')!, line: lineIndex + 1, message, text: line ? text(line) : '' });

  const pages = [...document.querySelectorAll('.pagedjs_page')];
  pages.forEach((pageEl, p) => {
    const page = p + 1;
    const area = pageEl.querySelector('.pagedjs_page_content')!.getBoundingClientRect();
    const blocks = [...pageEl.querySelectorAll('[data-block]')];
    const laid = blocks.map((block) => ({ block, lines: linesOf(block) }));
    let gridPhase: number | undefined;

    laid.forEach(({ block, lines }, b) => {
      const continued = block.hasAttribute('data-split-from');
      const continues = block.hasAttribute('data-split-to');
      // Running text: not a block padded to whole lines (.snap: a table's caption), which is centred in its lines.
      const isBody = block.matches('.article-body p:not(.snap)');
      // A signature's lines are set flush right (not to the left edge).
      const flushLeft = isBody && !block.matches('.signature');
      const left = block.getBoundingClientRect().left;

      lines.forEach((line, k) => {
        const first = line.chars[0];
        const last = line.chars.at(-1)!;
        const blockStart = k === 0 && !continued;
        const blockEnd = k === lines.length - 1 && !continues;
        if (!blockStart && NO_LINE_START.includes(first.ch))
          report('line-start', page, block, k, { zh: `“${first.ch}”排在了行首`, en: `“${first.ch}” starts a line` }, line);
        if (!blockEnd && NO_LINE_END.includes(last.ch))
          report('line-end', page, block, k, { zh: `“${last.ch}”排在了行尾`, en: `“${last.ch}” ends a line` }, line);

        // 标点挤压: two adjacent full-width marks take 1.5 em, not 2.
        // A Han character's advance on this line, from those that carry no autospace (none before a Latin letter or digit).
        const words = line.chars.filter((c, i) => isHan(c.ch) && !isLatin(line.chars[i + 1]?.ch ?? ''));
        const advance =
          words.length > 2 ? words.map((c) => c.right - c.left).sort((a, b) => a - b)[Math.floor(words.length / 2)]! : first.em;
        const stretch = Math.max(0, advance - first.em);
        for (let i = 0; i + 1 < line.chars.length; i++) {
          const a = line.chars[i]!;
          const c = line.chars[i + 1]!;
          if (FULL_WIDTH_MARKS.includes(a.ch) && FULL_WIDTH_MARKS.includes(c.ch) && a.ch !== c.ch) {
            const width = c.right - a.left;
            if (width > 1.5 * a.em + 2 * stretch + 1)
              report(
                'punct-compression',
                page,
                block,
                k,
                {
                  zh: `“${a.ch}${c.ch}”占 ${(width / a.em).toFixed(2)} 个字宽，应挤压为 1.5 个`,
                  en: `“${a.ch}${c.ch}” takes ${(width / a.em).toFixed(2)} em, not 1.5`,
                },
                line,
              );
          }
          // Han next to a Latin letter or digit: a visible gap (text-autospace).
          // (Chromium adds the space to the first character's advance.)
          if ((isHan(a.ch) && isLatin(c.ch)) || (isLatin(a.ch) && isHan(c.ch))) {
            const own = isHan(a.ch) ? advance : naturalWidth(a.ch, a.el);
            const gap = a.right - a.left - own + (c.left - a.right);
            if (gap < 0.08 * a.em)
              report(
                'latin-spacing',
                page,
                block,
                k,
                { zh: `“${a.ch}”和“${c.ch}”之间没有留空隙`, en: `no space between “${a.ch}” and “${c.ch}”` },
                line,
              );
          }
        }
        // Half-width opening mark at a line start, closing mark at a line end.
        if (k > 0 || continued) {
          if (OPENING_MARKS.includes(first.ch) && first.right - first.left > 0.5 * first.em + stretch + 1) {
            report(
              'punct-line-start',
              page,
              block,
              k,
              { zh: `行首的前引号或前括号“${first.ch}”没有排成半角`, en: `opening “${first.ch}” at the line start is not set half-width` },
              line,
            );
          }
          if (Math.abs(first.left - left) > 1 && flushLeft)
            report('line-indent', page, block, k, { zh: '这一行没有从左边起排', en: 'the line does not start at the left edge' }, line);
        }
        if (
          !blockEnd &&
          CLOSING_MARKS.includes(last.ch) &&
          last.right - last.left > 0.5 * last.em + stretch + 1 &&
          Math.abs(last.right - area.right) < 1
        ) {
          report(
            'punct-line-end',
            page,
            block,
            k,
            { zh: `行尾的后引号或后括号“${last.ch}”没有排成半角`, en: `closing “${last.ch}” at the line end is not set half-width` },
            line,
          );
        }
        // The character grid: body lines fall on the pitch from the top of the type area.
        // (Measured on a character of the body face: a run-in head's, emphasis's or code's face sits otherwise.)
        if (isBody) {
          const probe = line.chars.find((c) => !c.el.closest('strong, em, code, sup')) ?? first;
          const phase = (((probe.top - area.top) % pitch) + pitch) % pitch;
          gridPhase ??= phase;
          if (Math.abs(phase - gridPhase) > 1 && Math.abs(Math.abs(phase - gridPhase) - pitch) > 1)
            report('off-grid', page, block, k, { zh: '这一行没有对齐页面的行格', en: 'the line is off the page’s line grid' }, line);
        }
      });

      if (lines.length > 0 && !continues && lines.length + (continued ? 1 : 0) > 1) {
        const lastLine = lines.at(-1)!;
        if (lastLine.chars.filter((c) => isWord(c.ch)).length < 2)
          report(
            'single-char-line',
            page,
            block,
            lines.length - 1,
            { zh: '段落末行只有一个字（孤字）', en: 'the paragraph ends on a line of one character (孤字)' },
            lastLine,
          );
      }
      if (continues && lines.length < 2)
        report(
          'orphan',
          page,
          block,
          0,
          { zh: '段落只有一行留在页末', en: 'a single line of the paragraph is left at the foot of the page' },
          lines[0],
        );
      if (continued && lines.length < 2)
        report(
          'widow',
          page,
          block,
          0,
          { zh: '段落只有一行转到了下页页首', en: 'a single line of the paragraph is carried to the head of the page' },
          lines[0],
        );

      // Headings stay with at least two lines of their text.
      if (block.matches('.snap')) {
        let following = 0;
        for (let j = b + 1; j < laid.length && following < 2; j++) {
          if (laid[j]!.block.matches('.snap')) continue;
          following += laid[j]!.lines.length;
        }
        if (following < 2)
          report(
            'heading-alone',
            page,
            block,
            0,
            { zh: '标题之后本页的正文不足两行', en: 'the heading has fewer than two lines of its text after it on the page' },
            lines[0],
          );
      }
    });
  });
  return findings;
}
