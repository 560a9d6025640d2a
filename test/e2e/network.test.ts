/**
 * A build sends nothing over the network, not even a DNS query: neither
 * Chromium's own services (sign-in, update checks, the network clock) nor a
 * page whose edition tries every way out a page has. Every socket call of
 * the CLI and of every Chromium process is traced with strace; what went
 * out through an Internet socket is listed. The one connection allowed is
 * the layout page's to the CLI's issue server, on 127.0.0.1, which must be
 * the only socket listening.
 *
 * A UDP socket connected but never written to sends no packet (the kernel
 * only picks a route): Chromium does that to learn whether IPv6 is routable
 * (2001:4860:4860::8888:443), and WebRTC to learn its default address. These
 * are not counted; a TCP connection, a packet sent, or a question to the
 * name service cache are.
 *
 * Nor does a page read files: file: URLs never reach the request gate, and
 * the edition's page also asks for files outside the project; the trace's
 * opened files must not include them.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { BIN, type CliRun, command, ROOT, workspace } from '../helpers/build.js';
import { RAW } from '../helpers/corpus.js';
import { copyIssue, parseSummary } from '../helpers/issues.js';
import { scratchDir } from '../helpers/scratch.js';

const SHORT = path.join(ROOT, 'test', 'fixtures', 'batch', 'short', 'issue.md');

/** Every way out of a page that the request gate alone did not see, and a few it does; OUTSIDE is a folder outside the project. */
const WAYS_OUT = `
<script>
const outside = document.createElement('script');
outside.src = 'file://OUTSIDE/script.js';
document.head.append(outside);
</script>
<link rel="prefetch" href="file://OUTSIDE/prefetch.js">
<link rel="preload" as="script" href="file://OUTSIDE/preload.js">
<link rel="prefetch" href="http://192.0.2.1/prefetch">
<link rel="prefetch" href="http://prefetch.example/p">
<link rel="preconnect" href="http://192.0.2.2">
<link rel="preconnect" href="http://127.0.0.1:9">
<link rel="dns-prefetch" href="//dns-prefetch.example">
<link rel="preload" as="image" href="http://192.0.2.3/preload.png">
<link rel="stylesheet" href="http://192.0.2.4/style.css">
<script>
try { new WebSocket('ws://192.0.2.5/'); } catch {}
try { new WebSocket('wss://websocket.example/'); } catch {}
try { navigator.sendBeacon('http://192.0.2.6/beacon', 'x'); } catch {}
fetch('http://192.0.2.7/fetch').catch(() => {});
// The origin the layout page reads its issue from: the gate lets through only the issue's own request, once.
fetch('http://issue.build-issue.invalid/again.html').catch(() => {});
try { new EventSource('http://192.0.2.8/events'); } catch {}
try {
  const peer = new RTCPeerConnection({ iceServers: [{ urls: 'stun:192.0.2.9:3478' }] });
  peer.createDataChannel('x');
  peer.createOffer().then((offer) => peer.setLocalDescription(offer));
} catch {}
</script>
`;

/**
 * The strace lines that show traffic: a TCP connection or a packet on an
 * Internet socket, or a DNS question by any road; but for those between
 * Chromium and the CLI's issue server, on 127.0.0.1 at `issuePort`.
 */
function trafficIn(trace: string, issuePort: number): string[] {
  const toIssueServer = new RegExp(
    `sin_port=htons\\(${issuePort}\\), sin_addr=inet_addr\\("127\\.0\\.0\\.1"\\)|<TCP:\\[127\\.0\\.0\\.1:\\d+->127\\.0\\.0\\.1:${issuePort}\\]>`,
  );
  return trace.split('\n').filter((line) => {
    if (toIssueServer.test(line)) return false;
    const inet = /<(TCP|UDP)v?6?:/.exec(line);
    if (/^\d+\s+connect\(/.test(line)) {
      if (/nscd|resolve1|systemd\/resolve/.test(line)) return true;
      return inet?.[1] === 'TCP' || (/sa_family=AF_INET6?,/.test(line) && !inet);
    }
    return /^\d+\s+send(to|msg|mmsg)\(/.test(line) && inet !== null;
  });
}

/** The addresses TCP sockets listen on in the trace ("127.0.0.1:38105"). */
const listeningIn = (trace: string): string[] => [...trace.matchAll(/^\d+\s+listen\(\d+<TCPv?6?:\[([^\]]+)\]>/gm)].map((m) => m[1]!);

describe('network traffic of a build', () => {
  let run: CliRun;
  let trace: string;
  let outside: string;

  before(async () => {
    const strace = (() => {
      try {
        return execFileSync('strace', ['-V'], { encoding: 'utf8' });
      } catch {
        return '';
      }
    })();
    assert.match(strace, /strace/, 'strace is needed to watch the build’s sockets (scripts/setup.sh installs it)');
    // Files a page must not read; the script, were it run, would take every paragraph off the page.
    outside = await scratchDir('build-issue-outside-');
    for (const name of ['script.js', 'prefetch.js', 'preload.js'])
      await writeFile(path.join(outside, name), 'for (const p of document.querySelectorAll("p")) p.remove();\n');
    const editions = await scratchDir('build-issue-editions-');
    for (const folder of ['templates/2023', 'styles/2023'])
      await cp(path.join(ROOT, folder), path.join(editions, folder), { recursive: true });
    await cp(path.join(ROOT, 'templates', '2023'), path.join(editions, 'templates', 'leaky'), { recursive: true });
    await cp(path.join(ROOT, 'styles', '2023'), path.join(editions, 'styles', 'leaky'), { recursive: true });
    const template = path.join(editions, 'templates', 'leaky', 'issue.hbs');
    await writeFile(template, (await readFile(template, 'utf8')).replace('</head>', `${WAYS_OUT.replaceAll('OUTSIDE', outside)}</head>`));
    await mkdir(path.join(editions, 'fonts'));
    await cp(path.join(ROOT, 'fonts', 'fonts.json'), path.join(editions, 'fonts', 'fonts.json'));

    const dir = await workspace();
    await copyIssue(dir, SHORT, '801');
    await copyIssue(dir, SHORT, '802', (markdown) => markdown.replace(/^serial: (\d+)$/m, 'serial: $1\nedition: leaky'));
    const log = path.join(dir, 'strace.txt');
    // --seccomp-bpf stops only the traced calls, so the build runs at nearly its own speed.
    run = await command(
      'strace',
      [
        '-f',
        '-qq',
        '-yy',
        '--seccomp-bpf',
        '-e',
        'trace=listen,connect,sendto,sendmsg,sendmmsg,open,openat,openat2',
        '-o',
        log,
        process.execPath,
        BIN,
        '801',
        '802',
        '--json',
      ],
      dir,
      { BUILD_ISSUE_EDITIONS: editions },
    );
    trace = await readFile(log, 'utf8');
  });

  test('sends no packet and asks no name server, for the build or for a page that tries', () => {
    assert.ok(trace.includes('connect('), `strace saw no socket call at all:\n${run.stderr}`);
    // The one socket listening is the CLI's issue server, on the loopback address alone; the pages read their issues from it.
    const listening = listeningIn(trace);
    assert.equal(listening.length, 1, `sockets listening: ${listening.join(' ')}`);
    const [address, port] = listening[0]!.split(':');
    assert.equal(address, '127.0.0.1');
    assert.match(trace, new RegExp(`connect\\(.*sin_port=htons\\(${port}\\), sin_addr=inet_addr\\("127\\.0\\.0\\.1"\\)`));
    assert.deepEqual(trafficIn(trace, Number(port)), []);
  });

  test('builds the plain issue, and fails the other naming what its page asked for', () => {
    const summary = parseSummary(run.stdout);
    const status = Object.fromEntries(summary.issues.map((i) => [i.serial, i.status]));
    assert.deepEqual(status, { '801': 'built', '802': 'failed' }, run.stderr);
    const asked = summary.issues[1]!.diagnostics.filter((d) => d.rule === 'network-blocked').map(
      (d) => /asked for (\S+);/.exec((d as { message?: string }).message ?? '')?.[1],
    );
    const files = ['script.js', 'prefetch.js', 'preload.js'].map((name) => `file://${outside}/${name}`);
    for (const url of [
      ...files,
      'http://192.0.2.1/prefetch',
      'http://192.0.2.3/preload.png',
      'http://192.0.2.4/style.css',
      'ws://192.0.2.5/',
      'http://192.0.2.6/beacon',
      'http://192.0.2.7/fetch',
      'http://192.0.2.8/events',
      'http://issue.build-issue.invalid/again.html',
    ]) {
      assert.ok(asked.includes(url), `${url} was not reported: ${asked.join(' ')}`);
    }
    // Paged.js, stopped reading the refused style sheet, threw a bare ProgressEvent: said in words instead.
    assert.match(run.stderr, /^issues\/802\/issue\.md layout-failed the layout stopped: it could not read what the page asked for/m);
    assert.doesNotMatch(run.stderr, RAW);
  });

  test('reads no file outside the project that the page asked for, and runs none', () => {
    assert.deepEqual(
      trace.split('\n').filter((line) => line.includes(outside)),
      [],
    );
    const issue = parseSummary(run.stdout).issues[1]!;
    assert.deepEqual(
      issue.diagnostics.filter((d) => d.rule === 'block-dropped'),
      [],
      'the outside script ran',
    );
  });

  test('the trace reader finds traffic where there is some', () => {
    const lines = [
      '7 connect(25<TCP:[1234]>, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("192.0.2.1")}, 16) = -1 EINPROGRESS',
      '7 sendto(26<UDP:[10.0.0.2:4000->10.255.255.53:53]>, "\\1\\2", 2, 0, NULL, 0) = 2',
      '7 connect(27<UNIX-STREAM:[99]>, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = 0',
      '7 connect(29<TCP:[1236]>, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED',
      '7 sendto(30<TCP:[127.0.0.1:5000->127.0.0.1:9]>, "GET / HTTP/1.1", 14, MSG_NOSIGNAL, NULL, 0) = 14',
      '7 connect(28<UDPv6:[5]>, {sa_family=AF_INET6, sin6_port=htons(443), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr)}, 28) = 0',
      '7 sendmsg(12<UNIX-STREAM:[7->8]>, {msg_name=NULL}, MSG_NOSIGNAL) = 8',
      '7 connect(31<TCP:[1237]>, {sa_family=AF_INET, sin_port=htons(38105), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINPROGRESS',
      '7 sendto(31<TCP:[127.0.0.1:5002->127.0.0.1:38105]>, "GET / HTTP/1.1", 14, MSG_NOSIGNAL, NULL, 0) = 14',
    ];
    assert.deepEqual(trafficIn(lines.join('\n'), 38105), lines.slice(0, 5));
    assert.deepEqual(listeningIn('7 listen(23<TCP:[127.0.0.1:38105]>, 511) = 0\n8 listen(5<UNIX-STREAM:[1]>, 5) = 0'), ['127.0.0.1:38105']);
  });
});
