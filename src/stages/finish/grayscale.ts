import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { error, type Result } from '../../diagnostics.js';
import { scratchDir } from '../../io/scratch.js';

const run = promisify(execFile);

/**
 * One-colour printing: Ghostscript's pdfwrite converts every colour to
 * DeviceGray. It keeps the fonts as embedded, subset CID TrueType (checked
 * by the preflight after every build). SOURCE_DATE_EPOCH keeps its dates
 * out of the clock; the finish stage rewrites the metadata and ids anyway.
 */
export async function toGrayscale(pdf: Uint8Array, date: Date, file: string): Promise<Result<Uint8Array>> {
  const dir = await scratchDir('gray');
  try {
    const input = path.join(dir, 'in.pdf');
    const output = path.join(dir, 'out.pdf');
    await writeFile(input, pdf);
    const args = [
      '-q',
      '-dNOPAUSE',
      '-dBATCH',
      '-dSAFER',
      '-sDEVICE=pdfwrite',
      '-sColorConversionStrategy=Gray',
      '-dProcessColorModel=/DeviceGray',
      '-o',
      output,
      input,
    ];
    const env = { ...process.env, SOURCE_DATE_EPOCH: String(Math.floor(date.getTime() / 1000)) };
    try {
      await run('gs', args, { env, maxBuffer: 16 * 1024 * 1024 });
    } catch (cause) {
      const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
      const reason = (cause as { stderr?: string }).stderr?.trim() || String(cause);
      const message = missing
        ? {
            zh: '--grayscale 需要 Ghostscript（gs），本机没有安装：apt-get install ghostscript',
            en: '--grayscale needs Ghostscript (gs), which is not installed: apt-get install ghostscript',
          }
        : {
            zh: `Ghostscript 没能把 PDF 转成灰度，没有写出 PDF（Ghostscript 原文：“${reason}”）`,
            en: `Ghostscript could not convert the PDF to grayscale: ${reason}`,
          };
      return { diagnostics: [error(missing ? 'ghostscript-missing' : 'grayscale-failed', message, { file })] };
    }
    return { value: new Uint8Array(await readFile(output)), diagnostics: [] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
