/** scripts/lang.js: where the language of messages is asked for (see there). */
export function langSetting(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): { value: string | undefined; from: '--lang' | 'BUILD_ISSUE_LANG' };
