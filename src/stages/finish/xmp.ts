import { type PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import type { DocumentInfo } from './metadata.js';

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!);

/** The instant as XMP writes it, in UTC like the Info dictionary's dates, so both say the same. */
const xmpDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** An XMP packet that says what the Info dictionary says (PDF 2.0 and PDF/X readers take XMP first). */
export function xmpPacket(info: DocumentInfo, documentId: string): string {
  const lang = escapeXml(info.language);
  const date = xmpDate(info.date);
  const li = (items: string[]) => items.map((item) => `<rdf:li>${escapeXml(item)}</rdf:li>`).join('');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
  xmlns:xmp="http://ns.adobe.com/xap/1.0/"
  xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.title)}</rdf:li><rdf:li xml:lang="${lang}">${escapeXml(info.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq>${li([info.author])}</rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:subject><rdf:Bag>${li(info.keywords)}</rdf:Bag></dc:subject>
<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>
<pdf:Keywords>${escapeXml(info.keywords.join(' '))}</pdf:Keywords>
<pdf:Producer>${escapeXml(info.producer)}</pdf:Producer>
<xmp:CreatorTool>${escapeXml(info.creator)}</xmp:CreatorTool>
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
<xmpMM:DocumentID>uuid:${documentId}</xmpMM:DocumentID>
<xmpMM:InstanceID>uuid:${documentId}</xmpMM:InstanceID>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** Sets the catalog's XMP stream, dropping any earlier one (Ghostscript writes its own, with a random id). */
export function attachXmp(doc: PDFDocument, xml: string): void {
  const previous = doc.catalog.get(PDFName.of('Metadata'));
  if (previous instanceof PDFRef) doc.context.delete(previous);
  const stream = doc.context.stream(new TextEncoder().encode(xml), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
}
