import { Help, type Command, type Option } from 'commander';
import { printable } from './printable.js';

/**
 * How every command presents its help and its usage errors: a boolean option's
 * `false` default is not shown (it is what leaving the flag out means), and a
 * usage error carries the same `build-issue:` prefix as every other failure.
 */
export function presentCommands(program: Command): Command {
  return program
    .configureHelp({
      optionDescription(option: Option) {
        if (option.defaultValue === false) return option.description;
        return Help.prototype.optionDescription.call(this, option);
      },
    })
    .configureOutput({
      // Commander's messages repeat what was typed (an unknown option, a bad argument): control characters escaped.
      writeOut: (text) => process.stdout.write(printable(text, { lines: true })),
      writeErr: (text) => process.stderr.write(printable(text, { lines: true })),
      outputError: (text, write) => write(`${program.name()}: ${text.replace(/^error: /, '')}`),
    })
    .showSuggestionAfterError(true);
}

/** After the root command's options: examples and the environment it reads. */
export const ROOT_HELP_AFTER = `
Examples:
  build-issue 453                  build issues/453/issue.md into dist/453.pdf
  build-issue 440-453 --jobs 2     build the issues from 440 to 453 that exist
  build-issue 453 --proof          also write PNGs of the pages to dist/453.proof/
  build-issue lint 453 --fix       check the text; fix what is certainly right
  build-issue preflight x.pdf      check any PDF as a print shop would
  build-issue new 454              start issue 454 from 453 (next number, today's date)
  build-issue preview 454 --open   its pages in the browser, following every save
  build-issue help lint            the options of one command

Environment:
  PUPPETEER_EXECUTABLE_PATH, CHROME_PATH
                                   the Chromium to lay out with (default /usr/bin/chromium)
  SOURCE_DATE_EPOCH                the date written into PDFs (default: the issue's date)
  BUILD_ISSUE_EDITIONS             a folder of style editions to use instead of build-issue's own
  BUILD_ISSUE_DEFAULT_EDITION      the edition of issues that name none (default 2023)
  BUILD_ISSUE_BROWSER_TIMEOUT      seconds the browser may take to start (default 20)
  CI                               when set, progress is one plain line per issue, no live bar

Documentation: docs/editors.md, docs/diagnostics.md (every rule id), docs/print-shop.md, docs/security.md.`;
