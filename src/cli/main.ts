import { Command } from 'commander';
import { resolveSettings, VERSION } from '../config/settings.js';
import { runBuild } from './build-command.js';
import { consoleReporter } from './reporter.js';

const program = new Command()
  .name('build-issue')
  .description('Typeset an issue of the newsletter from issues/<serial>/issue.md into a print-ready A4 PDF.')
  .version(VERSION)
  .argument('<serial>', 'the issue’s serial (总期号), e.g. 453')
  .option('-o, --output <file>', 'write the PDF here instead of dist/<serial>.pdf')
  .option('--keep-html', 'also write the HTML that was laid out, next to the PDF', false)
  .action(async (serial: string, options: { output?: string; keepHtml: boolean }) => {
    const report = consoleReporter();
    try {
      await runBuild(serial, options, resolveSettings(process.env, process.cwd()), report);
    } catch (cause) {
      report.fail(cause instanceof Error ? cause.message : String(cause));
    }
  });

await program.parseAsync(process.argv);
