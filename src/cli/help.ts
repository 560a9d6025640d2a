import { type Command, Option } from 'commander';
import { checked, type Lang, type Message } from '../message.js';
import { helpLayout } from './help-layout.js';
import { printable } from './printable.js';

/**
 * A text of the help (a description, a default) in the run's language. Each
 * is written as a {zh, en} pair where the command declares it, and checked as
 * a message is: a help text without its Chinese is a programming mistake.
 */
export type HelpText = (text: Message) => string;

export function helpText(lang: Lang): HelpText {
  return (text) => checked(text)[lang];
}

/** Commander's usage errors in Chinese, by the form of its English text; any other stays as commander wrote it. */
const USAGE_ERRORS_ZH: [RegExp, (...parts: string[]) => string][] = [
  [/^unknown option '([^']*)'/, (flag) => `没有选项 ${flag}`],
  [/^unknown command '([^']*)'/, (name) => `没有命令 ${name}`],
  [/^missing required argument '([^']*)'/, (name) => `缺少参数 <${name}>`],
  [/^option '([^']*)' argument missing/, (flags) => `选项 ${flags} 后面缺少值`],
  [/^option '([^']*)' argument '([^']*)' is invalid\. ?/, (flags, value) => `选项 ${flags} 的值“${value}”不对：`],
  [/^too many arguments.*?Expected (\d+) arguments? but got (\d+)\./, (expected, got) => `参数太多：应有 ${expected} 个，给了 ${got} 个`],
  [/^\(Did you mean one of (.*)\?\)$/m, (like) => `（是不是 ${like.split(', ').join('、')} 之一？）`],
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
 * How every command presents its help and its usage errors, in the run's
 * language: the layout (help-layout.ts), the help option's own description,
 * and a usage error with the same `build-issue:` prefix as every other
 * failure. Set on the root command before the others are made, which take
 * their help option and layout from it.
 */
export function presentCommands(program: Command, lang: Lang): Command {
  const say = helpText(lang);
  return program
    .configureHelp(helpLayout(lang))
    .helpOption('-h, --help', say({ zh: '显示这个命令的帮助', en: 'display help for command' }))
    .configureOutput({
      // Commander's messages repeat what was typed (an unknown option, a bad argument): control characters escaped.
      writeOut: (text) => process.stdout.write(printable(text, { lines: true })),
      writeErr: (text) => process.stderr.write(printable(text, { lines: true })),
      outputError: (text, write) => write(`${program.name()}: ${usageError(text, lang)}`),
    })
    .showSuggestionAfterError(true);
}

/** `--lang`: read before commander parses (message.ts chosenLang); declared on every command so that each accepts it. */
export function langOption(lang: Lang): Option {
  const description = helpText(lang)({
    zh: '提示信息的语言：zh（中文，默认）或 en（英文）；也可用 BUILD_ISSUE_LANG 设定',
    en: 'the language of messages: zh (Chinese, the default) or en; BUILD_ISSUE_LANG sets it too',
  });
  return new Option('--lang <lang>', description).choices(['zh', 'en']);
}
