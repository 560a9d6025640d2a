/**
 * Reading PDFs the way a person or a print shop would, with poppler and
 * MuPDF (installed by scripts/setup.sh): page sizes, text per page, fonts.
 * mutool is used for text because it does not normalise Unicode: a Kangxi
 * radical written in place of an ideograph stays visible (pdftotext hides it).
 */
import { execFileSync } from 'node:child_process';

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
}

export interface PageSize {
  width: number;
  height: number;
}

export function pageSizes(file: string): PageSize[] {
  const out = run('pdfinfo', ['-f', '1', '-l', '9999', file]);
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

export function pageCount(file: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]))?.[1]);
}

export function info(file: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of run('pdfinfo', [file]).split('\n')) {
    const m = /^([\w ]+?):\s+(.*)$/.exec(line);
    if (m) fields[m[1]!] = m[2]!;
  }
  return fields;
}

/** Text of each page, as MuPDF extracts it (no Unicode normalisation). */
export function pageTexts(file: string): string[] {
  const count = pageCount(file);
  return Array.from({ length: count }, (_, i) => run('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', file, String(i + 1)]));
}

/** One character on a page as MuPDF places it: its box in points, from the page's top left. */
export interface PlacedChar {
  page: number;
  c: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A character as MuPDF's XML writes it: hexadecimal references, and the five entities. */
const unescapeXml = (text: string) =>
  text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name]!);

/** Every character of every page with its box (mutool draw -F stext). */
export function placedChars(file: string): PlacedChar[] {
  const chars: PlacedChar[] = [];
  for (let page = 1; page <= pageCount(file); page++) {
    const xml = run('mutool', ['draw', '-q', '-F', 'stext', '-o', '-', file, String(page)]);
    for (const m of xml.matchAll(/<char quad="([^"]+)"[^>]* c="([^"]*)"\/>/g)) {
      const [x0, y0, x1, , , y2] = m[1]!.split(' ').map(Number) as number[];
      chars.push({ page, c: unescapeXml(m[2]!), left: x0!, top: y0!, right: x1!, bottom: y2! });
    }
  }
  return chars;
}

/** Text of each page as pdftotext lays it out (keeps line structure for the TOC). */
export function layoutTexts(file: string): string[] {
  const count = pageCount(file);
  return Array.from({ length: count }, (_, i) => run('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-']));
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export function fonts(file: string): FontRow[] {
  const lines = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    // name, then type (may hold spaces), encoding, emb, sub, uni, object, id
    const cols = line.trim().split(/\s+/);
    const [emb, sub] = cols.slice(-5, -3);
    return { name: cols[0]!, type: line.slice(37, 55).trim(), embedded: emb === 'yes', subset: sub === 'yes' };
  });
}

export const hanOnly = (text: string) => [...text].filter((ch) => /\p{Script=Han}/u.test(ch)).join('');
export const RADICALS = /[\u2E80-\u2FDF]/u;

export type Box = [number, number, number, number];
export interface PageBoxes {
  media: Box;
  crop: Box;
  bleed: Box;
  trim: Box;
}

/** Each page's boxes as pdfinfo reads them (a missing TrimBox or BleedBox reads as the CropBox). */
export function pageBoxes(file: string): PageBoxes[] {
  const out = run('pdfinfo', ['-box', '-f', '1', '-l', '9999', file]);
  const pages: PageBoxes[] = [];
  for (const m of out.matchAll(/^Page\s+(\d+) (Media|Crop|Bleed|Trim)Box:\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)/gm)) {
    const page = (pages[Number(m[1]) - 1] ??= {} as PageBoxes);
    page[m[2]!.toLowerCase() as keyof PageBoxes] = [Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])];
  }
  return pages;
}

/** A JSON view of the PDF from qpdf (e.g. key `outlines`, `qpdf` for all objects). */
export function qpdfJson(file: string, key: string): Record<string, unknown> {
  return JSON.parse(run('qpdf', ['--json', `--json-key=${key}`, file])) as Record<string, unknown>;
}

/** The document catalog's entries, as qpdf writes them (`u:zh-CN`, `12 0 R` …). */
export function catalog(file: string): Record<string, string> {
  const objects = qpdfJson(file, 'qpdf').qpdf as [unknown, Record<string, { value: Record<string, string> }>];
  return objects[1][`obj:${objects[1].trailer!.value['/Root']}`]!.value;
}

/** A line of text as MuPDF finds it: its box, its text and its characters. */
export interface PlacedLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
  chars: PlacedChar[];
}

/** Every line of every page with its box, its text and its characters (`mutool draw -F stext`), page by page. */
export function placedLines(file: string): PlacedLine[][] {
  const xml = run('mutool', ['draw', '-q', '-F', 'stext', '-o', '-', file]);
  return xml
    .split('<page ')
    .slice(1)
    .map((page, index) =>
      [...page.matchAll(/<line bbox="([^"]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((line) => {
        const [x0, y0, x1, y1] = line[1]!.split(' ').map(Number) as [number, number, number, number];
        const chars = [...line[2]!.matchAll(/<char quad="([^"]+)"[^>]* c="([^"]*)"\/>/g)].map((char): PlacedChar => {
          const [left, top, right, , , bottom] = char[1]!.split(' ').map(Number) as number[];
          return { page: index + 1, c: unescapeXml(char[2]!), left: left!, top: top!, right: right!, bottom: bottom! };
        });
        return { x0, y0, x1, y1, text: chars.map((char) => char.c).join(''), chars };
      }),
    );
}
