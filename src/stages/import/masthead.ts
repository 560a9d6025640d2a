import { type Diagnostic, warning } from '../../diagnostics.js';
import { plainText } from './conversion-blocks.js';
import type { Block } from './types.js';

/** What a printed masthead (报头) states. Any fact may be missing from a conversion. */
export interface Masthead {
  name: string[];
  classification?: string;
  publishers: string[];
  serial?: number;
  year?: number;
  number?: number;
  date?: string;
}

const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const SERIAL = /总\s*第?\s*(\d+)\s*期/;
const YEAR_AND_NUMBER = /(\d{4})\s*年\s*第\s*(\d{1,2})\s*期/;
const YEAR = /^(\d{4})\s*年?$/;
const NUMBER = /^第?\s*(\d{1,2})\s*期?$/;
const CLASSIFICATION = /刊物|注意保存|内部资料|秘密|机密/;
/** Publishers are bodies: 宣传部, 讲师团, 党校, 委员会… */
const PUBLISHER = /(部|团|委|厅|局|办|会|院|校|处|室|中心|所|社)$/;

const pad = (n: string) => n.padStart(2, '0');

/** Reads the masthead line by line; a line it cannot place is reported, never guessed into a field. */
export function readMasthead(blocks: readonly Block[], file: string): { masthead: Masthead; report: Diagnostic[] } {
  const masthead: Masthead = { name: [], publishers: [] };
  const report: Diagnostic[] = [];
  for (const block of blocks) {
    for (const { text: raw, line } of block.lines) {
      const text = plainText(raw);
      const date = DATE.exec(text);
      const serial = SERIAL.exec(text);
      const yearAndNumber = YEAR_AND_NUMBER.exec(text);
      if (date) masthead.date = `${date[1]}-${pad(date[2]!)}-${pad(date[3]!)}`;
      if (serial) masthead.serial = Number(serial[1]);
      if (yearAndNumber) [masthead.year, masthead.number] = [Number(yearAndNumber[1]), Number(yearAndNumber[2])];
      if (date || serial || yearAndNumber) continue;
      if (YEAR.test(text)) masthead.year = Number(YEAR.exec(text)![1]);
      else if (NUMBER.test(text)) masthead.number = Number(NUMBER.exec(text)![1]);
      else if (CLASSIFICATION.test(text) && !masthead.classification) masthead.classification = text;
      else if (block.kind === 'heading' && masthead.name.length === 0) masthead.name = text.split(/\s+/);
      else if (PUBLISHER.test(text)) masthead.publishers.push(text);
      else
        report.push(
          warning(
            'import-masthead-line',
            { zh: `“${text}”不是刊头要记的信息；已略去`, en: `“${text}” is not a masthead fact the issue keeps; left out` },
            { file, line },
          ),
        );
    }
  }
  return { masthead, report };
}
