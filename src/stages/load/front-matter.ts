import { error, type Place, type Result } from '../../diagnostics.js';
import { readPrintedRecord } from './printed-record.js';
import type { IssueDocument, IssueMeta } from './types.js';
import { YamlFields } from './yaml-fields.js';

export interface SplitSource {
  yaml: string;
  /** The Markdown after the closing `---`, preceded by blank lines so its line numbers are the file's. */
  markdown: string;
}

/** Separates `---`-fenced YAML front matter from the Markdown body. */
export function splitFrontMatter(text: string, file: string): Result<SplitSource> {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') {
    return {
      diagnostics: [
        error(
          'front-matter-missing',
          { zh: '文件开头要有前置信息，写在两行“---”之间', en: 'the file must start with front matter between two “---” lines' },
          { file, line: 1, column: 1 },
        ),
      ],
    };
  }
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end < 0) {
    return {
      diagnostics: [
        error(
          'front-matter-unclosed',
          { zh: '前置信息缺少结尾的“---”行', en: 'front matter has no closing “---” line' },
          { file, line: 1, column: 1 },
        ),
      ],
    };
  }
  return {
    value: {
      yaml: lines.slice(1, end).join('\n'),
      markdown: '\n'.repeat(end + 1) + lines.slice(end + 1).join('\n'),
    },
    diagnostics: [],
  };
}

/** YYYY-MM-DD that names a day of the calendar: Date rolls 2023-02-30 over to March, which this refuses. */
function isCalendarDate(iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The largest serial (总期号) an issue may have. */
export const MAX_SERIAL = 999_999;

const FIELDS = ['serial', 'year', 'number', 'date', 'distribution', 'print_run', 'edition', 'printed'];

/** Validates the issue's own facts. `serial` must agree with the folder the issue lives in. */
export function parseIssueMeta(yaml: string, file: string, options: { folderSerial: string; defaultEdition: string }): Result<IssueMeta> {
  const fields = new YamlFields(yaml, file, 1);
  fields.rejectUnknown([], FIELDS);
  fields.rejectUnknown(['distribution'], ['report', 'send']);
  const serial = fields.integer(['serial'], { min: 1, max: MAX_SERIAL });
  if (serial !== undefined && String(serial) !== options.folderSerial) {
    fields.report(['serial'], 'serial-mismatch', {
      zh: `写的是 ${serial}，但这一期在 issues/${options.folderSerial} 文件夹里；两者要一致`,
      en: `is ${serial} but the issue's folder is issues/${options.folderSerial}`,
    });
  }
  const year = fields.integer(['year'], { min: 1949, max: 2999 });
  const number = fields.integer(['number'], { min: 1, max: 99 });
  const date = fields.string(['date'], {
    pattern: /^\d{4}-\d{2}-\d{2}$/,
    hint: { zh: 'YYYY-MM-DD，如 2023-09-20', en: 'YYYY-MM-DD, e.g. 2023-09-20' },
  });
  if (date && !isCalendarDate(date))
    fields.report(['date'], 'field-format', { zh: `“${date}”不是日历上的日期`, en: `“${date}” is not a calendar date` });
  if (date && year !== undefined && !date.startsWith(String(year))) {
    fields.report(['date'], 'date-year-mismatch', {
      zh: `${date} 不在本期的年份 ${year} 年`,
      en: `${date} is not in the issue's year ${year}`,
    });
  }
  const report = fields.string(['distribution', 'report'], { hint: { zh: '报：…', en: '报：…' } });
  const send = fields.string(['distribution', 'send'], { hint: { zh: '发：…', en: '发：…' } });
  const printRun = fields.integer(['print_run'], { min: 1, max: 10_000_000 });
  const edition = fields.string(['edition'], {
    optional: true,
    pattern: /^\w[\w.-]*$/,
    hint: { zh: '版式名，如 2023', en: 'a style edition name such as 2023' },
  });
  const printed = readPrintedRecord(fields);
  if (
    fields.diagnostics.length > 0 ||
    serial === undefined ||
    year === undefined ||
    number === undefined ||
    !date ||
    !report ||
    !send ||
    printRun === undefined
  ) {
    return { diagnostics: fields.diagnostics };
  }
  return {
    value: {
      serial,
      year,
      number,
      date,
      distribution: { report, send },
      printRun,
      edition: edition ?? options.defaultEdition,
      ...(printed ? { printed } : {}),
      positions: {
        serial: fields.position(['serial']),
        year: fields.position(['year']),
        number: fields.position(['number']),
        date: fields.position(['date']),
        report: fields.position(['distribution', 'report']),
        send: fields.position(['distribution', 'send']),
        printRun: fields.position(['print_run']),
        edition: fields.position(['edition']),
      },
    },
    diagnostics: [],
  };
}

/** Where an issue names its edition (its `edition:` line), or its front matter's first line when it takes the default. */
export function editionPlace(doc: Pick<IssueDocument, 'file' | 'meta'>): Place {
  return { file: doc.file, ...(doc.meta.positions?.edition ?? { line: 2 }) };
}
