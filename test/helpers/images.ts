/** Image files for tests, made here rather than by tools CI may lack: PNGs encoded by hand, and small samples of the other formats. */
import { crc32, deflateSync, inflateSync } from 'node:zlib';

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

/** The grey levels (0–255, the mean of R, G and B) of an 8-bit RGB or grey PNG, as pdftoppm writes them, row by row. */
export function readPng(file: Buffer): { width: number; height: number; grey: Uint8Array } {
  const chunks: Buffer[] = [];
  let header: Buffer | undefined;
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const data = file.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') chunks.push(data);
    at += 12 + length;
  }
  if (header?.[8] !== 8 || ![0, 2].includes(header[9]!) || header[12] !== 0) throw new Error('not an 8-bit RGB or grey PNG');
  const [width, height, channels] = [header.readUInt32BE(0), header.readUInt32BE(4), header[9] === 2 ? 3 : 1];
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? rows[y * stride + x - channels]! : 0;
      const up = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? rows[(y - 1) * stride + x - channels]! : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return a <= b && a <= c ? left : b <= c ? up : upLeft;
      };
      const predicted = [0, left, up, (left + up) >> 1, paeth()][filter]!;
      rows[y * stride + x] = (line[x]! + predicted) & 0xff;
    }
  }
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += rows[i * channels + c]!;
    grey[i] = Math.round(sum / channels);
  }
  return { width, height, grey };
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
