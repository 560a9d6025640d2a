import { type Diagnostic, warning } from '../../diagnostics.js';
import type { Message } from '../../message.js';
import { enumeratorOf, isSignature } from '../load/conventions.js';
import { plainText } from './conversion-blocks.js';
import { mendTables } from './tables.js';
import type { ImportedBlock, ImportedColumn, ImportedLines, SourceText } from './types.js';

/**
 * The forms of Chinese documents that a conversion leaves as separate
 * paragraphs or as Markdown, written as the issue format has them
 * (load/conventions.ts), before any paragraph is joined across a page break:
 *
 * - a Markdown list (1. … / - …): its items, one a line, as a Markdown list;
 * - short lines each opening with a number (一、 （一） 1. ① …), two or more
 *   in a row: one paragraph, a line each, which prints as a list (a longer
 *   numbered paragraph is a numbered paragraph of running text, 公文 style);
 * - 注： followed by its numbered notes: one note block, a note a line;
 * - the issuing bodies and the date at the end of an article (before an
 *   annex heading, 附件1): one signature (落款), a line each;
 * - tables mended (tables.ts).
 *
 * Each is reported at its first line.
 */
const SHORT_ITEM = 40;
const NOTE_LABEL = /^注[：:]/;
const ANNEX_HEADING = /^附件[0-9一二三四五六七八九十]*$/;
const SIGNATURE_LINES = 4;

/** A paragraph of one line (the conversion's), and its text. */
const oneLine = (block: ImportedBlock | undefined): SourceText | undefined =>
  block?.kind === 'paragraph' && block.pieces.length === 1 && !block.pieces[0]!.text.includes('\n') ? block.pieces[0] : undefined;
const numbered = (block: ImportedBlock | undefined) => {
  const line = oneLine(block);
  return line && enumeratorOf(plainText(line.text)) && [...line.text].length <= SHORT_ITEM ? line : undefined;
};

/** The run of blocks from `start` that `take` accepts, as their lines. */
function run(body: readonly ImportedBlock[], start: number, take: (block: ImportedBlock) => SourceText | undefined): SourceText[] {
  const lines: SourceText[] = [];
  for (let i = start; i < body.length; i++) {
    const line = take(body[i]!);
    if (!line) break;
    lines.push(line);
  }
  return lines;
}

const itemLine = (block: ImportedBlock): SourceText | undefined =>
  block.kind === 'item' ? { ...block.text, text: `${block.marker} ${block.text.text}` } : undefined;
const noteLine = (block: ImportedBlock): SourceText | undefined =>
  block.kind === 'item' ? { ...block.text, text: `${block.marker.replace(/^-$/, '·')}${block.text.text}` } : numbered(block);

/** The signature at the end of the body (before its first annex heading): its first block, and its lines. */
function signatureAt(body: readonly ImportedBlock[]): { start: number; lines: SourceText[] } | undefined {
  const annex = body.findIndex((block) => ANNEX_HEADING.test(oneLine(block)?.text.trim() ?? ''));
  const end = annex < 0 ? body.length : annex;
  for (let count = Math.min(SIGNATURE_LINES, end); count >= 2; count--) {
    const lines = body.slice(end - count, end).map(oneLine);
    if (lines.every(Boolean) && isSignature(lines.map((line) => plainText(line!.text))))
      return { start: end - count, lines: lines as SourceText[] };
  }
  return undefined;
}

function formsOf(body: readonly ImportedBlock[], file: string): { body: ImportedBlock[]; report: Diagnostic[] } {
  const report: Diagnostic[] = [];
  const out: ImportedBlock[] = [];
  const signature = signatureAt(body);
  const push = (form: ImportedLines['form'], lines: SourceText[], message?: Message) => {
    out.push({ kind: 'lines', form, lines });
    if (message) report.push(warning(`import-${form}`, message, { file, line: lines[0]!.line, column: lines[0]!.column }));
  };
  for (let index = 0; index < body.length; index++) {
    const block = body[index]!;
    if (index === signature?.start) {
      const count = signature.lines.length;
      push('signature', signature.lines, {
        zh: `发文机关和日期（${count} 行）已写成落款，每项一行`,
        en: `the issuing bodies and the date (${count} lines) written as the signature (落款), a line each`,
      });
      index += signature.lines.length - 1;
      continue;
    }
    const note = oneLine(block);
    if (note && NOTE_LABEL.test(note.text)) {
      const notes = run(body, index + 1, noteLine);
      if (notes.length > 0) {
        const message = {
          zh: `“注：”和其后的 ${notes.length} 条注释已写成一个注释块，每条一行`,
          en: `注： and the ${notes.length === 1 ? 'note' : `${notes.length} notes`} after it written as one note block, a note a line`,
        };
        push('notes', [note, ...notes], message);
        index += notes.length;
        continue;
      }
    }
    // A Markdown list is the issue format's already; numbered paragraphs become one.
    const items = block.kind === 'item' ? run(body, index, itemLine) : run(body, index, numbered);
    if (block.kind === 'item' || items.length >= 2) {
      const message = {
        zh: `${items.length} 个带编号的短段已写成一个列表，每项一行`,
        en: `${items.length} short numbered paragraphs written as one list, an item a line`,
      };
      push('list', items, block.kind === 'item' ? undefined : message);
      index += items.length - 1;
      continue;
    }
    out.push(block);
  }
  return { body: out, report };
}

/** Every article's tables mended and its document forms written as the issue format has them. */
export function recogniseForms(columns: readonly ImportedColumn[], file: string): { columns: ImportedColumn[]; report: Diagnostic[] } {
  const report: Diagnostic[] = [];
  const mended = columns.map((column) => ({
    ...column,
    articles: column.articles.map((article) => {
      const tables = mendTables(article.body, file);
      const forms = formsOf(tables.body, file);
      report.push(...tables.report, ...forms.report);
      return { ...article, body: forms.body };
    }),
  }));
  return { columns: mended, report };
}
