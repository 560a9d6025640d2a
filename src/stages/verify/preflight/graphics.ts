import { PDFArray, type PDFContext, PDFDict, PDFName, PDFNumber, type PDFObject, PDFRawStream, PDFRef } from 'pdf-lib';
import { decodeStream } from '../../finish/decode-stream.js';
import { colourSpaceName } from './colour-spaces.js';
import { ContentSyntaxError, Name, type Operand, operations } from './content-stream.js';

/** [a b c d e f], as `cm` writes it. */
export type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m then n: the matrix of `m cm` applied inside a space already transformed by n. */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

export interface ImagePlacement {
  page: number;
  /** The XObject's resource name, or `inline`. */
  name: string;
  pixels: { width: number; height: number };
  /** Size on the page in points (the image's unit square through the CTM). */
  placed: { width: number; height: number };
  /** The lower of the horizontal and vertical resolution at that size. */
  dpi: number;
}

/** What a page's content draws with: fonts set by Tf, colour spaces, images at their placed size; and what in it cannot be read. */
export interface PageUse {
  fonts: Map<string, PDFDict>;
  colourSpaces: Set<string>;
  images: ImagePlacement[];
  /** Streams that cannot be decoded, and syntax errors, one per stream (the rest of a stream is not read after one). */
  syntaxErrors: string[];
}

const MAX_DEPTH = 12;

/** The decoded bytes of a stream, or of an array of streams joined as one (a page's /Contents). */
export function streamBytes(context: PDFContext, object: PDFObject | undefined): Uint8Array {
  const resolved = object instanceof PDFRef ? context.lookup(object) : object;
  if (resolved instanceof PDFRawStream) return decodeStream(resolved);
  if (!(resolved instanceof PDFArray)) return new Uint8Array();
  const parts = resolved.asArray().map((part) => streamBytes(context, part));
  const joined = new Uint8Array(parts.reduce((sum, p) => sum + p.length + 1, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    joined[at + part.length] = 0x0a;
    at += part.length + 1;
  }
  return joined;
}

/** A stream's dictionary, or the object itself if it is a dictionary. */
const dictOf = (object: PDFObject | undefined) =>
  object instanceof PDFRawStream ? object.dict : object instanceof PDFDict ? object : undefined;

const matrixOf = (dict: PDFDict): Matrix =>
  (dict
    .lookupMaybe(PDFName.of('Matrix'), PDFArray)
    ?.asArray()
    .map((n) => (n as PDFNumber).asNumber()) as Matrix | undefined) ?? IDENTITY;

const numbers = (operands: Operand[]) => operands.filter((o): o is number => typeof o === 'number');

class Walker {
  readonly use: PageUse = { fonts: new Map(), colourSpaces: new Set(), images: [], syntaxErrors: [] };
  private readonly patternsSeen = new Set<string>();

  constructor(
    private readonly context: PDFContext,
    private readonly page: number,
  ) {}

  private resource(resources: PDFDict | undefined, category: string, name: Operand | undefined): { ref?: PDFRef; object?: PDFObject } {
    if (!(name instanceof Name) || !resources) return {};
    const dict = resources.lookupMaybe(PDFName.of(category), PDFDict);
    const raw = dict?.get(PDFName.of(name.value));
    return { ref: raw instanceof PDFRef ? raw : undefined, object: raw instanceof PDFRef ? this.context.lookup(raw) : raw };
  }

  private colour(space: PDFObject | string | undefined, resources: PDFDict | undefined): void {
    const name = colourSpaceName(this.context, space, resources);
    if (name) this.use.colourSpaces.add(name);
  }

  private image(dict: PDFDict, name: string, ctm: Matrix, resources: PDFDict | undefined): void {
    const width = dict.lookupMaybe(PDFName.of('Width'), PDFNumber)?.asNumber() ?? 0;
    const height = dict.lookupMaybe(PDFName.of('Height'), PDFNumber)?.asNumber() ?? 0;
    if (dict.lookup(PDFName.of('ImageMask'))?.toString() !== 'true') this.colour(dict.get(PDFName.of('ColorSpace')), resources);
    this.place(name, width, height, ctm);
  }

  private place(name: string, width: number, height: number, ctm: Matrix): void {
    const placed = { width: Math.hypot(ctm[0], ctm[1]), height: Math.hypot(ctm[2], ctm[3]) };
    if (placed.width < 1e-6 || placed.height < 1e-6 || width === 0 || height === 0) return;
    const dpi = Math.min(width / (placed.width / 72), height / (placed.height / 72));
    this.use.images.push({ page: this.page, name, pixels: { width, height }, placed, dpi });
  }

  private inlineImage(entries: Operand[], ctm: Matrix, resources: PDFDict | undefined): void {
    const value = (...keys: string[]) => {
      const i = entries.findIndex((e) => e instanceof Name && keys.includes(e.value));
      return i >= 0 ? entries[i + 1] : undefined;
    };
    const mask = value('IM', 'ImageMask');
    const space = value('CS', 'ColorSpace');
    if (mask === undefined && space instanceof Name) this.colour(space.value, resources);
    const width = value('W', 'Width');
    const height = value('H', 'Height');
    if (typeof width === 'number' && typeof height === 'number') this.place('inline', width, height, ctm);
  }

  private shading(object: PDFObject | undefined, resources: PDFDict | undefined): void {
    const dict = dictOf(object instanceof PDFRef ? this.context.lookup(object) : object);
    this.colour(dict?.get(PDFName.of('ColorSpace')), resources);
  }

  /** A pattern paints in the space of the stream that uses it (its `base`), not the CTM of the moment. */
  private pattern(
    ref: PDFRef | undefined,
    object: PDFObject | undefined,
    base: Matrix,
    resources: PDFDict | undefined,
    depth: number,
  ): void {
    const key = ref?.toString();
    if (key && this.patternsSeen.has(key)) return;
    if (key) this.patternsSeen.add(key);
    const dict = dictOf(object);
    if (!dict) return;
    if (object instanceof PDFRawStream) {
      this.stream(object, dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources, multiply(matrixOf(dict), base), depth + 1);
    } else {
      this.shading(dict.get(PDFName.of('Shading')), resources);
    }
  }

  /** Reads a content stream (a page's, a form's or a pattern's), noting what in it cannot be read. */
  stream(object: PDFObject | undefined, resources: PDFDict | undefined, base: Matrix, depth: number): void {
    const where = `page ${this.page}, ${depth === 0 ? 'content stream' : 'form or pattern'}`;
    let bytes: Uint8Array;
    try {
      bytes = streamBytes(this.context, object);
    } catch (cause) {
      this.use.syntaxErrors.push(`${where}: a stream that cannot be decoded (${cause instanceof Error ? cause.message : String(cause)})`);
      return;
    }
    try {
      this.operations(bytes, resources, base, depth);
    } catch (cause) {
      if (!(cause instanceof ContentSyntaxError)) throw cause;
      this.use.syntaxErrors.push(`${where}, ${cause.message}`);
    }
  }

  private operations(bytes: Uint8Array, resources: PDFDict | undefined, base: Matrix, depth: number): void {
    if (depth > MAX_DEPTH) return;
    let ctm = base;
    const saved: Matrix[] = [];
    for (const { operator, operands } of operations(bytes)) {
      const last = operands[operands.length - 1];
      switch (operator) {
        case 'q':
          saved.push(ctm);
          break;
        case 'Q':
          ctm = saved.pop() ?? base;
          break;
        case 'cm': {
          const m = numbers(operands);
          if (m.length === 6) ctm = multiply(m as Matrix, ctm);
          break;
        }
        case 'cs':
        case 'CS':
          this.colour(last instanceof Name ? last.value : undefined, resources);
          break;
        case 'g':
        case 'G':
          this.use.colourSpaces.add('DeviceGray');
          break;
        case 'rg':
        case 'RG':
          this.use.colourSpaces.add('DeviceRGB');
          break;
        case 'k':
        case 'K':
          this.use.colourSpaces.add('DeviceCMYK');
          break;
        case 'scn':
        case 'SCN': {
          if (last instanceof Name) {
            const { ref, object } = this.resource(resources, 'Pattern', last);
            this.pattern(ref, object, base, resources, depth);
          }
          break;
        }
        case 'sh': {
          this.shading(this.resource(resources, 'Shading', last).object, resources);
          break;
        }
        case 'Tf': {
          const font = operands.find((o) => o instanceof Name);
          const { ref, object } = this.resource(resources, 'Font', font);
          if (object instanceof PDFDict) this.use.fonts.set(ref?.toString() ?? (font as Name).value, object);
          break;
        }
        case 'BI':
          this.inlineImage(operands, ctm, resources);
          break;
        case 'Do': {
          const { object } = this.resource(resources, 'XObject', last);
          if (!(object instanceof PDFRawStream)) break;
          const subtype = object.dict.lookup(PDFName.of('Subtype'));
          if (subtype === PDFName.of('Image')) this.image(object.dict, (last as Name).value, ctm, resources);
          else if (subtype === PDFName.of('Form')) {
            this.stream(
              object,
              object.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources,
              multiply(matrixOf(object.dict), ctm),
              depth + 1,
            );
          }
          break;
        }
      }
    }
  }
}

/** Walks a page's content, its forms and its patterns, keeping track of the CTM. */
export function walkPage(context: PDFContext, contents: PDFObject | undefined, resources: PDFDict | undefined, page: number): PageUse {
  const walker = new Walker(context, page);
  walker.stream(contents, resources, IDENTITY, 0);
  return walker.use;
}
