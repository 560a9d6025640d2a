import { deflate, deflateInit2, deflateReset, type ZStream as Stream } from 'pako/lib/zlib/deflate.js';
import ZStream from 'pako/lib/zlib/zstream.js';
import type { PDFContext, PDFRawStream } from 'pdf-lib';

// zlib's constants, as pako.deflate passes them.
const Z_FINISH = 4;
const Z_STREAM_END = 1;
const DEFAULT_LEVEL = -1;
const DEFLATED = 8;
const WINDOW_BITS = 15;
const MEMORY_LEVEL = 8;
const DEFAULT_STRATEGY = 0;

/** The compressor, made on first use and kept for every stream after it. */
let compressor: Stream | undefined;
/** Where it writes, grown as streams need. */
let output = new Uint8Array(0);

/** zlib's deflateBound for these settings: the most a stream of `length` bytes can take compressed. */
const bound = (length: number) => length + (length >> 12) + (length >> 14) + (length >> 25) + 13;

/** `bytes` compressed as pako.deflate(bytes) compresses them, to the byte. */
export function deflateLikePako(bytes: Uint8Array): Uint8Array {
  if (!compressor) {
    compressor = new ZStream();
    deflateInit2(compressor, DEFAULT_LEVEL, DEFLATED, WINDOW_BITS, MEMORY_LEVEL, DEFAULT_STRATEGY);
  }
  // As new: deflateReset clears the hash chains' heads, so no match reaches
  // back into the stream before. The window keeps that stream's bytes past
  // this one's end, where the match search may read, but it stops at the
  // first match that reaches the end, so they cannot change what it writes.
  deflateReset(compressor);
  if (output.length < bound(bytes.length)) output = new Uint8Array(bound(bytes.length));
  Object.assign(compressor, { input: bytes, next_in: 0, avail_in: bytes.length, output, next_out: 0, avail_out: output.length });
  const status = deflate(compressor, Z_FINISH);
  if (status !== Z_STREAM_END) throw new Error(`deflate ended with status ${status}, not at the stream's end`);
  return output.slice(0, compressor.next_out);
}

/**
 * A /FlateDecode stream of `bytes`, the same as pdf-lib's
 * `context.flateStream(bytes)` to the byte, made with one compressor for all
 * streams instead of a new one for each: pako allocates a quarter of a
 * megabyte for each compressor, which cost more than the compression of a
 * page's content. pdf-lib compresses with pako 1.0's deflate; this is the
 * same code (pako's port of zlib, which its deflate wraps), driven the same
 * way (test/unit/flate-stream.test.ts compares the two).
 */
export function flateStream(context: PDFContext, bytes: Uint8Array): PDFRawStream {
  return context.stream(deflateLikePako(bytes), { Filter: 'FlateDecode' });
}
