import type { PrintedPageBreak, PrintedRecord, PrintedTocEntry } from './types.js';
import type { YamlFields } from './yaml-fields.js';

/**
 * The front matter's optional `printed:` record of a printed original:
 *
 *   printed:
 *     toc:                      the printed TOC, page numbers as printed
 *       - title: 激发新就业群体“红色动能”
 *         byline: 临西县委常委、组织部部长 卫建豪
 *         page: 5
 *     page_breaks:              printed pages that began inside a paragraph
 *       - page: 4
 *         after: 牢牢把握深入学   the text just before the page turned
 */
export function readPrintedRecord(fields: YamlFields): PrintedRecord | undefined {
  fields.rejectUnknown(['printed'], ['toc', 'page_breaks']);
  const tocCount = fields.count(['printed', 'toc'], {
    zh: '印本目录每条一个“- title: … page: …”',
    en: 'one “- title: … page: …” per printed entry',
  });
  const breakCount = fields.count(['printed', 'page_breaks'], {
    zh: '每个分页一个“- page: … after: …”',
    en: 'one “- page: … after: …” per break',
  });
  if (tocCount === undefined && breakCount === undefined) return undefined;

  const toc: PrintedTocEntry[] = [];
  for (let index = 0; index < (tocCount ?? 0); index++) {
    const at = ['printed', 'toc', String(index)];
    fields.rejectUnknown(at, ['title', 'byline', 'page']);
    const title = fields.string([...at, 'title']);
    const byline = fields.string([...at, 'byline'], { optional: true });
    const page = fields.integer([...at, 'page'], { min: 1, max: 9999 });
    if (title !== undefined && page !== undefined) toc.push({ title, ...(byline ? { byline } : {}), page });
  }
  const pageBreaks: PrintedPageBreak[] = [];
  for (let index = 0; index < (breakCount ?? 0); index++) {
    const at = ['printed', 'page_breaks', String(index)];
    fields.rejectUnknown(at, ['page', 'after']);
    const page = fields.integer([...at, 'page'], { min: 2, max: 9999 });
    const after = fields.string([...at, 'after']);
    if (page !== undefined && after !== undefined) pageBreaks.push({ page, after });
  }
  return { toc, pageBreaks };
}

/** A title as compared with the printed TOC: letters and digits only, so spacing, ●, dashes and quotes do not matter. */
export function titleKey(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Pairs printed TOC entries with titles. An entry names a title when it begins
 * with it (the printed TOC may run the subtitle on after the title); each entry
 * takes the longest title it names that no earlier entry took.
 * @returns for each entry, the index of its title, or -1.
 */
export function pairTocEntries(entries: readonly string[], titles: readonly string[]): number[] {
  const taken = new Set<number>();
  const keys = titles.map(titleKey);
  return entries.map((entry) => {
    const entryKey = titleKey(entry);
    let best = -1;
    keys.forEach((key, index) => {
      if (key !== '' && !taken.has(index) && entryKey.startsWith(key) && (best < 0 || key.length > keys[best]!.length)) best = index;
    });
    if (best >= 0) taken.add(best);
    return best;
  });
}
