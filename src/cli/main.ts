/**
 * The command line. Each command lives in commands/<name>.ts and registers
 * itself here; `build-issue <serial>` (no command name) builds an issue. A
 * command imports its code when it runs, so `--help` and `--version` load
 * none of it. The language of every message is chosen here, once.
 */
import { Command } from 'commander';
import { chosenLang } from '../message.js';
import { registerBuild } from './commands/build.js';
import { registerDoctor } from './commands/doctor.js';
import { registerImport } from './commands/import.js';
import { registerLint } from './commands/lint.js';
import { registerNew } from './commands/new.js';
import { registerPreflight } from './commands/preflight.js';
import { registerPreview } from './commands/preview.js';
import { langOption, presentCommands, ROOT_HELP_AFTER } from './help.js';
import { consoleReporter } from './reporter.js';

const { lang, problem } = chosenLang(process.argv.slice(2), process.env);
if (problem) {
  consoleReporter(lang).fail(problem);
  process.exit(2);
}

const program = presentCommands(new Command().name('build-issue'), lang)
  .description('Typeset an issue of the newsletter from issues/<serial>/issue.md into a print-ready A4 PDF.')
  .option('-V, --version', 'print the versions of build-issue, the browser, Paged.js and Node')
  // The build's options (--json …) belong to it alone, so that a command may
  // have an option of the same name: `build-issue lint 453 --json`.
  .enablePositionalOptions()
  // The root command builds, so commander would take `help lint` for serials.
  .helpCommand(true)
  .addHelpText('after', ROOT_HELP_AFTER);

registerBuild(program, lang);
registerLint(program, lang);
registerImport(program, lang);
registerPreflight(program, lang);
registerDoctor(program, lang);
registerPreview(program, lang);
registerNew(program, lang);
// --lang was read above; every command accepts it, before or after its arguments.
for (const command of [program, ...program.commands]) command.addOption(langOption());

await program.parseAsync(process.argv);
