import { inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFName, type PDFRawStream } from 'pdf-lib';

/**
 * A stream's decoded bytes. Plain /FlateDecode (every stream Chromium
 * writes) goes to Node's zlib, several times faster than pdf-lib's inflate
 * in JavaScript, and inflating is exact, so the bytes are the same; other
 * filters go to pdf-lib.
 */
export function decodeStream(stream: PDFRawStream): Uint8Array {
  const { dict } = stream;
  const plainFlate = dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') && !dict.has(PDFName.of('DecodeParms'));
  return plainFlate ? inflateSync(stream.contents) : decodePDFRawStream(stream).decode();
}
