import { execFile } from 'node:child_process';
import { devNull } from 'node:os';
import { type Diagnostic, error, warning } from '../../../diagnostics.js';
import type { Message } from '../../../message.js';
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
    execFile(
      'qpdf',
      ['--decode-level=all', '--compress-streams=n', pdfFile, devNull],
      { maxBuffer: 16 * 1024 * 1024 },
      (cause, stdout, stderr) => {
        const code = cause ? ((cause as NodeJS.ErrnoException).code ?? 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** The syntax check: the structure as qpdf read it, and the content streams as the page walk read them. */
export function checkSyntax(structure: StructureOutcome, contentErrors: readonly string[], file: string): CheckResult {
  // The reader's findings name pages, streams and bytes in English: the Chinese text quotes them after saying what they mean.
  const diagnostics: Diagnostic[] = contentErrors.map((problem) =>
    error(
      'preflight-content-syntax',
      {
        zh: `页面内容有读不出来的地方，这里的文字或图形可能印不出来或印错（读取细节：“${problem}”）`,
        en: `cannot read the content: ${problem}`,
      },
      { file },
    ),
  );
  const content: Message =
    contentErrors.length === 0
      ? { zh: '页面内容可读', en: 'content streams read' }
      : { zh: '页面内容有错', en: 'content streams with errors' };
  if (structure.code === 'ENOENT') {
    const message = {
      zh: '没有安装 qpdf，未检查文件结构（apt-get install qpdf）',
      en: 'qpdf is not installed, so the file structure was not checked (apt-get install qpdf)',
    };
    diagnostics.push(warning('preflight-syntax-unchecked', message, { file }));
    return {
      name: 'syntax',
      summary: { zh: `未检查结构（没有安装 qpdf）；${content.zh}`, en: `structure not checked (qpdf is not installed); ${content.en}` },
      diagnostics,
    };
  }
  if (structure.code === 0) {
    return {
      name: 'syntax',
      summary: { zh: `qpdf：结构和流编码都没有错误；${content.zh}`, en: `qpdf: no structure or stream encoding errors; ${content.en}` },
      diagnostics,
    };
  }
  const lines = structure.output
    .split('\n')
    .filter((line) => /^(WARNING|ERROR|qpdf:)|error|warning/i.test(line))
    .slice(0, 5);
  const detail = lines.join('; ') || structure.output.trim().split('\n').slice(-2).join('; ');
  const report = structure.code === 3 ? warning : error;
  const what =
    structure.code === 3
      ? 'PDF 的文件结构有小毛病（qpdf 能自行修补），有的印厂软件可能读错；最好重新生成这个 PDF'
      : 'PDF 的文件结构有错误（交叉引用表、对象或数据流坏了），印厂软件可能读错或拒收；请重新生成这个 PDF';
  diagnostics.unshift(report('preflight-syntax', { zh: `${what}（qpdf 原文：“${detail}”）`, en: `qpdf: ${detail}` }, { file }));
  const found = structure.code === 3 ? { zh: '结构有警告', en: 'warnings' } : { zh: '结构有错误', en: 'errors' };
  return {
    name: 'syntax',
    summary: { zh: `qpdf：${found.zh}；${content.zh}`, en: `qpdf: structure ${found.en}; ${content.en}` },
    diagnostics,
  };
}
