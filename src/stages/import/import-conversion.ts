/**
 * Brings a back issue in from the Markdown conversion of its printed PDF:
 *
 *   read blocks → masthead · printed TOC · body · footer
 *   body → page numbers left out                              (page-numbers)
 *        → columns, articles, subtitles, bylines, sections   (recognise-structure)
 *        → tables joined across page breaks, merged cells,
 *          lists, note blocks, signatures                     (forms, tables)
 *        → paragraphs joined across printed page breaks      (page-breaks)
 *        → suspected conversion errors, listed, left alone    (suspects)
 *
 * Nothing here reads or writes files: the caller passes the text and writes
 * the result (write-folder.ts).
 */
import { type Diagnostic, error, hasErrors, type Result, warning } from '../../diagnostics.js';
import type { Message } from '../../message.js';
import { MAX_SERIAL } from '../load/front-matter.js';
import type { Publication } from '../load/types.js';
import { readBlocks } from './conversion-blocks.js';
import { type Footer, opensFooter, readFooter } from './footer.js';
import { recogniseForms } from './forms.js';
import { type Masthead, readMasthead } from './masthead.js';
import { joinPageBreaks } from './page-breaks.js';
import { dropPageNumbers } from './page-numbers.js';
import { hasColumnMark, readPrintedToc } from './printed-toc.js';
import { recogniseStructure } from './recognise-structure.js';
import { reportSuspects } from './suspects.js';
import type { Block, ImportedBlock, ImportedColumn, ImportedIssue, SourceText } from './types.js';

export interface ImportOptions {
  /** The conversion's path, as the report shows it. */
  file: string;
  /** The issue's serial (总期号) when the masthead lacks it or has it wrong. */
  serial?: number;
  /** What issues/publication.yaml already says, if the project has one: the import repeats none of it. */
  publication?: Publication;
}

/** Every fact the issue needs, or an error naming the one the conversion does not state. */
function required<T>(value: T | undefined, fact: Message, file: string, diagnostics: Diagnostic[]): T {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) {
    diagnostics.push(
      error('import-missing-fact', { zh: `转换稿里找不到${fact.zh}`, en: `the conversion does not state ${fact.en}` }, { file, line: 1 }),
    );
  }
  return value as T;
}

/** Where the masthead and the printed TOC end and the body begins. */
function bodyStart(blocks: readonly Block[], tocEnd: number): number {
  if (tocEnd > 0) return tocEnd;
  const column = blocks.findIndex((block) => block.kind === 'heading' && hasColumnMark(block.lines[0]?.text ?? ''));
  return column < 0 ? blocks.length : column;
}

/** What the masthead and footer state of the publication; any of it may be missing. */
function statedPublication(masthead: Masthead, footer: Footer) {
  return { name: masthead.name, classification: masthead.classification, publishers: masthead.publishers, office: footer.office };
}

/** Tells the archivist where the conversion and publication.yaml disagree; publication.yaml stays as it is. */
function comparePublication(stated: ReturnType<typeof statedPublication>, existing: Publication, file: string): Diagnostic[] {
  const fields: Array<[string, string | undefined, string]> = [
    ['name', stated.name.join(' ') || undefined, existing.name.join(' ')],
    ['classification', stated.classification, existing.classification],
    ['publishers', stated.publishers.join('、') || undefined, existing.publishers.join('、')],
    ...Object.entries(existing.office).map(([key, value]): [string, string | undefined, string] => [
      `office.${key}`,
      stated.office[key as keyof Footer['office']],
      value,
    ]),
  ];
  return fields
    .filter(([, mine, theirs]) => mine !== undefined && mine !== theirs)
    .map(([field, mine, theirs]) => {
      const message = {
        zh: `转换稿的 ${field} 是“${mine}”，publication.yaml 里是“${theirs}”；publication.yaml 保持不变`,
        en: `the conversion says ${field} “${mine}”, publication.yaml says “${theirs}”; publication.yaml is left as it is`,
      };
      return warning('import-publication-differs', message, { file, line: 1 });
    });
}

/** A block's texts, each checked on its own: a paragraph's pieces together, each line, item and cell alone. */
function textsOf(block: ImportedBlock): SourceText[][] {
  if (block.kind === 'section') return [[block.heading]];
  if (block.kind === 'paragraph') return [block.pieces];
  if (block.kind === 'item') return [[block.text]];
  if (block.kind === 'lines') return block.lines.map((line) => [line]);
  return block.rows.flat().map((cell) => [cell]);
}

function suspectsIn(columns: readonly ImportedColumn[], file: string): Diagnostic[] {
  return columns.flatMap((column) =>
    column.articles.flatMap((article) => [
      ...[article.title, article.subtitle, article.byline].flatMap((text) => (text ? reportSuspects([text], file) : [])),
      ...article.body.flatMap((block) => textsOf(block).flatMap((pieces) => reportSuspects(pieces, file))),
    ]),
  );
}

export function importConversion(text: string, options: ImportOptions): Result<ImportedIssue> {
  const { file } = options;
  const blocks = readBlocks(text);
  const toc = readPrintedToc(blocks);
  const start = bodyStart(blocks, toc.end);
  const footerAt = blocks.findIndex((block, index) => index >= start && (block.kind === 'rule' || opensFooter(block)));
  const end = footerAt < 0 ? blocks.length : footerAt;

  const { masthead, report: mastheadReport } = readMasthead(blocks.slice(0, toc.end > 0 ? toc.start : start), file);
  const footer = readFooter(blocks.slice(end).filter((block) => block.kind !== 'rule'));
  const body = dropPageNumbers(blocks.slice(start, end), file);
  const structure = recogniseStructure(body.blocks, toc, file);
  const diagnostics: Diagnostic[] = [...mastheadReport, ...structure.diagnostics];

  const serial = options.serial ?? masthead.serial;
  if (serial !== undefined && !(Number.isSafeInteger(serial) && serial >= 1 && serial <= MAX_SERIAL)) {
    const message = {
      zh: `期号 ${serial} 不是 1 到 ${MAX_SERIAL} 之间的整数；请用 --serial 给出`,
      en: `the serial ${serial} is not a whole number from 1 to ${MAX_SERIAL}; give it with --serial`,
    };
    diagnostics.push(error('import-missing-fact', message, { file, line: 1 }));
  }
  if (options.serial !== undefined && masthead.serial !== undefined && options.serial !== masthead.serial) {
    const message = {
      zh: `刊头写的是总第${masthead.serial}期；按要求以 ${options.serial} 导入`,
      en: `the masthead says 总第${masthead.serial}期; imported as ${options.serial} as asked`,
    };
    diagnostics.push(warning('import-serial-differs', message, { file, line: 1 }));
  }
  const need = <T>(value: T | undefined, fact: Message) => required(value, fact, file, diagnostics);
  const meta = {
    serial: need(serial, { zh: '总期号（总第…期）；请用 --serial 给出', en: 'the serial (总第…期); give it with --serial' }),
    year: need(masthead.year, { zh: '年份', en: 'the year' }),
    number: need(masthead.number, { zh: '当年期号', en: 'the issue number within the year' }),
    date: need(masthead.date, { zh: '日期（…年…月…日）', en: 'the date (…年…月…日)' }),
    distribution: {
      report: need(footer.report, { zh: '版记的“报：”行', en: 'the footer’s 报： line' }),
      send: need(footer.send, { zh: '版记的“发：”行', en: 'the footer’s 发： line' }),
    },
    printRun: need(footer.printRun, { zh: '印数（共印：…份）', en: 'the print run (共印：…份)' }),
  };
  // With a publication file, the conversion's facts are only compared with it; without one, they make it.
  const stated = statedPublication(masthead, footer);
  const publication: Publication = options.publication ?? {
    name: need(stated.name, { zh: '刊名（刊头的标题）', en: 'the publication’s name (a heading of the masthead)' }),
    classification: need(stated.classification, {
      zh: '密级标注（如 党内刊物·注意保存）',
      en: 'the classification (e.g. 党内刊物·注意保存)',
    }),
    publishers: need(stated.publishers, { zh: '主办单位', en: 'the publishers (主办单位)' }),
    office: {
      name: need(stated.office.name, { zh: '编辑部（编辑：…）', en: 'the editorial office (编辑：…)' }),
      phone: need(stated.office.phone, { zh: '编辑部的“电话：”', en: 'the office’s 电话：' }),
      address: need(stated.office.address, { zh: '编辑部的“地址：”', en: 'the office’s 地址：' }),
      fax: need(stated.office.fax, { zh: '编辑部的“传真：”', en: 'the office’s 传真：' }),
      postcode: need(stated.office.postcode, { zh: '编辑部的“邮编：”', en: 'the office’s 邮编：' }),
      email: need(stated.office.email, { zh: '编辑部的“邮箱：”', en: 'the office’s 邮箱：' }),
    },
  };
  if (hasErrors(diagnostics) || !structure.value) return { diagnostics };

  const forms = recogniseForms(structure.value, file);
  const joined = joinPageBreaks(forms.columns, file);
  const report = [
    ...diagnostics,
    ...body.report,
    ...forms.report,
    ...joined.report,
    ...suspectsIn(joined.columns, file),
    ...(options.publication ? comparePublication(stated, options.publication, file) : []),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const printed = {
    toc: toc.entries.map(({ title, byline, page }) => ({ title, ...(byline ? { byline } : {}), page })),
    pageBreaks: joined.pageBreaks,
  };
  return { value: { meta: { ...meta, printed }, publication, columns: joined.columns, report }, diagnostics: [] };
}
