import { PDFArray, type PDFContext, PDFDict, PDFName, PDFNumber, type PDFObject, PDFRawStream, PDFRef } from 'pdf-lib';

/** Inline images abbreviate the device spaces. */
const ABBREVIATIONS: Record<string, string> = { G: 'DeviceGray', RGB: 'DeviceRGB', CMYK: 'DeviceCMYK', I: 'Indexed' };
const ICC_COMPONENTS: Record<number, string> = { 1: 'gray', 3: 'RGB', 4: 'CMYK' };

/** A colour space as a print shop names it: DeviceRGB, ICCBased RGB, Separation All, Indexed DeviceRGB … */
export function colourSpaceName(
  context: PDFContext,
  space: PDFObject | string | undefined,
  resources: PDFDict | undefined,
  depth = 0,
): string | undefined {
  if (space === undefined || depth > 4) return undefined;
  const object = space instanceof PDFRef ? context.lookup(space) : space;
  const name = typeof object === 'string' ? object : object instanceof PDFName ? object.decodeText() : undefined;
  if (name !== undefined) {
    if (/^Device|^Pattern$/.test(name)) return name;
    if (ABBREVIATIONS[name]) return ABBREVIATIONS[name];
    const named = resources?.lookupMaybe(PDFName.of('ColorSpace'), PDFDict)?.get(PDFName.of(name));
    return colourSpaceName(context, named, resources, depth + 1) ?? name;
  }
  if (!(object instanceof PDFArray)) return undefined;
  const family = object.lookup(0, PDFName).decodeText();
  switch (family) {
    case 'ICCBased': {
      const n = object.lookup(1, PDFRawStream).dict.lookupMaybe(PDFName.of('N'), PDFNumber)?.asNumber() ?? 0;
      return `ICCBased ${ICC_COMPONENTS[n] ?? `${n} components`}`;
    }
    case 'Separation':
      return `Separation ${object.lookup(1, PDFName).decodeText()}`;
    case 'Indexed':
    case 'I':
      return `Indexed ${colourSpaceName(context, object.get(1), resources, depth + 1) ?? ''}`.trim();
    default:
      return family;
  }
}
