import { access, constants } from 'node:fs/promises';
import { error, type Diagnostic } from '../diagnostics.js';

export const BROWSER_ENV = ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const;
const DEFAULT_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium to lay out with: named by an environment variable, else a Debian install. */
export async function findBrowser(env: NodeJS.ProcessEnv): Promise<{ path?: string; diagnostics: Diagnostic[] }> {
  for (const name of BROWSER_ENV) {
    const value = env[name];
    if (value) {
      const ok = await access(value, constants.X_OK).then(() => true, () => false);
      if (ok) return { path: value, diagnostics: [] };
      return { diagnostics: [error('browser-missing', `${name}=${value} is not an executable file`, { file: name })] };
    }
  }
  for (const candidate of DEFAULT_PATHS) {
    if (await access(candidate, constants.X_OK).then(() => true, () => false)) return { path: candidate, diagnostics: [] };
  }
  return {
    diagnostics: [
      error('browser-missing', 'no Chromium found: install it with “apt-get install -y chromium”, or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium', { file: 'PUPPETEER_EXECUTABLE_PATH' }),
    ],
  };
}
