import { execFile } from 'node:child_process';
import { error, warning } from '../../../diagnostics.js';
import type { CheckResult } from './check.js';

/** qpdf --check: 0 clean, 2 errors, 3 warnings only. */
export async function checkSyntax(pdfFile: string, file: string): Promise<CheckResult> {
  const outcome = await new Promise<{ code: number | string; output: string }>((resolve) => {
    execFile('qpdf', ['--check', pdfFile], { maxBuffer: 16 * 1024 * 1024 }, (cause, stdout, stderr) => {
      const code = cause ? ((cause as NodeJS.ErrnoException).code ?? 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
  if (outcome.code === 'ENOENT') {
    return { name: 'syntax', summary: 'not checked: qpdf is not installed', diagnostics: [warning('preflight-syntax-unchecked', 'qpdf is not installed, so the PDF syntax was not checked (apt-get install qpdf)', { file })] };
  }
  if (outcome.code === 0) return { name: 'syntax', summary: 'qpdf --check: no syntax or stream encoding errors', diagnostics: [] };
  const lines = outcome.output.split('\n').filter((line) => /^(WARNING|ERROR|qpdf:)|error|warning/i.test(line)).slice(0, 5);
  const detail = lines.join('; ') || outcome.output.trim().split('\n').slice(-2).join('; ');
  const report = outcome.code === 3 ? warning : error;
  return { name: 'syntax', summary: `qpdf --check: ${outcome.code === 3 ? 'warnings' : 'errors'}`, diagnostics: [report('preflight-syntax', `qpdf --check: ${detail}`, { file })] };
}
