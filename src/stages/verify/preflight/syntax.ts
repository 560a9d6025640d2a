import { execFile } from 'node:child_process';
import { devNull } from 'node:os';
import { error, warning, type Diagnostic } from '../../../diagnostics.js';
import type { CheckResult } from './check.js';

/** What qpdf made of the file's structure: exit code 0 clean, 2 errors, 3 warnings only. */
export interface StructureOutcome {
  code: number | string;
  output: string;
}

/**
 * The file's structure, read by qpdf: the cross-reference table, every
 * object, and every stream decoded. This is `qpdf --check` without its
 * second reading of the pages' content, which cost seven eighths of its time
 * (0.07 s a 16-page issue) and which the preflight's own walk of the pages
 * does (content-stream.ts): qpdf writes the file, its streams decoded, to
 * nowhere, as --check does before it parses the pages.
 */
export function readStructure(pdfFile: string): Promise<StructureOutcome> {
  return new Promise((resolve) => {
    execFile('qpdf', ['--decode-level=all', '--compress-streams=n', pdfFile, devNull], { maxBuffer: 16 * 1024 * 1024 }, (cause, stdout, stderr) => {
      const code = cause ? ((cause as NodeJS.ErrnoException).code ?? 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

/** The syntax check: the structure as qpdf read it, and the content streams as the page walk read them. */
export function checkSyntax(structure: StructureOutcome, contentErrors: readonly string[], file: string): CheckResult {
  const diagnostics: Diagnostic[] = contentErrors.map((problem) => error('preflight-content-syntax', `cannot read the content: ${problem}`, { file }));
  const content = contentErrors.length === 0 ? 'content streams read' : 'content streams with errors';
  if (structure.code === 'ENOENT') {
    diagnostics.push(warning('preflight-syntax-unchecked', 'qpdf is not installed, so the file structure was not checked (apt-get install qpdf)', { file }));
    return { name: 'syntax', summary: `structure not checked (qpdf is not installed); ${content}`, diagnostics };
  }
  if (structure.code === 0) return { name: 'syntax', summary: `qpdf: no structure or stream encoding errors; ${content}`, diagnostics };
  const lines = structure.output.split('\n').filter((line) => /^(WARNING|ERROR|qpdf:)|error|warning/i.test(line)).slice(0, 5);
  const detail = lines.join('; ') || structure.output.trim().split('\n').slice(-2).join('; ');
  const report = structure.code === 3 ? warning : error;
  diagnostics.unshift(report('preflight-syntax', `qpdf: ${detail}`, { file }));
  return { name: 'syntax', summary: `qpdf: structure ${structure.code === 3 ? 'warnings' : 'errors'}; ${content}`, diagnostics };
}
