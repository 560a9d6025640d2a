import path from 'node:path';
import type { Command } from 'commander';
import type { Browser } from 'puppeteer-core';
import { findBrowser } from '../../config/browser.js';
import { resolveSettings, type Settings } from '../../config/settings.js';
import { hasErrors } from '../../diagnostics.js';
import { writeAtomic } from '../../io/write-atomic.js';
import { buildIssue } from '../../pipeline.js';
import { launchBrowser } from '../../stages/paginate/browser.js';
import { consoleReporter, type Reporter } from '../reporter.js';

export interface BuildOptions {
  output?: string;
  keepHtml: boolean;
}

/** `build-issue <serial>`: build one issue to dist/<serial>.pdf. */
export async function runBuild(serial: string, options: BuildOptions, settings: Settings, report: Reporter): Promise<void> {
  let browser: Browser | undefined;
  const started = Date.now();
  try {
    const result = await buildIssue(serial, settings, async () => {
      const found = await findBrowser(process.env);
      if (!found.path) {
        report.diagnostics(found.diagnostics);
        throw new Error('no browser');
      }
      browser = await launchBrowser(found.path);
      return browser;
    });
    report.diagnostics(result.diagnostics);
    const output = path.resolve(options.output ?? path.join(settings.distDir, `${serial}.pdf`));
    if (options.keepHtml && result.html) {
      const htmlFile = output.replace(/\.pdf$/i, '') + '.html';
      await writeAtomic(htmlFile, result.html);
      report.info(`kept the laid-out HTML: ${path.relative(process.cwd(), htmlFile)}`);
    }
    if (!result.pdf || hasErrors(result.diagnostics)) {
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
      report.fail(`issue ${serial} not built: ${errors} error${errors === 1 ? '' : 's'}`);
      return;
    }
    await writeAtomic(output, result.pdf.bytes);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    report.info(`${path.relative(process.cwd(), output)}: ${result.pdf.pageCount} pages in ${seconds} s`);
  } finally {
    await browser?.close();
  }
}

/** The default command: `build-issue <serial> [options]`. */
export function registerBuild(program: Command): void {
  program
    .argument('<serial>', 'the issue’s serial (总期号), e.g. 453')
    .option('-o, --output <file>', 'write the PDF here instead of dist/<serial>.pdf')
    .option('--keep-html', 'also write the HTML that was laid out, next to the PDF', false)
    .action(async (serial: string, options: BuildOptions) => {
      const report = consoleReporter();
      try {
        await runBuild(serial, options, resolveSettings(process.env, process.cwd()), report);
      } catch (cause) {
        report.fail(cause instanceof Error ? cause.message : String(cause));
      }
    });
}
