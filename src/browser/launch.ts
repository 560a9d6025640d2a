import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import type { Browser } from 'puppeteer-core';
import { removeScratch, scratchDir } from '../io/scratch.js';
import type { Message } from '../message.js';
import { ISSUE_ORIGIN, issueServer } from './issue-server.js';
import { pipeTransport } from './pipe-transport.js';
import { connect } from './puppeteer.js';

/**
 * The flags puppeteer.launch() gives headless Chrome (puppeteer.defaultArgs in
 * puppeteer-core 24; a test keeps this list in step with it).
 */
export const PUPPETEER_DEFAULT_ARGS = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
  '--headless=new',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
];

/**
 * Ours on top: no GPU, unhinted glyphs, and no network. Every host name,
 * and every address typed as one, resolves to nothing, so Chromium makes no
 * DNS query and opens no connection through its network stack, whatever
 * asks: its own services (sign-in's ListAccounts, update checks) or a page
 * (a prefetch, a preconnect, a WebSocket); all but the one name that layout
 * pages read their issues from, which goes to this process's issue server on
 * 127.0.0.1, at its port whatever port a URL names (issue-server.ts). The
 * page's own requests are also refused and reported (load-only.ts, and the
 * host document's Content-Security-Policy); WebRTC, which does not go through
 * that stack, is turned off in the profile (PROFILE_PREFERENCES).
 */
const BUILD_ISSUE_ARGS = ['--disable-gpu', '--disable-quic', '--disable-component-update', '--font-render-hinting=none'];

const hostResolverRules = (issuePort: number) =>
  `--host-resolver-rules=MAP ${new URL(ISSUE_ORIGIN).hostname} 127.0.0.1:${issuePort}, MAP * ~NOTFOUND`;

/**
 * Features turned off on top of puppeteer's: Chromium preloads the
 * omnibox's pop-up as a WebUI page in a renderer of its own, about 0.45 s of
 * CPU at every start, taken from the issue's own layout on a small machine
 * (later puppeteers turn them off too: puppeteer/puppeteer#15278); and it
 * asks a Google server for the time.
 */
const DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'NetworkTimeServiceQuerying'];

/**
 * The profile's preferences, written before Chromium starts: WebRTC may use
 * no UDP but through a proxy, and there is none, so a page cannot send STUN
 * or mDNS packets; no sign-in.
 */
const PROFILE_PREFERENCES = {
  webrtc: { ip_handling_policy: 'disable_non_proxied_udp', multiple_routes_enabled: false, nonproxied_udp_enabled: false },
  signin: { allowed: false },
};

/** Chromium reads only the last --disable-features, so ours join puppeteer's list. */
function chromiumArgs(issuePort: number): string[] {
  return [...PUPPETEER_DEFAULT_ARGS, ...BUILD_ISSUE_ARGS, hostResolverRules(issuePort)].map((arg) =>
    arg.startsWith('--disable-features=') ? `${arg},${DISABLED_FEATURES.join(',')}` : arg,
  );
}

/** Chromium did not start: it ended at once (browser-failed) or never answered (browser-timeout). */
export class ChromiumStartError extends Error {
  constructor(
    /** What went wrong, for the person who runs the build (the error's message is its English text). */
    readonly text: Message,
    readonly rule: 'browser-failed' | 'browser-timeout',
  ) {
    super(text.en);
  }
}

export interface LaunchOptions {
  /** Ends the start at once (Ctrl-C): Chromium is killed and the launch rejects with the signal's reason. */
  signal?: AbortSignal;
  /** How long Chromium may take to answer, in ms. Default 20 s (it takes under a second). */
  startTimeout?: number;
  /** Processes of its own for the renderer and Chromium's services even without a sandbox (see ONE_PROCESS). */
  separateProcesses?: boolean;
}

/**
 * Run without a sandbox (as root, where Chromium cannot have one), Chromium
 * runs in one process: the renderer, the GPU and network services as threads
 * of the browser, and no zygote. Each process of its own paid for its start
 * (loading and relocating the browser's binary, its own set-up) and its
 * messages to the others: started in one, Chromium is ready for the first
 * layout sooner and with much less CPU (docs/performance.md). It crashed
 * while taking a screenshot after a print, which nothing does any more (the
 * proofs are drawn by pdftoppm). A renderer inside the browser's process
 * cannot be sandboxed, so run as any other user Chromium keeps its
 * processes and its sandbox; BUILD_ISSUE_BROWSER_PROCESSES=separate keeps
 * them as root too. Chromium calls this mode unsupported; the PDFs are the
 * same to the byte (test/e2e/browser-processes.test.ts), and the whole test
 * suite runs in it.
 */
const ONE_PROCESS = ['--single-process', '--no-zygote'];

/** A Chromium this process started, and the way to end it. */
export interface Chromium {
  browser: Browser;
  /** Ends Chromium, waits until it has exited, and removes its scratch profile. */
  close(): Promise<void>;
}

/**
 * Starts Chromium and drives it over a pipe (--remote-debugging-pipe), as
 * puppeteer.launch() would, without puppeteer's launcher (see puppeteer.ts).
 * Run as root (as in CI), Chromium needs --no-sandbox, and runs in one
 * process (ONE_PROCESS).
 */
export async function launchChromium(executablePath: string, options: LaunchOptions = {}): Promise<Chromium> {
  const { signal, startTimeout = 20_000, separateProcesses = false } = options;
  signal?.throwIfAborted();
  const { port } = await issueServer().catch((cause: Error) => {
    const text = {
      zh: `无法在 127.0.0.1 上打开排版页面读取本期内容的端口（${cause.message}）`,
      en: `cannot open the port on 127.0.0.1 that layout pages read issues from (${cause.message})`,
    };
    throw new ChromiumStartError(text, 'browser-failed');
  });
  const profile = await scratchDir('chromium');
  await mkdir(path.join(profile, 'Default'));
  await writeFile(path.join(profile, 'Default', 'Preferences'), JSON.stringify(PROFILE_PREFERENCES));
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const args = [
    ...chromiumArgs(port),
    ...(asRoot ? ['--no-sandbox', ...(separateProcesses ? [] : ONE_PROCESS)] : []),
    `--user-data-dir=${profile}`,
    '--remote-debugging-pipe',
    'about:blank',
  ];
  // A process group of its own, so that all of Chromium's processes end together (see kill).
  const child = spawn(executablePath, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? `exit code ${code}`));
    child.once('error', (cause) => resolve(cause.message));
  });
  // Never leave a Chromium behind, even when this process ends by an exception
  // (if it is killed outright, Chromium ends when its pipe closes). The whole
  // group at once: a helper process outliving the browser by a moment could
  // still be writing to the profile while it is removed.
  const kill = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // ended already
    }
  };
  process.once('exit', kill);
  const cleanUp = async () => {
    await exited;
    process.off('exit', kill);
    await removeScratch(profile);
  };

  const transport = pipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const endedAtOnce = (how: string) => {
    const said = stderr.trim().split('\n').slice(-3).join(' ');
    return new ChromiumStartError(
      {
        zh: `Chromium（${executablePath}）一启动就退出了（${how}）${said ? `：${said}` : ''}；请运行 build-issue doctor 检查`,
        en: `Chromium (${executablePath}) ended as it started (${how})${said ? `: ${said}` : ''}`,
      },
      'browser-failed',
    );
  };
  const failedToStart = exited.then((how): never => {
    throw endedAtOnce(how);
  });
  // A browser that never answers would be waited for as long as any DevTools call (180 s).
  const waiting = new AbortController();
  const timedOut = delay(startTimeout, undefined, { signal: waiting.signal }).then((): never => {
    const check = `${executablePath} --headless=new --dump-dom about:blank`;
    const seconds = startTimeout / 1000;
    throw new ChromiumStartError(
      {
        zh: `Chromium（${executablePath}）启动后 ${seconds} 秒内没有响应；请检查它能否运行：${check}`,
        en: `Chromium (${executablePath}) did not answer within ${seconds} s of starting; check that it runs: ${check}`,
      },
      'browser-timeout',
    );
  });
  const aborted = new Promise<never>((_, reject) =>
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true, signal: waiting.signal }),
  );
  try {
    // No Network events: nothing here uses them, and each carried the issue's
    // inlined fonts whole (requests are refused through Fetch: load-only.ts).
    const browser = await Promise.race([connect({ transport, networkEnabled: false }), failedToStart, timedOut, aborted]);
    waiting.abort();
    return {
      browser,
      // Killed rather than closed: its profile is scratch and all it made has
      // been read, and closing spent 0.1–0.17 s of CPU (writing the profile,
      // shutting renderers down) beside the build's last checks.
      close: async () => {
        kill();
        await cleanUp();
      },
    };
  } catch (cause) {
    waiting.abort();
    if (cause instanceof ChromiumStartError || signal?.aborted) {
      kill();
      await cleanUp();
      throw cause;
    }
    // A Chromium that ends at once also closes the pipe, which may be heard
    // before its exit: the exit, if it comes, says what went wrong.
    const how = await Promise.race([exited, delay(500)]);
    kill();
    await cleanUp();
    throw how === undefined ? cause : endedAtOnce(how);
  }
}
