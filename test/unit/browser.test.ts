/**
 * build-issue starts Chromium itself (browser/launch.ts) with the
 * flags puppeteer.launch() would give it; these tests keep the two in step,
 * check that it leaves nothing behind, and that a Chromium that cannot start
 * is reported, not waited for.
 */
import assert from 'node:assert/strict';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import puppeteer, { Browser, CDPSession, Page, Target } from 'puppeteer-core';
import { ISSUE_ORIGIN } from '../../src/browser/issue-server.js';
import { type ChromiumStartError, launchChromium, PUPPETEER_DEFAULT_ARGS } from '../../src/browser/launch.js';
import { takeLayoutPage } from '../../src/browser/layout-pages.js';
import { loadOnly } from '../../src/browser/load-only.js';
import { browserProcessesSeparate } from '../../src/config/browser.js';
import { socketFolderOf } from '../../src/io/scratch.js';
import { browserPath, startChromium } from '../helpers/chromium.js';
import { alive, processTree } from '../helpers/processes.js';
import { scratchDir } from '../helpers/scratch.js';

describe('launching Chromium', () => {
  test('uses the flags puppeteer.launch() would use for headless Chrome', () => {
    const theirs = puppeteer.defaultArgs({ headless: true }).filter((arg) => arg !== 'about:blank');
    assert.deepEqual(PUPPETEER_DEFAULT_ARGS, theirs);
  });

  test('starts no page but the one it lays out on (no WebUI omnibox pop-up preloaded beside it)', async () => {
    const chromium = await startChromium();
    try {
      // The pop-up is preloaded a moment after start.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const urls = chromium.browser
        .targets()
        .filter((target) => target.type() !== 'browser')
        .map((target) => target.url());
      assert.deepEqual(urls, ['about:blank']);
    } finally {
      await chromium.close();
    }
  });

  test('as root, where it has no sandbox, runs in one process; with separateProcesses, or as another user, in several', async () => {
    assert.equal(browserProcessesSeparate({ BUILD_ISSUE_BROWSER_PROCESSES: 'separate' }), true);
    assert.equal(browserProcessesSeparate({}), false);
    const root = process.getuid?.() === 0;
    const chromiumProcesses = () =>
      processTree(process.pid).filter((p) => p.command.includes('--user-data-dir=') || p.command.includes('--type='));
    for (const separateProcesses of [false, true]) {
      const chromium = await launchChromium(await browserPath(), { separateProcesses });
      try {
        await takeLayoutPage(chromium.browser);
        const types = chromiumProcesses().map((p) => /--type=([a-z-]+)/.exec(p.command)?.[1] ?? 'browser');
        if (root && !separateProcesses) assert.deepEqual(types, ['browser']);
        else assert.ok(types.includes('renderer') && types.includes('zygote'), types.join(' '));
      } finally {
        await chromium.close();
      }
    }
  });

  test('leaves nothing behind in the temporary folder (its profile, its singleton socket)', async () => {
    // Only this process's own: other builds on the machine make and remove theirs meanwhile.
    const ours = async () =>
      (await readdir(tmpdir()))
        .filter((name) => name.startsWith(`build-issue-chromium-${process.pid}-`))
        .map((name) => path.join(tmpdir(), name));
    const chromium = await startChromium();
    const profiles = await ours();
    const sockets = (await Promise.all(profiles.map(socketFolderOf))).filter((folder) => folder !== undefined);
    await chromium.close();
    assert.equal(profiles.length, 1, 'Chromium made no profile in the temporary folder: nothing was checked');
    assert.equal(sockets.length, 1, 'the profile links to no socket folder: nothing was checked');
    const left = [];
    for (const folder of [...profiles, ...sockets]) if (await stat(folder).catch(() => undefined)) left.push(folder);
    assert.deepEqual(left, []);
  });

  test('connects, through puppeteer’s build without its launcher, to a browser driven by the public API alone', async () => {
    const chromium = await startChromium();
    try {
      // The same classes as puppeteer-core's entry point exports (browser/puppeteer.ts).
      const { browser } = chromium;
      assert.ok(browser instanceof Browser);
      assert.ok(browser.targets().every((target) => target instanceof Target));
      const { page } = await takeLayoutPage(browser);
      assert.ok(page instanceof Page);
      const session = await page.createCDPSession();
      assert.ok(session instanceof CDPSession);
      assert.equal((await session.send('Runtime.evaluate', { expression: '6 * 7', returnByValue: true })).result.value, 42);
    } finally {
      await chromium.close();
    }
  });

  test('a browser that ends at once is an error that says so', async () => {
    await assert.rejects(launchChromium('/bin/false'), /Chromium \(\/bin\/false\) ended as it started \(exit code 1\)/);
  });

  test('a browser that never answers is given up after its start-up timeout, and nothing of it is left', async () => {
    const dir = await scratchDir('build-issue-mute-');
    const mute = path.join(dir, 'chromium');
    await writeFile(mute, `#!/bin/sh\necho $$ > ${dir}/pid\nexec sleep 600\n`, { mode: 0o755 });
    const started = performance.now();
    await assert.rejects(
      launchChromium(mute, { startTimeout: 800 }),
      (cause: ChromiumStartError) => cause.rule === 'browser-timeout' && /did not answer within 0.8 s/.test(cause.message),
    );
    assert.ok(performance.now() - started < 5000);
    const pid = Number(await readFile(path.join(dir, 'pid'), 'utf8'));
    assert.equal(alive(pid), false, 'the browser process was left running');
    assert.deepEqual(
      (await readdir(tmpdir())).filter((name) => name.startsWith(`build-issue-chromium-${process.pid}-`)),
      [],
    );
  });

  test('a start is ended at once by an abort (Ctrl-C)', async () => {
    const dir = await scratchDir('build-issue-mute-');
    const mute = path.join(dir, 'chromium');
    await writeFile(mute, '#!/bin/sh\nexec sleep 600\n', { mode: 0o755 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('interrupted')), 300);
    const started = performance.now();
    await assert.rejects(launchChromium(mute, { signal: controller.signal }), /interrupted/);
    assert.ok(performance.now() - started < 3000);
  });

  test('a browser that is not there is an error too', async () => {
    await assert.rejects(launchChromium('/nonexistent/chromium'), /ended as it started .*ENOENT/);
  });

  test('a page loads only what it is allowed to, and the rest is reported', async () => {
    const dir = await scratchDir('build-issue-load-only-');
    const file = (name: string) => pathToFileURL(path.join(dir, name)).href;
    await writeFile(path.join(dir, 'allowed.css'), 'body { color: rgb(1, 2, 3); }');
    await writeFile(path.join(dir, 'refused.css'), 'body { background: rgb(4, 5, 6); }');
    const pixel = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
    await writeFile(
      path.join(dir, 'page.html'),
      `<link rel="stylesheet" href="allowed.css"><link rel="stylesheet" href="refused.css"><img id="inline" src="${pixel}"><img src="http://127.0.0.1:9/remote.png">`,
    );
    const chromium = await startChromium();
    try {
      const page = await chromium.browser.newPage();
      const gate = await loadOnly(page, (url) => url === file('page.html') || url === file('allowed.css'));
      await page.goto(file('page.html'), { waitUntil: 'load' });
      const seen = await page.evaluate(() => ({
        color: getComputedStyle(document.body).color,
        background: getComputedStyle(document.body).backgroundColor,
        inline: (document.getElementById('inline') as HTMLImageElement).naturalWidth,
      }));
      await gate.stop();
      assert.deepEqual(seen, { color: 'rgb(1, 2, 3)', background: 'rgba(0, 0, 0, 0)', inline: 1 });
      assert.deepEqual([...gate.blocked].sort(), [file('refused.css'), 'http://127.0.0.1:9/remote.png']);
    } finally {
      await chromium.close();
    }
  });

  test('a layout page reads an issue offered to it once, from the issue server; a second read is refused and reported', async () => {
    const chromium = await startChromium();
    try {
      const { page, gate, issues } = await takeLayoutPage(chromium.browser);
      const url = issues.offer(Buffer.from('<p>第四五三期</p>'));
      const read = (url: string) =>
        page.evaluate(
          (url: string) =>
            fetch(url).then(
              (r) => r.text(),
              (e: Error) => `refused: ${e.name}`,
            ),
          url,
        );
      assert.equal(await read(url), '<p>第四五三期</p>');
      assert.equal(await read(url), 'refused: TypeError');
      // Another port named on the issue origin, and the server's own address: the host document's policy refuses them before they are asked.
      assert.equal(await read(`${ISSUE_ORIGIN}:9/x.html`), 'refused: TypeError');
      assert.equal(await read(`http://127.0.0.1:${issues.port}/x.html`), 'refused: TypeError');
      await gate.stop();
      assert.deepEqual(gate.blocked, [url]);
    } finally {
      await chromium.close();
    }
  });

  test('a layout page opens on its host document with Paged.js loaded, print media set, and nothing refused', async () => {
    const chromium = await startChromium();
    try {
      const { page, gate } = await takeLayoutPage(chromium.browser);
      const state = await page.evaluate(() => ({
        host: location.pathname.endsWith('/page/host.html'),
        paged: typeof (window as unknown as { Paged?: { Previewer?: unknown } }).Paged?.Previewer,
        handlers: (window as unknown as { buildIssueOwnHandlers?: number }).buildIssueOwnHandlers,
        print: matchMedia('print').matches,
      }));
      assert.deepEqual({ ...state, handlers: (state.handlers ?? 0) > 0 }, { host: true, paged: 'function', handlers: true, print: true });
      assert.deepEqual(gate.blocked, []);
    } finally {
      await chromium.close();
    }
  });

  test('lays issues out in hidden pages, which are not painted to a screen', async () => {
    const chromium = await startChromium();
    try {
      const visibility = (page: Page) => page.evaluate(() => document.visibilityState);
      const { page: first } = await takeLayoutPage(chromium.browser);
      const { page: second } = await takeLayoutPage(chromium.browser);
      assert.notEqual(first, second);
      assert.deepEqual([await visibility(first), await visibility(second)], ['hidden', 'hidden']);
    } finally {
      await chromium.close();
    }
  });
});
