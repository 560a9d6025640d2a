import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Where layout pages read their issues from: `http://issue.build-issue.invalid`,
 * a name that resolves nowhere else (.invalid, RFC 2606). Chromium is started
 * with that one name mapped to this process's issue server, on 127.0.0.1 at
 * the port the system gave it (launch.ts); every other name resolves to
 * nothing.
 */
export const ISSUE_ORIGIN = 'http://issue.build-issue.invalid';

/**
 * The CLI's own HTTP server, bound to 127.0.0.1, from which a layout page
 * reads each issue's HTML. Each body is offered once, at a path no one can
 * guess, and forgotten when it has been read; any other request is answered
 * 404. The page's request gate lets through only the URLs offered and not yet
 * read (layout-pages.ts), and the host document's Content-Security-Policy
 * allows fetch() from this origin alone.
 *
 * Bytes over a socket: handed to the page through the DevTools protocol
 * instead (Fetch.fulfillRequest), the same HTML went as base64 inside a JSON
 * message, written by the CLI, and read and decoded by the browser.
 */
export interface IssueServer {
  /** The port on 127.0.0.1 it listens on. */
  readonly port: number;
  /** Serves an issue's HTML (UTF-8) once; the URL (on ISSUE_ORIGIN) to read it from. */
  offer(html: Buffer): string;
  /** Whether `url` is offered and not yet read. */
  isOffered(url: string): boolean;
  /** Takes an offer back, read or not (a page that failed before it read its issue). */
  withdraw(url: string): void;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** The path of a URL on ISSUE_ORIGIN, as the server is asked for it. */
const pathOf = (url: string): string | undefined => (url.startsWith(`${ISSUE_ORIGIN}/`) ? url.slice(ISSUE_ORIGIN.length) : undefined);

async function startIssueServer(): Promise<IssueServer> {
  const offers = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const html = request.method === 'GET' ? offers.get(request.url ?? '') : undefined;
    if (!html) {
      response.writeHead(404).end();
      return;
    }
    offers.delete(request.url!);
    response
      .writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': html.length,
        // The layout page's own document is a file:, whose origin no other matches.
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'no-store',
      })
      .end(html);
  });
  // Neither the server nor a connection Chromium keeps open holds the process up once its work is done.
  server.on('connection', (socket) => socket.unref());
  const port = await listen(server);
  server.unref();
  return {
    port,
    offer(html) {
      const path = `/${randomUUID()}.html`;
      offers.set(path, html);
      return `${ISSUE_ORIGIN}${path}`;
    },
    isOffered(url) {
      return offers.has(pathOf(url) ?? '');
    },
    withdraw(url) {
      offers.delete(pathOf(url) ?? '');
    },
  };
}

let started: Promise<IssueServer> | undefined;

/** The process's issue server, started at first need and shared by every Chromium it launches. */
export function issueServer(): Promise<IssueServer> {
  if (!started) {
    started = startIssueServer();
    started.catch(() => (started = undefined)); // tried again at the next launch
  }
  return started;
}
