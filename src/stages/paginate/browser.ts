import puppeteer, { type Browser } from 'puppeteer-core';

/**
 * Chromium flags: headless, no sandbox when run as root (as in CI), and no
 * background traffic, since rendering must make no network requests.
 */
const ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--font-render-hinting=none',
];

export async function launchBrowser(executablePath: string): Promise<Browser> {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: asRoot ? [...ARGS, '--no-sandbox'] : ARGS,
    // Puppeteer's own handlers would exit on a signal before any finally runs;
    // the run's AbortSignal closes the browser instead (cli/commands/build.ts).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}
