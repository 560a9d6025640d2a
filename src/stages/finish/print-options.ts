/** What the print shop asked for, from the build's command line; normalised once, documented here. */
export interface PrintOptions {
  /** Bleed on every side of the A4 trim, in points. Default 0 (no bleed). */
  bleed: number;
  /** Crop marks outside the bleed, on a sheet grown to hold them. Default false. */
  marks: boolean;
  /** Pad to a multiple of 4 pages for saddle stitching, footer still last. Default true. */
  pad: boolean;
  /** Convert to one colour (DeviceGray) with Ghostscript. Default false. */
  grayscale: boolean;
  /**
   * A tagged PDF (a structure tree for screen readers and reflow). Default
   * false: print shops do not read it, and Chromium's tree nearly doubles
   * the file and the time to print, finish and check it.
   */
  tagged: boolean;
}

export const DEFAULT_PRINT: PrintOptions = { bleed: 0, marks: false, pad: true, grayscale: false, tagged: false };

const POINTS_PER = { mm: 72 / 25.4, cm: 720 / 25.4, in: 72, pt: 1 } as const;

/** `3mm`, `0.125in`, `8.5pt` → points; undefined for anything else (a bare number is taken as mm). */
export function parseLength(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)?\s*$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * POINTS_PER[(m[2] ?? 'mm') as keyof typeof POINTS_PER];
}
