import { access, constants, realpath } from 'node:fs/promises';
import { type Diagnostic, error } from '../diagnostics.js';

export const BROWSER_ENV = ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const;
const DEFAULT_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Debian's /usr/bin/chromium is a shell script that sources /etc/chromium.d
 * before it runs the browser: Google API keys (sign-in and sync), and
 * --enable-remote-extensions, which drops its own
 * --disable-background-networking. The browser it runs is started directly.
 */
const LAUNCHER_SCRIPTS: Record<string, string> = { '/usr/bin/chromium': '/usr/lib/chromium/chromium' };

const executable = (file: string): Promise<boolean> =>
  access(file, constants.X_OK).then(
    () => true,
    () => false,
  );

/** The browser a launcher script would run, when it is one build-issue knows; else the file itself. */
async function unwrapped(file: string): Promise<string> {
  const real = await realpath(file).catch(() => file);
  const browser = LAUNCHER_SCRIPTS[real];
  return browser && (await executable(browser)) ? browser : file;
}

/** The Chromium to lay out with: named by an environment variable, else a Debian install. */
export async function findBrowser(env: NodeJS.ProcessEnv): Promise<{ path?: string; diagnostics: Diagnostic[] }> {
  for (const name of BROWSER_ENV) {
    const value = env[name];
    if (value) {
      if (await executable(value)) return { path: await unwrapped(value), diagnostics: [] };
      const message = { zh: `${name}=${value} 不是可执行的文件；请改为 Chromium 的路径`, en: `${name}=${value} is not an executable file` };
      return { diagnostics: [error('browser-missing', message, { file: name })] };
    }
  }
  for (const candidate of DEFAULT_PATHS) {
    if (await executable(candidate)) return { path: await unwrapped(candidate), diagnostics: [] };
  }
  return {
    diagnostics: [
      error(
        'browser-missing',
        {
          zh: '找不到 Chromium：请用“apt-get install -y chromium”安装，或把 PUPPETEER_EXECUTABLE_PATH 设为 Chrome 或 Chromium 的路径',
          en: 'no Chromium found: install it with “apt-get install -y chromium”, or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium',
        },
        { file: 'PUPPETEER_EXECUTABLE_PATH' },
      ),
    ],
  };
}

/** Whether Chromium keeps a process for each of its parts when it runs without a sandbox (browser/launch.ts: ONE_PROCESS). */
export const browserProcessesSeparate = (env: NodeJS.ProcessEnv): boolean => env.BUILD_ISSUE_BROWSER_PROCESSES === 'separate';

/** How long Chromium may take to start, in ms: BUILD_ISSUE_BROWSER_TIMEOUT seconds, default 20. */
export function browserStartTimeout(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env.BUILD_ISSUE_BROWSER_TIMEOUT);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 20_000;
}
