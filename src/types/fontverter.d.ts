declare module 'fontverter' {
  /** Converts between font container formats; 'truetype' is an alias of 'sfnt'. */
  export function convert(
    font: Buffer | Uint8Array,
    to: 'truetype' | 'sfnt' | 'woff' | 'woff2',
    from?: 'truetype' | 'sfnt' | 'woff' | 'woff2',
  ): Promise<Buffer>;
}
