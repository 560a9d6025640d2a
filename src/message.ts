/**
 * What build-issue says to a person, in both languages it speaks: Chinese
 * (the default; its editors are Chinese) and English (`--lang en`). Both
 * texts are written side by side where the message is made, and only the
 * reporter in cli/ picks one, so no stage needs to know the language.
 */
import { langSetting } from '../scripts/lang.js';

export interface Message {
  zh: string;
  en: string;
}

export type Lang = keyof Message;

export const LANGS: readonly Lang[] = ['zh', 'en'];

const HAN = /\p{Script=Han}/u;

/**
 * Checks a message as it is made: a message without Chinese (empty, or English
 * left in the `zh` field) is a programming mistake, so it throws at once.
 */
export function checked(message: Message): Message {
  if (!HAN.test(message.zh)) throw new Error(`message without a Chinese text: ${JSON.stringify(message)}`);
  if (message.en.trim() === '') throw new Error(`message without an English text: ${JSON.stringify(message)}`);
  return message;
}

/** A message with both texts (checked as `checked` does). */
export function msg(zh: string, en: string): Message {
  return checked({ zh, en });
}

/** What is wrong, then what to write instead: “…；…” in Chinese, “…; …” in English. */
export function withHint(what: Message, hint: Message): Message {
  return { zh: `${what.zh}；${hint.zh}`, en: `${what.en}; ${hint.en}` };
}

/**
 * The language of the run: `--lang <zh|en>` anywhere on the command line
 * (before `--`), else BUILD_ISSUE_LANG, else Chinese. Read once, by the CLI,
 * before commander builds its help and parses, so that the help and even the
 * usage errors are in it.
 */
export function chosenLang(args: readonly string[], env: NodeJS.ProcessEnv): { lang: Lang; problem?: Message } {
  const { value, from } = langSetting(args, env);
  if (value === undefined || value === '') return { lang: 'zh' };
  if ((LANGS as readonly string[]).includes(value)) return { lang: value as Lang };
  return {
    lang: 'zh',
    problem: msg(
      `${from} 只能是 zh（中文）或 en（英文），不能是“${value}”`,
      `${from} must be zh (Chinese) or en (English), not “${value}”`,
    ),
  };
}
