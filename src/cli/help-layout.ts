/**
 * How commander lays out a command's help, in the run's language: its
 * section headings, the default and the choices after an option's
 * description, and lines wrapped by the columns a terminal gives each
 * character (a Chinese character takes two, and a line of Chinese may break
 * between any two characters, but not before a closing mark or after an
 * opening one). Commander writes the rest of the help from the descriptions
 * each command gives it, already in the run's language.
 */
import { type Argument, Help, type HelpConfiguration, type Option } from 'commander';
import { displayWidth } from '../excerpt.js';
import type { Lang, Message } from '../message.js';

/** Commander's section headings, each at the start of its own line of the help it formats. */
const HEADINGS: [RegExp, Message][] = [
  [/^Usage: /m, { zh: '用法：', en: 'Usage: ' }],
  [/^Arguments:$/m, { zh: '参数：', en: 'Arguments:' }],
  [/^Options:$/m, { zh: '选项：', en: 'Options:' }],
  [/^Commands:$/m, { zh: '命令：', en: 'Commands:' }],
];

const DEFAULT: Message = { zh: '默认：', en: 'default: ' };
const CHOICES: Message = { zh: '可选：', en: 'choices: ' };

/** Marks a line may not start with, and marks a line may not end with. */
const CLOSING = new Set('，。、；：？！）》」』”’】〉…—');
const OPENING = new Set('（《「『“‘【〈');

/** Whether a line may break between `before` and `after`: after a space, or next to a wide (Chinese) character. */
function breaksBetween(before: string, after: string): boolean {
  if (CLOSING.has(after) || OPENING.has(before) || /\s/.test(after)) return false;
  return /\s/.test(before) || displayWidth(before) === 2 || displayWidth(after) === 2;
}

/** `text` in lines of at most `width` columns (a word wider than that stands alone on its line). */
export function wrapColumns(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let word = '';
  const place = () => {
    if (line.trim() !== '' && displayWidth((line + word).trimEnd()) > width) {
      lines.push(line.trimEnd());
      line = word.trimStart();
    } else line += word;
    word = '';
  };
  let before = '';
  for (const ch of text) {
    if (word !== '' && breaksBetween(before, ch)) place();
    word += ch;
    before = ch;
  }
  place();
  lines.push(line.trimEnd());
  return lines;
}

/** After a description: its choices and its default, in parentheses of the run's language. */
function withExtras(description: string, extras: string[], lang: Lang): string {
  if (extras.length === 0) return description;
  const [open, separator, close] = lang === 'zh' ? ['（', '，', '）'] : [' (', ', ', ')'];
  return `${description}${open}${extras.join(separator)}${close}`;
}

function extrasOf(item: Option | Argument, showDefault: boolean, lang: Lang): string[] {
  const extras: string[] = [];
  if (item.argChoices) {
    const choices = lang === 'zh' ? item.argChoices.join('、') : item.argChoices.map((c) => JSON.stringify(c)).join(', ');
    extras.push(CHOICES[lang] + choices);
  }
  if (showDefault && item.defaultValue !== undefined)
    extras.push(DEFAULT[lang] + (item.defaultValueDescription ?? JSON.stringify(item.defaultValue)));
  return extras;
}

/**
 * The help's layout for `lang`. A boolean option's `false` default is not
 * shown (it is what leaving the flag out means); every other default is shown
 * once, after its description.
 */
export function helpLayout(lang: Lang): HelpConfiguration {
  return {
    formatHelp(command, helper) {
      let text = Help.prototype.formatHelp.call(this, command, helper);
      for (const [heading, said] of HEADINGS) text = text.replace(heading, said[lang]);
      return text;
    },
    optionDescription(option) {
      // As commander: an option's default is shown when it takes a value, or when it is a boolean one's true.
      const takesValue = option.required || option.optional;
      return withExtras(option.description, extrasOf(option, takesValue || option.defaultValue === true, lang), lang);
    },
    argumentDescription(argument) {
      return withExtras(argument.description, extrasOf(argument, true, lang), lang);
    },
    wrap(text, width, indent, minColumnWidth = 40) {
      // As commander's: text with lines of its own (the examples), or too narrow a column, is left as it is.
      if (/\n[ \t]+/.test(text) || width - indent < minColumnWidth) return text;
      const [first, ...rest] = wrapColumns(text.slice(indent), width - indent);
      return [text.slice(0, indent) + first, ...rest.map((line) => ' '.repeat(indent) + line)].join('\n');
    },
  };
}
