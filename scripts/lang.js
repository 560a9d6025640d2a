/**
 * Where the language of messages is asked for: `--lang <x>` or `--lang=<x>`
 * anywhere on the command line before `--` (the last one wins), else
 * BUILD_ISSUE_LANG. Plain JavaScript because the bin reads it before lib/ is
 * compiled (its first-run line is in that language too); src/message.ts
 * checks the value and chooses the language from it.
 *
 * @param {readonly string[]} args the command line after the program's name
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ value: string | undefined; from: '--lang' | 'BUILD_ISSUE_LANG' }}
 */
export function langSetting(args, env) {
  let value;
  for (let i = 0; i < args.length && args[i] !== '--'; i++) {
    const arg = args[i];
    if (arg === '--lang') value = args[i + 1];
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
  }
  return value === undefined ? { value: env.BUILD_ISSUE_LANG, from: 'BUILD_ISSUE_LANG' } : { value, from: '--lang' };
}
