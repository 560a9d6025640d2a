/**
 * The CLI's issue server (browser/issue-server.ts), read over a real socket:
 * bound to 127.0.0.1, it serves each offered issue once, at a URL of its own,
 * and answers anything else 404.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { describe, test } from 'node:test';
import { ISSUE_ORIGIN, issueServer } from '../../src/browser/issue-server.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function ask(port: number, path: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path, method }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    sent.on('error', reject);
    sent.end();
  });
}

const pathOf = (url: string) => url.slice(ISSUE_ORIGIN.length);

describe('the issue server', () => {
  test('serves an offered issue once, as UTF-8 HTML any page may read, and then forgets it', async () => {
    const issues = await issueServer();
    const html = '<p>第四五三期</p>';
    const url = issues.offer(Buffer.from(html));
    assert.match(url, new RegExp(`^${ISSUE_ORIGIN}/[0-9a-f-]{36}\\.html$`));
    assert.equal(issues.isOffered(url), true);
    const first = await ask(issues.port, pathOf(url));
    assert.equal(first.status, 200);
    assert.equal(first.body, html);
    assert.equal(first.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(first.headers['access-control-allow-origin'], '*');
    assert.equal(issues.isOffered(url), false);
    assert.equal((await ask(issues.port, pathOf(url))).status, 404);
  });

  test('answers 404 to a path never offered and to any method but GET, and keeps the offer', async () => {
    const issues = await issueServer();
    const url = issues.offer(Buffer.from('<p>x</p>'));
    assert.equal((await ask(issues.port, '/1.html')).status, 404);
    assert.equal((await ask(issues.port, pathOf(url), 'POST')).status, 404);
    assert.equal(issues.isOffered(url), true);
    assert.equal(issues.isOffered(`http://elsewhere.invalid${pathOf(url)}`), false);
    assert.equal((await ask(issues.port, pathOf(url))).status, 200);
  });

  test('forgets an offer taken back before it was read', async () => {
    const issues = await issueServer();
    const url = issues.offer(Buffer.from('<p>x</p>'));
    issues.withdraw(url);
    assert.equal(issues.isOffered(url), false);
    assert.equal((await ask(issues.port, pathOf(url))).status, 404);
  });

  test('gives each offer a URL of its own, listens on 127.0.0.1 alone, and is one server for the process', async () => {
    const issues = await issueServer();
    assert.equal(await issueServer(), issues);
    const urls = new Set([1, 2, 3].map(() => issues.offer(Buffer.from(''))));
    assert.equal(urls.size, 3);
    // The kernel's own table of listening sockets names the address it is bound to.
    const listening = async (table: string) =>
      (await readFile(table, 'utf8'))
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter((fields) => fields[3] === '0A' && Number.parseInt(fields[1]?.split(':')[1] ?? '', 16) === issues.port)
        .map((fields) => fields[1]!.split(':')[0]);
    assert.deepEqual(await listening('/proc/net/tcp'), ['0100007F']);
    assert.deepEqual(await listening('/proc/net/tcp6').catch(() => []), []);
  });
});
