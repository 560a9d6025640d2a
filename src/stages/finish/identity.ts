import { createHash } from 'node:crypto';
import { PDFHexString, type PDFDocument } from 'pdf-lib';
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

/**
 * Saves the document with identifiers derived from its content: the trailer
 * /ID and the XMP document id are a hash of what the pages were made from
 * (the laid-out HTML and the finishing options, see finish.ts), so identical
 * input gives identical bytes, on any day, in one save.
 */
export async function saveReproducibly(doc: PDFDocument, info: DocumentInfo, content: string): Promise<Uint8Array> {
  const hash = createHash('sha256').update(content).digest('hex');
  attachXmp(doc, xmpPacket(info, uuidFrom(hash)));
  const id = PDFHexString.of(hash.slice(0, 32));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}
