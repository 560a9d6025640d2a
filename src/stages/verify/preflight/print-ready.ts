import path from 'node:path';
import type { Diagnostic } from '../../../diagnostics.js';
import type { Message } from '../../../message.js';
import { paddingNote } from '../../finish/binding.js';
import type { FinalPdf } from '../../finish/finish.js';
import type { PrintOptions } from '../../finish/print-options.js';
import { preflight } from './preflight.js';
import { checkLabel, checkMark, verdict } from './report.js';

export interface PrintReadiness {
  passed: boolean;
  /** Lines for the build's output: the padding, the preflight's verdict. */
  lines: Message[];
  diagnostics: Diagnostic[];
}

/**
 * What every build does with its PDF before writing it: preflight it as the
 * print shop will (a failure fails the build), and say what was padded.
 * A build with --no-pad is not for saddle stitching, so there a page count
 * off a multiple of 4 only warns. An image below the resolution print wants
 * the build has reported already, by its file and source line
 * (image-resolution), which the preflight of the PDF cannot name.
 */
export async function checkPrintReady(pdf: FinalPdf, output: string, print: PrintOptions): Promise<PrintReadiness> {
  const file = path.relative(process.cwd(), output);
  const checked = await preflight(pdf.bytes, { file, requireMultipleOf4: print.pad });
  const report = { ...checked, diagnostics: checked.diagnostics.filter((d) => d.rule !== 'preflight-image-resolution') };
  const padding = pdf.blankPages > 0 ? paddingNote(pdf.blankPages, pdf.pageCount) : undefined;
  const lines: Message[] = padding ? [{ zh: `${file}：${padding.zh}`, en: `${file}: ${padding.en}` }] : [];
  const said = verdict(report);
  const marks = (lang: 'zh' | 'en') => report.checks.map((c) => `${checkMark(c)} ${checkLabel(c)[lang]}`).join(lang === 'zh' ? '，' : ', ');
  lines.push({ zh: `${file}：${said.zh}（${marks('zh')}）`, en: `${file}: ${said.en} (${marks('en')})` });
  return { passed: report.passed, lines, diagnostics: report.diagnostics };
}
