// pako 1.0's port of zlib, which pako.deflate wraps (src/stages/finish/flate-stream.ts); it has no types of its own.
declare module 'pako/lib/zlib/deflate.js' {
  export interface ZStream {
    input: Uint8Array | null;
    next_in: number;
    avail_in: number;
    output: Uint8Array | null;
    next_out: number;
    avail_out: number;
  }
  export function deflateInit2(
    strm: ZStream,
    level: number,
    method: number,
    windowBits: number,
    memLevel: number,
    strategy: number,
  ): number;
  export function deflateReset(strm: ZStream): number;
  export function deflate(strm: ZStream, flush: number): number;
}
declare module 'pako/lib/zlib/zstream.js' {
  import type { ZStream as Stream } from 'pako/lib/zlib/deflate.js';

  const ZStream: new () => Stream;
  export default ZStream;
}
