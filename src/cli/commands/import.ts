import path from 'node:path';
import type { Command } from 'commander';
import { resolveSettings, type Settings } from '../../config/settings.js';
import { type Diagnostic, error, formatDiagnostic, hasErrors } from '../../diagnostics.js';
import { readTextInput } from '../../io/read-input.js';
import type { Lang, Message } from '../../message.js';
import { helpText } from '../help.js';
import { consoleReporter, type Reporter, reportedAction } from '../reporter.js';

export interface ImportCommandOptions {
  serial?: string;
  dryRun: boolean;
}

/** “12 import-joined, 1 import-duplicate-removed, …”: what the report holds, rule by rule. */
function tally(report: readonly Diagnostic[]): Message {
  const counts = new Map<string, number>();
  for (const d of report) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
  if (counts.size === 0) return { zh: '没有要复核的', en: 'nothing to review' };
  return {
    zh: [...counts].map(([rule, n]) => `${rule} ${n} 处`).join('，'),
    en: [...counts].map(([rule, n]) => `${n} ${rule}`).join(', '),
  };
}

/** `build-issue import <file>`: bring a back issue in from the Markdown conversion of its printed PDF. */
export async function runImport(file: string, options: ImportCommandOptions, settings: Settings, report: Reporter): Promise<void> {
  // Imported when an import runs: `--help` and `--version` load none of it.
  const [{ importConversion }, { writeImportedIssue }, { loadIssue, PUBLICATION_FILE }, { parsePublication }, { MAX_SERIAL }] =
    await Promise.all([
      import('../../stages/import/import-conversion.js'),
      import('../../stages/import/write-folder.js'),
      import('../../stages/load/load-issue.js'),
      import('../../stages/load/publication.js'),
      import('../../stages/load/front-matter.js'),
    ]);
  const rootDir = process.cwd();
  const conversion = path.relative(rootDir, path.resolve(file));
  if (options.serial !== undefined && !(/^[1-9]\d*$/.test(options.serial) && Number(options.serial) <= MAX_SERIAL)) {
    const message = {
      zh: `--serial 要写 1 到 ${MAX_SERIAL} 之间的整数，如 453，不能是“${options.serial}”`,
      en: `--serial must be a whole number from 1 to ${MAX_SERIAL}, such as 453, not “${options.serial}”`,
    };
    return report.failWith([error('import-serial', message, { file: conversion })]);
  }
  const read = await readTextInput(file, conversion);
  if (!read.value) return report.failWith(read.diagnostics);
  const text = read.value.text;
  const publicationText = (await readTextInput(path.join(settings.issuesDir, PUBLICATION_FILE), PUBLICATION_FILE)).value?.text;
  const publication = publicationText === undefined ? undefined : parsePublication(publicationText, PUBLICATION_FILE).value;

  const imported = importConversion(text, {
    file: conversion,
    serial: options.serial === undefined ? undefined : Number(options.serial),
    publication,
  });
  report.diagnostics(imported.diagnostics);
  if (!imported.value) {
    const errors = imported.diagnostics.filter((d) => d.severity === 'error').length;
    report.fail({ zh: `${conversion} 没有导入：${errors} 个错误`, en: `${conversion} not imported: ${errors} errors` });
    return;
  }
  // The repairs are the import's result (stdout), not problems: one line each, without excerpts.
  for (const d of imported.value.report) report.data(formatDiagnostic(d, report.lang));
  const { serial } = imported.value.meta;
  const found = tally(imported.value.report);
  report.info({ zh: `${conversion}：第 ${serial} 期，${found.zh}`, en: `${conversion}: issue ${serial}, ${found.en}` });
  if (options.dryRun) return;

  const written = await writeImportedIssue(imported.value, { issuesDir: settings.issuesDir, rootDir, conversion });
  report.diagnostics(written.diagnostics);
  if (!written.value) {
    report.fail({ zh: `${conversion} 没有导入`, en: `${conversion} not imported` });
    return;
  }
  report.info({ zh: `已写入 ${written.value.join('、')}`, en: `wrote ${written.value.join(', ')}` });
  // Ready to build means the loader takes it as it is.
  const loaded = await loadIssue(String(serial), { issuesDir: settings.issuesDir, rootDir, defaultEdition: settings.defaultEdition });
  report.diagnostics(loaded.diagnostics);
  if (hasErrors(loaded.diagnostics))
    report.fail({ zh: `第 ${serial} 期已写入，但读取时出错，见上`, en: `issue ${serial} was written but does not load; see above` });
}

export function registerImport(program: Command, lang: Lang): void {
  const say = helpText(lang);
  program
    .command('import')
    .description(
      say({
        zh: '从往期印本 PDF 转成的 Markdown 导入一期，列出每一处修补和每一处疑似转换错误',
        en: 'bring a back issue in from the Markdown conversion of its printed PDF, reporting every repair and every suspected conversion error',
      }),
    )
    .argument('<file>', say({ zh: '转换得到的 Markdown 文件', en: 'the conversion (Markdown)' }))
    .option(
      '--serial <n>',
      say({ zh: '这一期的总期号（刊头没有或写错时用）', en: 'the issue’s serial (总期号), when the masthead lacks it or has it wrong' }),
    )
    .option('--dry-run', say({ zh: '只列出报告，不写任何文件', en: 'print the report only; write nothing' }), false)
    .action(
      reportedAction(lang, (file: string, options: ImportCommandOptions) =>
        runImport(file, options, resolveSettings(process.env, process.cwd()), consoleReporter(lang)),
      ),
    );
}
