/**
 * The command line. Each command lives in commands/<name>.ts and registers
 * itself here; `build-issue <serial>` (no command name) builds an issue. A
 * command imports its code when it runs, so `--help` and `--version` load
 * none of it. The language of every message, the help's too, is chosen
 * here, once, before the commands are declared.
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
import { helpText, langOption, presentCommands } from './help.js';
import { consoleReporter } from './reporter.js';
import { ROOT_HELP_AFTER } from './root-help.js';

const { lang, problem } = chosenLang(process.argv.slice(2), process.env);
if (problem) {
  consoleReporter(lang).fail(problem);
  process.exit(2);
}

const say = helpText(lang);
const program = presentCommands(new Command().name('build-issue'), lang)
  .description(
    say({
      zh: '把 issues/<serial>/issue.md 排成一期内刊可以付印的 A4 PDF。',
      en: 'Typeset an issue of the newsletter from issues/<serial>/issue.md into a print-ready A4 PDF.',
    }),
  )
  .option(
    '-V, --version',
    say({
      zh: '列出 build-issue、浏览器、Paged.js、Node 的版本',
      en: 'print the versions of build-issue, the browser, Paged.js and Node',
    }),
  )
  // The build's options (--json …) belong to it alone, so that a command may
  // have an option of the same name: `build-issue lint 453 --json`.
  .enablePositionalOptions()
  // The root command builds, so commander would take `help lint` for serials.
  .helpCommand('help [command]', say({ zh: '显示一个命令的帮助', en: 'display help for command' }))
  .addHelpText('after', say(ROOT_HELP_AFTER));

registerBuild(program, lang);
registerLint(program, lang);
registerImport(program, lang);
registerPreflight(program, lang);
registerDoctor(program, lang);
registerPreview(program, lang);
registerNew(program, lang);
// --lang was read above; every command accepts it, before or after its arguments.
// An argument more than a command takes is a usage error (commander 12 drops it silently).
for (const command of [program, ...program.commands]) command.addOption(langOption(lang)).allowExcessArguments(false);

// The root command is the build command: `help build` shows its help, as `help` does.
const helpAt = process.argv.indexOf('help', 2);
await program.parseAsync(helpAt !== -1 && process.argv[helpAt + 1] === 'build' ? process.argv.toSpliced(helpAt + 1, 1) : process.argv);
