/**
 * build-issue preview as an editor uses it: started in a scratch copy of
 * issues/, its page opened in a real browser, the issue edited, broken and
 * fixed while the page watches; then stopped with Ctrl-C. Its server is
 * probed with raw HTTP.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile, readlink, stat, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'puppeteer-core';
import type { PreviewState } from '../../src/preview/state.js';
import { cli, workspace } from '../helpers/build.js';
import { startBrowser } from '../helpers/chromium.js';
import { getJson, type RunningPreview, startPreview } from '../helpers/preview.js';
import { alive, processTree } from '../helpers/processes.js';

const LONG = 180_000;
const FIRST_PARAGRAPH = '中央宣传部、中央组织部近日联合印发';

/** The text of every page the viewer has drawn. */
const drawnText = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('.textLayer'))
      .map((layer) => layer.textContent)
      .join(''),
  );

async function waitForText(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (wanted: string) => Array.from(document.querySelectorAll('.textLayer')).some((layer) => layer.textContent?.includes(wanted)),
    { timeout: LONG, polling: 100 },
    text,
  );
}

/** The Chromium processes under the preview, and the scratch folders they use (profile, and the singleton socket's folder). */
async function chromiumOf(preview: RunningPreview): Promise<{ pids: number[]; folders: string[] }> {
  const chromium = processTree(preview.child.pid!).filter((p) => /chrom/i.test(p.command));
  const profiles = [...new Set(chromium.map((p) => /--user-data-dir=(\S+)/.exec(p.command)?.[1]).filter((dir) => dir !== undefined))];
  const sockets = await Promise.all(profiles.map((dir) => readlink(path.join(dir, 'SingletonSocket')).then(path.dirname, () => undefined)));
  return { pids: chromium.map((p) => p.pid), folders: [...profiles, ...sockets.filter((dir) => dir !== undefined)] };
}

async function assertCleanExit(
  preview: RunningPreview,
  chromium: { pids: number[]; folders: string[] },
  signal: NodeJS.Signals,
): Promise<void> {
  assert.ok(chromium.pids.length > 0, 'no Chromium was running under the preview');
  preview.child.kill(signal);
  assert.equal(await preview.exited, 0, preview.output().stderr);
  await sleep(300); // let the last children be reaped
  assert.deepEqual(chromium.pids.filter(alive), [], 'Chromium processes outlived the preview');
  const left = [];
  for (const folder of chromium.folders)
    if (
      await stat(folder).then(
        () => true,
        () => false,
      )
    )
      left.push(folder);
  assert.deepEqual(left, [], 'scratch folders were left behind');
}

describe('build-issue preview in a real browser', () => {
  let dir: string;
  let file: string;
  let original: string;
  let preview: RunningPreview;
  let viewer: Awaited<ReturnType<typeof startBrowser>>;
  let page: Page;
  const consoleErrors: string[] = [];

  before(async () => {
    dir = await workspace();
    file = path.join(dir, 'issues', '453', 'issue.md');
    original = await readFile(file, 'utf8');
    preview = await startPreview(dir, ['453']);
    viewer = await startBrowser();
    page = await viewer.browser.newPage();
    await page.setViewport({ width: 1280, height: 1000 });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    await page.goto(preview.url);
  });

  after(async () => {
    await viewer?.close();
    if (preview?.child.exitCode === null) preview.child.kill('SIGKILL');
  });

  test('shows the issue’s pages: the PDF a build writes, and /build.json says so', async () => {
    await page.waitForFunction(() => document.documentElement.dataset.shownBuild, { timeout: LONG });
    await waitForText(page, '中宣部中组部印发意见');
    const state = await getJson<PreviewState>(preview, '/build.json');
    assert.equal(state.serial, '453');
    assert.equal(state.ok, true);
    assert.equal(state.pages, 16);
    assert.deepEqual(state.diagnostics, []);
    assert.ok(!Number.isNaN(Date.parse(state.builtAt!)), `builtAt ${state.builtAt}`);
    assert.ok(typeof state.durationMs === 'number' && state.durationMs > 0);
    assert.match(preview.output().stdout, /^453: 16 pages in \d+\.\d\d s$/m);

    // The preview's PDF is the one `build-issue 453` writes, to the byte.
    const shown = Buffer.from(await (await fetch(new URL('/issue.pdf', preview.url))).arrayBuffer());
    const built = await cli(['453', '--no-lint', '-o', path.join(dir, 'built.pdf')], dir);
    assert.equal(built.code, 0, built.stderr);
    assert.ok(shown.equals(await readFile(path.join(dir, 'built.pdf'))), 'the preview shows another PDF than the build writes');
    await assert.rejects(stat(path.join(dir, 'dist', '453.pdf')), 'the preview wrote dist/453.pdf');
  });

  test('the viewer speaks the preview’s language: English with BUILD_ISSUE_LANG=en, Chinese by default', async () => {
    const words = (p: Page) =>
      p.evaluate(() => [
        document.getElementById('status')!.textContent,
        document.getElementById('spreads')!.textContent,
        document.documentElement.lang,
      ]);
    const [status, spreads, lang] = await words(page);
    assert.match(status!, /^16 pages · built /);
    assert.deepEqual([spreads, lang], ['spreads', 'en']);
    const chinese = await startPreview(dir, ['453'], { BUILD_ISSUE_LANG: undefined });
    const other = await viewer.browser.newPage();
    try {
      await other.goto(chinese.url);
      await other.waitForFunction(() => document.getElementById('status')!.textContent!.startsWith('16 页'), { timeout: LONG });
      const [, spreadsZh, langZh] = await words(other);
      assert.deepEqual([spreadsZh, langZh], ['对页', 'zh-CN']);
    } finally {
      await other.close();
      chinese.child.kill('SIGINT');
    }
  });

  test('at fit width, pages are placed and drawn again when their room narrows (as when a scrollbar appears)', async () => {
    // The sheets in the window, each drawn at the size it is placed at, and no row wider than the room.
    const fitted = (narrowerThan: number) =>
      page.waitForFunction(
        (limit: number) => {
          const room = document.getElementById('pages')!.clientWidth;
          const sheets = Array.from(document.querySelectorAll<HTMLElement>('.slot:not(.blank) .sheet')).filter(
            (s) => s.getBoundingClientRect().top < innerHeight,
          );
          return (
            sheets.length > 0 &&
            Array.from(document.querySelectorAll('.row')).every((row) => row.scrollWidth <= room) &&
            sheets.every((sheet) => {
              const canvas = sheet.querySelector('canvas');
              const width = parseFloat(sheet.style.width);
              return width < limit && canvas?.width === Math.floor(width * devicePixelRatio) && sheet.querySelector('.textLayer');
            })
          );
        },
        { timeout: LONG, polling: 100 },
        narrowerThan,
      );
    const before = await page.evaluate(() => parseFloat(document.querySelector<HTMLElement>('.slot:not(.blank) .sheet')!.style.width));
    // The window keeps its size: only the room for the pages narrows.
    await page.evaluate(() => (document.getElementById('pages')!.style.marginRight = '120px'));
    await fitted(before - 30);
    await page.evaluate(() => (document.getElementById('pages')!.style.marginRight = ''));
    await fitted(before + 1);
  });

  test('an edit to the issue appears on the page', async () => {
    await writeFile(file, original.replace(FIRST_PARAGRAPH, `${FIRST_PARAGRAPH}预览新字`));
    await waitForText(page, '预览新字');
  });

  test('a broken file shows its diagnostic with a caret under the column, over the last pages', async () => {
    await writeFile(file, original.replace(FIRST_PARAGRAPH, `${FIRST_PARAGRAPH}预览,新字`));
    const item = await page.waitForSelector('#problems:not([hidden]) li.error', { timeout: LONG });
    const line = original.split('\n').findIndex((l) => l.includes(FIRST_PARAGRAPH)) + 1;
    const column = original.split('\n')[line - 1]!.indexOf(FIRST_PARAGRAPH) + FIRST_PARAGRAPH.length + 3;
    const shown = await item!.evaluate((li) => ({
      text: li.textContent ?? '',
      // Where the caret is drawn, and where the character at the column is drawn in the line above it.
      caretLeft: li.querySelector('.caret')!.getBoundingClientRect().left,
      markLeft: (() => {
        const excerpt = li.querySelector('.excerpt')!;
        const lineText = Array.from(excerpt.childNodes).find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(','))!;
        const range = document.createRange();
        const at = lineText.textContent!.indexOf(',');
        range.setStart(lineText, at);
        range.setEnd(lineText, at + 1);
        return range.getBoundingClientRect().left;
      })(),
    }));
    assert.ok(shown.text.includes(`issues/453/issue.md:${line}:${column}`), shown.text);
    assert.ok(shown.text.includes('halfwidth-punctuation'), shown.text);
    assert.ok(Math.abs(shown.caretLeft - shown.markLeft) < 1, `the caret is at ${shown.caretLeft}px, the comma at ${shown.markLeft}px`);
    // The last good pages stay.
    assert.ok((await drawnText(page)).includes('预览新字'));
    const state = await getJson<PreviewState>(preview, '/build.json');
    assert.equal(state.ok, false);
    assert.equal(state.pages, 16);
    const [diagnostic] = state.diagnostics;
    assert.deepEqual(
      { rule: diagnostic?.rule, line: diagnostic?.line, column: diagnostic?.column },
      { rule: 'halfwidth-punctuation', line, column },
    );
    assert.ok(diagnostic?.excerpt?.text.includes('预览,新字'), JSON.stringify(diagnostic?.excerpt));
    assert.match(preview.output().stderr, new RegExp(`issues/453/issue.md:${line}:${column} halfwidth-punctuation`));
  });

  test('fixing the file clears the diagnostics and shows the new pages', async () => {
    await writeFile(file, original.replace(FIRST_PARAGRAPH, `${FIRST_PARAGRAPH}预览，改好`));
    await page.waitForSelector('#problems[hidden]', { timeout: LONG });
    await waitForText(page, '预览，改好');
    const state = await getJson<PreviewState>(preview, '/build.json');
    assert.equal(state.ok, true);
    assert.deepEqual(state.diagnostics, []);
    assert.deepEqual(consoleErrors, []);
  });

  test('a Chromium that dies in the middle of a build is started again and the build run again, its scratch folders removed', async () => {
    const lost = await chromiumOf(preview);
    const main = processTree(preview.child.pid!).find(
      (p) => p.pid !== preview.child.pid && /chrom/i.test(p.command) && lost.pids.includes(p.pid),
    );
    const done = (await getJson<PreviewState>(preview, '/build.json')).builds;
    await writeFile(file, original.replace(FIRST_PARAGRAPH, `${FIRST_PARAGRAPH}浴火重生`));
    while (!(await getJson<PreviewState>(preview, '/build.json')).building) await sleep(20);
    await sleep(500); // past loading and linting: the build is in Chromium
    process.kill(main!.pid, 'SIGKILL');
    let state: PreviewState;
    while ((state = await getJson<PreviewState>(preview, '/build.json')).builds === done) await sleep(50);
    assert.deepEqual({ ok: state.ok, diagnostics: state.diagnostics }, { ok: true, diagnostics: [] });
    await waitForText(page, '浴火重生');
    const left = [];
    for (const folder of lost.folders)
      if (
        await stat(folder).then(
          () => true,
          () => false,
        )
      )
        left.push(folder);
    assert.deepEqual(left, []);
  });

  test('Ctrl-C stops it: no Chromium left, no scratch folders', async () => {
    await assertCleanExit(preview, await chromiumOf(preview), 'SIGINT');
    assert.match(preview.output().stderr, /preview: stopping/);
  });
});

/** A raw HTTP/1.1 request, as a browser or an attacker could send it; the status and the body. */
async function raw(port: number, requestLine: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string }> {
  const socket = connect(port, '127.0.0.1');
  let response = '';
  socket.on('data', (chunk: Buffer) => (response += chunk.toString('latin1')));
  const closed = new Promise((resolve) => socket.on('close', resolve));
  socket.write(`${requestLine}\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
  await closed;
  const [head = '', body = ''] = response.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), body };
}

describe('the preview server', () => {
  let preview: RunningPreview;

  before(async () => {
    preview = await startPreview(await workspace(), ['453']);
  });
  after(() => {
    if (preview?.child.exitCode === null) preview.child.kill('SIGKILL');
  });

  test('listens on 127.0.0.1 only', async () => {
    const hex = preview.port.toString(16).toUpperCase().padStart(4, '0');
    const listening = [await readFile('/proc/net/tcp', 'utf8'), await readFile('/proc/net/tcp6', 'utf8').catch(() => '')]
      .join('\n')
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[1]?.endsWith(`:${hex}`) && fields[3] === '0A');
    assert.deepEqual(
      listening.map((fields) => fields[1]),
      [`0100007F:${hex}`],
    );
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4');
    for (const address of others) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect(preview.port, address!.address);
        socket.on('connect', () => {
          socket.destroy();
          resolve(false);
        });
        socket.on('error', () => resolve(true));
      });
      assert.ok(refused, `reachable on ${address!.address}`);
    }
  });

  test('serves nothing outside the preview: no path traversal, encoded or not', async () => {
    const attempts = [
      '/../../etc/passwd',
      '/../../../../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/..%5c..%5cetc%5cpasswd',
      '/%252e%252e/etc/passwd',
      '//etc/passwd',
      '/etc/passwd',
      '/pdfjs/../../../package.json',
      '/pdfjs/..%2f..%2fpackage.json',
      '/pdfjs/pdf.min.mjs/../../package.json',
      '/viewer.js%00.png',
      '/package.json',
      '/issues/453/issue.md',
      '/src/preview/server.ts',
    ];
    for (const target of attempts) {
      const { status, body } = await raw(preview.port, `GET ${target} HTTP/1.1`);
      assert.equal(status, 404, target);
      assert.doesNotMatch(body, /root:|"name": "build-issue"|serial: 453|createServer/, target);
    }
    const absolute = await raw(preview.port, `GET http://127.0.0.1:${preview.port}/../../etc/passwd HTTP/1.1`);
    assert.notEqual(absolute.status, 200);
    assert.doesNotMatch(absolute.body, /root:/);
    assert.equal((await raw(preview.port, 'GET /build.json HTTP/1.1')).status, 200);
  });

  test('answers only GET and HEAD, and only to its own address', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])
      assert.equal((await raw(preview.port, `${method} /build.json HTTP/1.1`)).status, 405, method);
    const head = await raw(preview.port, 'HEAD /build.json HTTP/1.1');
    assert.deepEqual(head, { status: 200, body: '' });
    // A page elsewhere that points a name of its own at 127.0.0.1 (DNS rebinding) gets nothing.
    assert.equal((await raw(preview.port, 'GET /build.json HTTP/1.1', `attacker.example:${preview.port}`)).status, 403);
    assert.equal((await raw(preview.port, 'GET /build.json HTTP/1.1', `localhost:${preview.port}`)).status, 200);
  });

  test('a port in use is named', async () => {
    const second = await cli(['preview', '453', '--port', String(preview.port)], await workspace());
    assert.equal(second.code, 1);
    assert.match(
      second.stderr,
      new RegExp(
        `^--port preview-port-in-use port ${preview.port} of 127.0.0.1 is in use: choose another, or leave --port out for a free one$`,
        'm',
      ),
    );
    assert.equal(second.stdout, '');
  });

  test('SIGTERM stops it cleanly, even in the middle of a build', async () => {
    let chromium = await chromiumOf(preview);
    for (let tries = 0; tries < 600 && chromium.pids.length === 0; tries++) {
      await sleep(50);
      chromium = await chromiumOf(preview);
    }
    await assertCleanExit(preview, chromium, 'SIGTERM');
  });
});

describe('build-issue preview --open', () => {
  const running: RunningPreview[] = [];
  after(() => {
    for (const preview of running) if (preview.child.exitCode === null) preview.child.kill('SIGKILL');
  });

  /** Starts a preview with --open and this PATH, and waits for what it says about opening. */
  async function openWith(dir: string, PATH: string): Promise<RunningPreview> {
    const preview = await startPreview(dir, ['453', '--open'], { PATH });
    running.push(preview);
    for (let tries = 0; tries < 600 && !/preview: (opened|no system browser)/.test(preview.output().stderr); tries++) await sleep(50);
    return preview;
  }

  test('opens the address with the system’s opener, or says there is none', async () => {
    const dir = await workspace();
    const bin = path.join(dir, 'bin');
    await mkdir(bin);
    // The opener's side of the contract, as xdg-open has it: one argument, the URL (written down with shell built-ins only).
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${0%/*} is the shell's, in a script written to a file
    await writeFile(path.join(bin, 'xdg-open'), '#!/bin/sh\nprintf "%s\\n" "$@" > "${0%/*}/opened"\n', { mode: 0o755 });
    const opened = await openWith(dir, bin);
    assert.match(opened.output().stderr, /preview: opened http:\/\/127\.0\.0\.1:\d+\/ with xdg-open/);
    assert.equal(await readFile(path.join(bin, 'opened'), 'utf8'), `${opened.url}\n`);
    opened.child.kill('SIGINT');
    assert.equal(await opened.exited, 0);

    const none = await openWith(dir, path.join(dir, 'issues'));
    assert.match(
      none.output().stderr,
      /preview: no system browser to open here \(xdg-open not found\): open http:\/\/127\.0\.0\.1:\d+\/ yourself/,
    );
    none.child.kill('SIGINT');
    assert.equal(await none.exited, 0);
  });
});
