import { createHash } from 'node:crypto';
import { type PDFDocument, PDFHexString } from 'pdf-lib';
import type { DocumentInfo } from './metadata.js';
import { attachXmp, xmpPacket } from './xmp.js';

/** A UUID (version 5 layout) made from a hash, so the same bytes always get the same id. */
function uuidFrom(hex: string): string {
  const h = hex.slice(0, 32).split('');
  h[12] = '5';
  h[16] = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The ids the document is saved with before its bytes are hashed: as long as the real ones. */
const BLANK_HEX = '0'.repeat(32);
const BLANK_UUID = uuidFrom(BLANK_HEX);

/** Writes `to` over each occurrence of `from` (same length, Latin-1), which must occur `expected` times. */
function overwrite(bytes: Uint8Array, from: string, to: string, expected: number): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = buffer.indexOf(from, 0, 'latin1'); at !== -1; at = buffer.indexOf(from, at + from.length, 'latin1')) {
    buffer.write(to, at, 'latin1');
    count++;
  }
  if (count !== expected) throw new Error(`document id: found ${count} places for '${from}', expected ${expected}`);
}

/**
 * Saves the document with identifiers derived from its content: the trailer
 * /ID and the XMP document id are a hash of the saved bytes themselves, taken
 * with both ids blank (zeros) and then written in their place. Identical pages
 * and metadata give identical bytes, on any day, and a change in how they were
 * made (the page script, say) that leaves them the same leaves the id the
 * same too.
 */
export async function saveReproducibly(doc: PDFDocument, info: DocumentInfo): Promise<Uint8Array> {
  attachXmp(doc, xmpPacket(info, BLANK_UUID));
  const blank = PDFHexString.of(BLANK_HEX);
  doc.context.trailerInfo.ID = doc.context.obj([blank, blank]);
  // No object streams: the XMP stream and the trailer are written as they are, so the ids can be found.
  const bytes = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  const hash = createHash('sha256').update(bytes).digest('hex');
  overwrite(bytes, `uuid:${BLANK_UUID}`, `uuid:${uuidFrom(hash)}`, 2);
  overwrite(bytes, `<${BLANK_HEX}>`, `<${hash.slice(0, 32)}>`, 2);
  return bytes;
}
