/**
 * A table's caption is the line right above it that names it, as printed
 * documents do: “表1　2024年重点改革任务”, “附表2：考核指标”, “附表：…”.
 * It is written as a paragraph of its own directly above the table (a blank
 * line between them or none) and prints with the table, never alone at the
 * foot of a page.
 */
const CAPTION = /^((?:附表|表)\s*(?:[0-9０-９]+(?:[-－.．][0-9０-９]+)*|[一二三四五六七八九十]+)?)(?:[\s　：:]|$)/u;

/** How the caption names its table (“表1”, “附表2”, “附表”), when the text is a caption. */
export function captionLabel(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.includes('\n')) return undefined;
  return CAPTION.exec(trimmed)?.[1]?.replace(/\s+/gu, '');
}

/** What a page that continues the table prints above its repeated header row: 续表, 续表1, 续附表2. */
export const continuedLabel = (caption: string | undefined): string => `续${caption ?? '表'}`;
