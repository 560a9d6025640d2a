/** The glyphs of a PDF page with their positions, read with MuPDF (`mutool draw -F stext`), grouped into printed lines. */
import { execFileSync } from 'node:child_process';

export interface Glyph {
  c: string;
  /** Left and right edge of the glyph's box, in points. */
  left: number;
  right: number;
  /** Baseline, in points from the top. */
  y: number;
  size: number;
}

export interface PrintedLine {
  page: number;
  y: number;
  glyphs: Glyph[];
  text: string;
}

const decode = (c: string) =>
  c
    .replace(/&#x([0-9a-f]+);/giu, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every line of every page, top to bottom: glyphs on one baseline (within half a point), left to right. */
export function printedLines(file: string): PrintedLine[] {
  const xml = execFileSync('mutool', ['draw', '-F', 'stext', '-o', '-', file], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const lines: PrintedLine[] = [];
  for (const [p, pageXml] of xml.split('<page ').slice(1).entries()) {
    const glyphs: Glyph[] = [];
    let size = 0;
    for (const m of pageXml.matchAll(/<font [^>]*size="([\d.]+)"|<char quad="([^"]+)" x="[^"]+" y="([^"]+)"[^>]* c="([^"]*)"/gu)) {
      if (m[1]) size = Number(m[1]);
      else {
        const q = m[2]!.split(' ').map(Number);
        glyphs.push({ c: decode(m[4]!), left: q[0]!, right: q[2]!, y: Number(m[3]), size });
      }
    }
    const pageLines: PrintedLine[] = [];
    for (const g of glyphs) {
      let line = pageLines.find((l) => Math.abs(l.y - g.y) < 0.5);
      if (!line) pageLines.push((line = { page: p + 1, y: g.y, glyphs: [], text: '' }));
      line.glyphs.push(g);
    }
    for (const line of pageLines.sort((a, b) => a.y - b.y)) {
      line.glyphs.sort((a, b) => a.left - b.left);
      line.text = line.glyphs.map((g) => g.c).join('');
      lines.push(line);
    }
  }
  return lines;
}
