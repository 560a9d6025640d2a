/** Image files for tests, made here rather than by tools CI may lack: PNGs encoded by hand, and small samples of the other formats. */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGB PNG of one colour; `data` replaces its image data (to forge a large header without its pixels). */
export function png(width: number, height: number, options: { data?: Buffer } = {}): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const data = options.data ?? deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', data),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** 6 × 4 pixels each, as Chromium's canvas encodes them (JPEG, WebP), and a 1 × 1 GIF. */
export const SAMPLES = {
  jpeg: Buffer.from(
    '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAEAAYDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAbEAABBQEBAAAAAAAAAAAAAAABAAIDBBESIf/EABUBAQEAAAAAAAAAAAAAAAAAAAYH/8QAGxEBAQEAAgMAAAAAAAAAAAAAAQMCADERIYH/2gAMAwEAAhEDEQA/AJDXgjrsLIW8tJ3NJ9RERytd220pp1p7V8r95cZzxLJiYAdB6Of/2Q==',
    'base64',
  ),
  webp: Buffer.from(
    'UklGRm4AAABXRUJQVlA4WAoAAAAAAAAABQAAAwAAVlA4IFAAAADQAgCdASoGAAQAAUAmJbACdLoB+AB+gHo3A5YmpcIAAP79JjcdsYCdXgD+3pm3/jWeBuL44/2Sbz31//fyacP/zt/dfNt5/xlT4yp/xcwAAA==',
    'base64',
  ),
  gif: Buffer.from('R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==', 'base64'),
};
