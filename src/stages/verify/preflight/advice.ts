/**
 * What to do about a failed check depends on who made the PDF: an editor
 * rebuilds with build-issue, anyone else goes back to the program that made
 * the file. The preflight tells them apart by the PDF's Producer.
 */
export interface Advice {
  /** After “N pages is not a multiple of 4 …”. */
  padding: string;
  /** After “… Type 3 on pages …”. */
  type3: string;
}

const BUILD_ISSUE: Advice = {
  padding: 'build without --no-pad to pad it',
  type3: 'a character fell back to a system font; rebuild with this build-issue, which names such characters and their lines (glyph-missing)',
};

const OTHER: Advice = {
  padding: 'add blank pages before the last page, or agree another binding with the shop',
  type3: 'embed the font as TrueType or CFF instead, in the program that made the PDF',
};

export function adviceFor(producer: string | undefined): Advice {
  return /^build-issue\b/.test(producer ?? '') ? BUILD_ISSUE : OTHER;
}
