import { crc32, createInflate } from 'node:zlib';

/**
 * What an image file holds, read from its bytes before any browser sees it:
 * its format, its size in pixels, and whether it is whole. Chromium prints a
 * broken image as its broken-image icon and the alt text, a file cut short
 * as a fragment of the picture, and an enormous one only after minutes and
 * gigabytes; the render stage stops each of them with a message instead.
 */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';

export interface ImageFacts {
  format: ImageFormat;
  width: number;
  height: number;
}

export type Inspected = { facts: ImageFacts } | { problem: string };

export const MIME: Record<ImageFormat, string> = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };
export const FORMAT_NAMES: Record<ImageFormat, string> = { png: 'PNG', jpeg: 'JPEG', gif: 'GIF', webp: 'WebP' };

/** The format a file's first bytes announce. */
export function sniffFormat(bytes: Uint8Array): ImageFormat | undefined {
  const ascii = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return undefined;
}

const CUT_SHORT = 'the file is cut short (its end is missing)';

/** How many bytes of filtered scanlines a PNG's image data inflates to (each row a filter byte and its pixels; Adam7's seven passes if interlaced). */
function pngDataSize(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number {
  const rows = (w: number, h: number) => (w === 0 || h === 0 ? 0 : h * (1 + Math.ceil((w * bitsPerPixel) / 8)));
  if (!interlaced) return rows(width, height);
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ] as const;
  return passes.reduce((sum, [x, y, dx, dy]) => sum + rows(Math.ceil((width - x) / dx), Math.ceil((height - y) / dy)), 0);
}

/** The size of zlib data inflated, counted without keeping it; undefined when it is not valid zlib data. */
function inflatedSize(data: Buffer, limit: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    let total = 0;
    const inflate = createInflate();
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) inflate.destroy();
    });
    inflate.on('close', () => resolve(total));
    inflate.on('end', () => resolve(total));
    inflate.on('error', () => resolve(undefined));
    inflate.end(data);
  });
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

async function inspectPng(bytes: Buffer, maxPixels: number): Promise<Inspected> {
  let offset = 8;
  let header: { width: number; height: number; bitsPerPixel: number; interlaced: boolean } | undefined;
  const data: Buffer[] = [];
  for (;;) {
    if (offset + 12 > bytes.length) return { problem: CUT_SHORT };
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (offset + 12 + length > bytes.length) return { problem: CUT_SHORT };
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length))
      return { problem: `its ${type} chunk is damaged (checksum mismatch)` };
    if (!header) {
      if (type !== 'IHDR' || length !== 13) return { problem: 'it has no PNG header (IHDR)' };
      const bitsPerPixel = (CHANNELS[body[9]!] ?? 0) * body[8]!;
      if (!bitsPerPixel) return { problem: 'its PNG header names no known colour type' };
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitsPerPixel, interlaced: body[12] === 1 };
      if (header.width * header.height > maxPixels) return { facts: { format: 'png', width: header.width, height: header.height } };
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const { width, height, bitsPerPixel, interlaced } = header;
  if (width === 0 || height === 0) return { problem: 'it is 0 pixels wide or high' };
  const expected = pngDataSize(width, height, bitsPerPixel, interlaced);
  const inflated = await inflatedSize(Buffer.concat(data), expected);
  if (inflated === undefined) return { problem: 'its image data is damaged (not valid zlib data)' };
  if (inflated !== expected)
    return {
      problem: `its image data is ${inflated < expected ? 'incomplete' : 'longer than its size'} (${Math.min(inflated, expected + 1)} bytes where ${expected} belong)`,
    };
  return { facts: { format: 'png', width, height } };
}

/** A JPEG's markers, from SOI to EOI, and its frame's size; each scan's entropy-coded data is skipped to the next marker. */
function inspectJpeg(bytes: Buffer): Inspected {
  let offset = 2;
  let size: { width: number; height: number } | undefined;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) return { problem: `it has no JPEG marker where one belongs (byte ${offset})` };
    let marker = bytes[offset + 1];
    while (marker === 0xff) marker = bytes[++offset + 1];
    if (marker === undefined) break;
    offset += 2;
    if (marker === 0xd9) {
      if (!size) return { problem: 'it has no JPEG frame header (SOF)' };
      if (size.width === 0 || size.height === 0) return { problem: 'it is 0 pixels wide or high' };
      return { facts: { format: 'jpeg', ...size } };
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    if (offset + 2 > bytes.length) break;
    const length = bytes.readUInt16BE(offset);
    if (offset + length > bytes.length) break;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker) && length >= 7) {
      size = { height: bytes.readUInt16BE(offset + 3), width: bytes.readUInt16BE(offset + 5) };
    }
    offset += length;
    if (marker === 0xda) {
      // Entropy-coded data: 0xFF is followed by 0x00 (a stuffed byte) or a restart marker inside a scan.
      while (
        offset + 1 < bytes.length &&
        !(bytes[offset] === 0xff && bytes[offset + 1] !== 0x00 && !(bytes[offset + 1]! >= 0xd0 && bytes[offset + 1]! <= 0xd7))
      )
        offset++;
    }
  }
  return { problem: CUT_SHORT };
}

/** A GIF's blocks, from its header to its trailer. */
function inspectGif(bytes: Buffer): Inspected {
  const width = bytes.readUInt16LE(6);
  const height = bytes.readUInt16LE(8);
  const table = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
  let offset = 13 + table(bytes[10] ?? 0);
  const subBlocks = () => {
    while (offset < bytes.length && bytes[offset] !== 0) offset += 1 + bytes[offset]!;
    offset += 1;
  };
  while (offset < bytes.length) {
    const block = bytes[offset];
    if (block === 0x3b) return width && height ? { facts: { format: 'gif', width, height } } : { problem: 'it is 0 pixels wide or high' };
    if (block === 0x21) {
      offset += 2;
      subBlocks();
    } else if (block === 0x2c) {
      if (offset + 10 > bytes.length) break;
      offset += 10 + table(bytes[offset + 9]!) + 1;
      subBlocks();
    } else return { problem: `it has no GIF block where one belongs (byte ${offset})` };
  }
  return { problem: CUT_SHORT };
}

/** A WebP's RIFF chunks, each whole, and its canvas size. */
function inspectWebp(bytes: Buffer): Inspected {
  const declared = bytes.readUInt32LE(4) + 8;
  if (bytes.length < declared) return { problem: CUT_SHORT };
  let offset = 12;
  let size: { width: number; height: number } | undefined;
  while (offset + 8 <= declared) {
    const type = bytes.toString('latin1', offset, offset + 4);
    const length = bytes.readUInt32LE(offset + 4);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (offset + 8 + length > declared) return { problem: CUT_SHORT };
    if (!size && type === 'VP8X' && length >= 10) size = { width: body.readUIntLE(4, 3) + 1, height: body.readUIntLE(7, 3) + 1 };
    if (!size && type === 'VP8 ' && length >= 10) size = { width: body.readUInt16LE(6) & 0x3fff, height: body.readUInt16LE(8) & 0x3fff };
    if (!size && type === 'VP8L' && length >= 5 && body[0] === 0x2f) {
      const bits = body.readUInt32LE(1);
      size = { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    offset += 8 + length + (length % 2);
  }
  if (!size) return { problem: 'it has no WebP image header' };
  return { facts: { format: 'webp', ...size } };
}

/**
 * Reads an image's bytes as a browser would have to: its format from its
 * signature, its size, and every part of it there (a PNG's chunks checked
 * and its data inflated, a JPEG's markers to the end of its last scan, a
 * GIF's blocks to its trailer, a WebP's chunks). One too large to lay out
 * (more than maxPixels) comes back with its size, unchecked further.
 */
export async function inspectImage(bytes: Buffer, maxPixels: number): Promise<Inspected> {
  if (bytes.length === 0) return { problem: 'the file is empty' };
  const format = sniffFormat(bytes);
  if (!format) return { problem: 'it is not a PNG, JPEG, GIF or WebP image' };
  try {
    if (format === 'png') return await inspectPng(bytes, maxPixels);
    if (format === 'jpeg') return inspectJpeg(bytes);
    if (format === 'gif') return inspectGif(bytes);
    return inspectWebp(bytes);
  } catch {
    // A read past the end of the bytes: a header cut off.
    return { problem: CUT_SHORT };
  }
}
