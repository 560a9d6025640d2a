import type { Message } from '../../../message.js';

/**
 * What to do about a failed check depends on who made the PDF: an editor
 * rebuilds with build-issue, anyone else goes back to the program that made
 * the file. The preflight tells them apart by the PDF's Producer.
 */
export interface Advice {
  /** After “N pages is not a multiple of 4 …”. */
  padding: Message;
  /** After “… Type 3 on pages …”. */
  type3: Message;
}

const BUILD_ISSUE: Advice = {
  padding: { zh: '去掉 --no-pad 重新排版即可补足', en: 'build without --no-pad to pad it' },
  type3: {
    zh: '有字符用了系统字体；用这一版 build-issue 重新排版，它会指出这些字符及其所在行（glyph-missing）',
    en: 'a character fell back to a system font; rebuild with this build-issue, which names such characters and their lines (glyph-missing)',
  },
};

const OTHER: Advice = {
  padding: {
    zh: '在最后一页之前加空白页，或与印厂商定别的装订方式',
    en: 'add blank pages before the last page, or agree another binding with the shop',
  },
  type3: {
    zh: '请在生成这个 PDF 的程序里改为嵌入 TrueType 或 CFF 字体',
    en: 'embed the font as TrueType or CFF instead, in the program that made the PDF',
  },
};

export function adviceFor(producer: string | undefined): Advice {
  return /^build-issue\b/.test(producer ?? '') ? BUILD_ISSUE : OTHER;
}
