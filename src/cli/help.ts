import { type Command, Help, Option } from 'commander';
import type { Lang } from '../message.js';
import { printable } from './printable.js';

/** Commander's usage errors in Chinese, by the form of its English text; any other stays as commander wrote it. */
const USAGE_ERRORS_ZH: [RegExp, (...parts: string[]) => string][] = [
  [/^unknown option '([^']*)'/, (flag) => `没有选项 ${flag}`],
  [/^unknown command '([^']*)'/, (name) => `没有命令 ${name}`],
  [/^missing required argument '([^']*)'/, (name) => `缺少参数 <${name}>`],
  [/^option '([^']*)' argument missing/, (flags) => `选项 ${flags} 后面缺少值`],
  [/^option '([^']*)' argument '([^']*)' is invalid\. ?/, (flags, value) => `选项 ${flags} 的值“${value}”不对：`],
  [/^too many arguments.*?Expected (\d+) arguments? but got (\d+)\./, (expected, got) => `参数太多：应有 ${expected} 个，给了 ${got} 个`],
  [/^\(Did you mean (.*)\?\)$/m, (like) => `（是不是 ${like}？）`],
];

/** One usage error in the run's language. */
export function usageError(text: string, lang: Lang): string {
  let out = text.replace(/^error: /, '');
  if (lang === 'en') return out;
  for (const [form, zh] of USAGE_ERRORS_ZH) out = out.replace(form, (_, ...parts: string[]) => zh(...parts));
  return out;
}

/**
 * How every command presents its help and its usage errors: a boolean option's
 * `false` default is not shown (it is what leaving the flag out means), and a
 * usage error carries the same `build-issue:` prefix as every other failure,
 * in the run's language. Help texts are English only (docs/diagnostics.md says so).
 */
export function presentCommands(program: Command, lang: Lang): Command {
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
      outputError: (text, write) => write(`${program.name()}: ${usageError(text, lang)}`),
    })
    .showSuggestionAfterError(true);
}

/** `--lang`: read before commander parses (message.ts chosenLang); declared on every command so that each accepts it. */
export function langOption(): Option {
  return new Option('--lang <lang>', 'the language of messages: zh (Chinese, the default) or en; BUILD_ISSUE_LANG sets it too').choices([
    'zh',
    'en',
  ]);
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
  build-issue 453 --lang en        messages in English instead of Chinese

Environment:
  PUPPETEER_EXECUTABLE_PATH, CHROME_PATH
                                   the Chromium to lay out with (default /usr/bin/chromium)
  SOURCE_DATE_EPOCH                the date written into PDFs (default: the issue's date)
  BUILD_ISSUE_EDITIONS             a folder of style editions to use instead of build-issue's own
  BUILD_ISSUE_DEFAULT_EDITION      the edition of issues that name none (default 2023)
  BUILD_ISSUE_BROWSER_TIMEOUT      seconds the browser may take to start (default 20)
  BUILD_ISSUE_LANG                 the language of messages: zh (default) or en, as --lang
  CI                               when set, progress is one plain line per issue, no live bar

Documentation: docs/editors.md, docs/diagnostics.md (every rule id), docs/print-shop.md, docs/security.md.`;
