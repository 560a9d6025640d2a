import type { Block } from './types.js';

/** What the distribution footer (报尾/版记) and the editorial contacts under it state. */
export interface Footer {
  report?: string;
  send?: string;
  printRun?: number;
  office: Partial<Record<'name' | 'phone' | 'address' | 'fax' | 'postcode' | 'email', string>>;
}

const LABELS: Record<string, (footer: Footer, value: string) => void> = {
  报: (f, v) => (f.report = v),
  发: (f, v) => (f.send = v),
  共印: (f, v) => (f.printRun = /\d+/.test(v) ? Number(/\d+/.exec(v)![0]) : undefined),
  编辑: (f, v) => (f.office.name = v),
  电话: (f, v) => (f.office.phone = v),
  地址: (f, v) => (f.office.address = v),
  传真: (f, v) => (f.office.fax = v),
  邮编: (f, v) => (f.office.postcode = v),
  邮箱: (f, v) => (f.office.email = v),
};

/** A label at the start of a line or after a space: `报：…`, `… 电话：…`. */
const LABEL = new RegExp(`(?:^|\\s)(${Object.keys(LABELS).join('|')})[：:]`, 'g');

/** Whether a paragraph opens the footer (`报：…`, `发：…`, `共印：…`). */
export function opensFooter(block: Block): boolean {
  return block.kind === 'paragraph' && /^(报|发|共印)[：:]/.test(block.lines[0]?.text ?? '');
}

/** Reads `label：value` pairs; several may share a line (`编辑：… 电话：…`). */
export function readFooter(blocks: readonly Block[]): Footer {
  const footer: Footer = { office: {} };
  for (const { text } of blocks.flatMap((block) => block.lines)) {
    const labels = [...text.matchAll(LABEL)];
    labels.forEach((match, index) => {
      const value = text.slice(match.index! + match[0].length, labels[index + 1]?.index ?? text.length).trim();
      if (value) LABELS[match[1]!]!(footer, value);
    });
  }
  return footer;
}
