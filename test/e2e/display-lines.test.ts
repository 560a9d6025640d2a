/**
 * Display lines as a typesetter sets them, checked on the PDF's glyph
 * positions (MuPDF's stext): fixture issue 902 holds 36 headlines, subtitles
 * and section headings of 17 to 53 characters, two-part ones among them,
 * built through the real CLI.
 *
 * Balance: a headline or subtitle of n ≥ 2 lines is balanced when its
 * shortest line is at least half its longest (widths from the glyphs). A
 * layout below that passes only when no other way to break the same text
 * into n lines does better by more than 0.05: lines broken at phrase breaks
 * or spaces, each fitting the measure (448pt less 1em each side), a part of
 * a two-part headline split only on lines of its own.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { phraseBreaks, wordLength } from '../../src/stages/render/display/phrases.js';
import { cli, ROOT, workspace } from '../helpers/build.js';
import { type PrintedLine, printedLines } from '../helpers/stext.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'issues', '902');
const MEASURE = 448;

type Kind = 'title' | 'subtitle' | 'heading';
interface DisplayText {
  kind: Kind;
  text: string;
}

async function displayTexts(): Promise<{ texts: DisplayText[]; toc: string[] }> {
  const source = await readFile(path.join(FIXTURE, 'issue.md'), 'utf8');
  const texts: DisplayText[] = [];
  const toc: string[] = [];
  for (const line of source.split('\n')) {
    if (line.startsWith('## ')) {
      texts.push({ kind: 'title', text: line.slice(3) });
      toc.push(line.slice(3));
    } else if (line.startsWith('副题：')) {
      const sub = line.slice(3);
      texts.push({ kind: 'subtitle', text: sub });
      toc[toc.length - 1] += sub.startsWith('——') ? sub : ` ${sub}`;
    } else if (line.startsWith('### ')) texts.push({ kind: 'heading', text: line.slice(4) });
  }
  return { texts, toc };
}

const squeeze = (text: string) => text.replace(/\s/gu, '');

/** The consecutive lines of one page that print exactly this text (spaces aside), with where each line ends in it. */
function findLines(lines: PrintedLine[], text: string, clean: (line: string) => string = (l) => l): PrintedLine[] | undefined {
  const want = squeeze(text);
  for (let i = 0; i < lines.length; i++) {
    let got = '';
    for (let j = i; j < lines.length && lines[j]!.page === lines[i]!.page; j++) {
      got += squeeze(clean(lines[j]!.text));
      if (got === want) return lines.slice(i, j + 1);
      if (!want.startsWith(got)) break;
    }
  }
  return undefined;
}

/** Offsets in `text` (with its spaces) where the printed lines break. */
function breakOffsets(text: string, lines: string[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const line of lines.slice(0, -1)) {
    let need = squeeze(line).length;
    while (need > 0) if (!/\s/u.test(text[at++]!)) need--;
    offsets.push(at);
  }
  return offsets;
}

const atSpace = (text: string, offset: number) => /\s/u.test(text[offset - 1] ?? '') || /\s/u.test(text[offset] ?? '');

const widthOf = (line: PrintedLine) => line.glyphs.at(-1)!.right - line.glyphs[0]!.left;

/** The best shortest/longest ratio any allowed layout of the text in n lines reaches (see the top of the file). */
function bestRatio(text: string, glyphs: PrintedLine['glyphs'], n: number, capacity: number): number {
  const size = glyphs[0]!.size;
  const advance = glyphs.filter((g) => g.c.trim() !== '').map((g) => g.right - g.left);
  // Width of text[0..i) for every i (a space counts a third of an em).
  const prefix = [0];
  let k = 0;
  for (const ch of text) prefix.push(prefix.at(-1)! + (/\s/u.test(ch) ? size / 3 : (advance[k++] ?? size)));
  const spaces = [...text.matchAll(/\s+/gu)].map((m) => [m.index, m.index + m[0].length] as const);
  const partOf = (i: number) => spaces.filter(([a]) => a < i).length;
  const cuts = [...phraseBreaks(text).map((c) => ({ at: c, skip: c })), ...spaces.map(([a, b]) => ({ at: a, skip: b }))].sort(
    (x, y) => x.at - y.at,
  );
  let best = 0;
  const choose = (from: number, start: number, chosen: typeof cuts) => {
    if (chosen.length === n - 1) {
      const bounds: Array<readonly [number, number]> = [[0, 0], ...chosen.map((c) => [c.at, c.skip] as const), [text.length, text.length]];
      const widths: number[] = [];
      for (let i = 0; i + 1 < bounds.length; i++) {
        const [a, b] = [bounds[i]![1], bounds[i + 1]![0]];
        const w = prefix[b]! - prefix[a]!;
        if (w > capacity + 0.5) return;
        // A part split inside: that line must hold nothing of another part.
        const inside = [bounds[i]!, bounds[i + 1]!].some(([c, s]) => c === s && c > 0 && c < text.length);
        if (inside && partOf(a) !== partOf(b)) return;
        widths.push(w);
      }
      best = Math.max(best, Math.min(...widths) / Math.max(...widths));
      return;
    }
    for (let i = from; i < cuts.length; i++) if (cuts[i]!.at > start) choose(i + 1, cuts[i]!.skip, [...chosen, cuts[i]!]);
  };
  choose(0, 0, []);
  return best;
}

describe('display lines (fixture 902)', () => {
  let lines: PrintedLine[];
  let texts: DisplayText[];
  let toc: string[];
  let stderr: string;

  before(async () => {
    ({ texts, toc } = await displayTexts());
    const dir = await workspace({ '902': FIXTURE });
    const run = await cli(['902', '--check'], dir);
    assert.equal(run.code, 0, run.stderr);
    stderr = run.stderr;
    lines = printedLines(path.join(dir, 'dist', '902.pdf'));
  });

  test('the layout audit (--check, display lines among its rules) finds nothing', () => {
    assert.doesNotMatch(stderr, /audit-/);
  });

  test('the fixture has at least 30 display texts of 15 to 60 characters, two-part ones among them', () => {
    assert.ok(texts.length >= 30, `${texts.length}`);
    for (const { text } of texts) assert.ok(wordLength(text) >= 15 && wordLength(text) <= 60, text);
    assert.ok(texts.filter((t) => t.kind !== 'heading' && /\s/u.test(t.text)).length >= 8);
  });

  test('every line break falls between phrases or at a space, and no line is one character', () => {
    for (const { text } of texts) {
      const found = findLines(
        lines.filter((l) => l.page > 1),
        text,
      );
      assert.ok(found, `“${text}” not found on the pages`);
      const allowed = new Set(phraseBreaks(text));
      for (const offset of breakOffsets(
        text,
        found.map((l) => l.text),
      )) {
        assert.ok(
          allowed.has(offset) || atSpace(text, offset),
          `“${text}” breaks inside a phrase: ${text.slice(0, offset)} | ${text.slice(offset)}`,
        );
      }
      for (const line of found) assert.ok(wordLength(line.text) >= 2, `“${text}” has a line of one character: ${line.text}`);
    }
  });

  test('a two-part headline or subtitle that wraps breaks at a space', () => {
    for (const { text } of texts.filter((t) => t.kind !== 'heading' && /\s/u.test(t.text))) {
      const found = findLines(
        lines.filter((l) => l.page > 1),
        text,
      )!;
      const offsets = breakOffsets(
        text,
        found.map((l) => l.text),
      );
      if (offsets.length > 0)
        assert.ok(
          offsets.some((o) => atSpace(text, o)),
          `“${text}” wraps but not at its space`,
        );
    }
  });

  test('headlines and subtitles are balanced, as far as their phrases allow', () => {
    const checked = texts.filter((t) => t.kind !== 'heading');
    let multiLine = 0;
    for (const { kind, text } of checked) {
      const found = findLines(
        lines.filter((l) => l.page > 1),
        text,
      )!;
      if (found.length < 2) continue;
      multiLine++;
      const widths = found.map(widthOf);
      const ratio = Math.min(...widths) / Math.max(...widths);
      if (ratio >= 0.5) continue;
      const size = found[0]!.glyphs[0]!.size;
      const best = bestRatio(
        text,
        found.flatMap((l) => l.glyphs),
        found.length,
        MEASURE - 2 * size,
      );
      assert.ok(
        ratio >= best - 0.05,
        `${kind} “${text}”: lines ${found.map((l) => l.text).join(' / ')} have ratio ${ratio.toFixed(2)}; ${best.toFixed(2)} was possible`,
      );
    }
    assert.ok(multiLine >= 10, `only ${multiLine} headlines wrap: the fixture checks too little`);
  });

  test('TOC entries break between phrases, never leave one character on a line, and end on their page number', () => {
    // The TOC runs from the first page to the body's first column header (its name's second appearance).
    const header = lines[0] && lines.find((l) => l.text.startsWith('●'))!.text;
    const bodyStart = lines.findIndex((l, i) => l.text === header && i > lines.findIndex((m) => m.text === header));
    const page1 = lines.slice(0, bodyStart);
    const clean = (line: string) => line.replace(/[…\s]*\d*$/u, '');
    for (const entry of toc) {
      const found = findLines(page1, entry, clean);
      assert.ok(found, `TOC entry “${entry}” not found`);
      const allowed = new Set(phraseBreaks(entry));
      for (const offset of breakOffsets(
        entry,
        found.map((l) => clean(l.text)),
      )) {
        assert.ok(
          allowed.has(offset) || atSpace(entry, offset),
          `TOC “${entry}” breaks inside a phrase: ${entry.slice(0, offset)} | ${entry.slice(offset)}`,
        );
      }
      for (const line of found) assert.ok(wordLength(clean(line.text)) >= 2, `TOC “${entry}” has a line of one character: ${line.text}`);
      const next = page1[page1.indexOf(found.at(-1)!) + 1];
      const last = /\d\d$/u.test(found.at(-1)!.text) ? found.at(-1)! : next;
      assert.match(last?.text ?? '', /…[^…]*\d\d$/u, `TOC “${entry}”: the leader and page number end its last line`);
    }
  });
});
