import { createHash } from 'node:crypto';
import path from 'node:path';

/** The `<file>.sha256` beside a PDF, in sha256sum's format, so `sha256sum -c` checks it from that folder. */
export function sha256Line(bytes: Uint8Array, file: string): string {
  return `${createHash('sha256').update(bytes).digest('hex')}  ${path.basename(file)}\n`;
}
