import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { preflight } from '../../stages/verify/preflight/preflight.js';
import { reportLines } from '../../stages/verify/preflight/report.js';
import { consoleReporter, reportedAction, type Reporter } from '../reporter.js';

/** `build-issue preflight <file.pdf>`: check any PDF as the print shop would; non-zero exit on a failure. */
export async function runPreflight(file: string, report: Reporter): Promise<void> {
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) {
    report.fail(`cannot read ${file}`);
    return;
  }
  const result = await preflight(bytes, { file, requireMultipleOf4: true });
  for (const line of reportLines(result)) report.info(line);
  report.diagnostics(result.diagnostics);
  if (!result.passed) report.fail(`${file} failed preflight`);
}

export function registerPreflight(program: Command): void {
  program
    .command('preflight')
    .argument('<file>', 'the PDF to check')
    .description('check a PDF as a print shop would: page sizes and boxes, page count, fonts, colour spaces, image resolution, syntax')
    .action(
      reportedAction((file: string) => runPreflight(file, consoleReporter())),
    );
}
