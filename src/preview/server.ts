import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Lang } from '../message.js';
import type { PreviewAssets } from './assets.js';
import type { PreviewSession } from './session.js';
import { type PreviewState, publicState } from './state.js';

export interface PreviewServer {
  /** http://127.0.0.1:<port>/ */
  url: string;
  close(): Promise<void>;
}

/** The preview's only address: never another interface of the machine. */
export const HOST = '127.0.0.1';

/** Sent with everything: nothing is cached (every build replaces the PDF), sniffed, or sent on as a referrer. */
const COMMON_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: blob:; font-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
};

/** SSE comments keep an idle connection open through anything that times them out. */
const KEEP_ALIVE_MS = 15_000;

function send(
  res: ServerResponse,
  req: IncomingMessage,
  status: number,
  type: string,
  body: string | Uint8Array,
  extra: Record<string, string> = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { ...COMMON_HEADERS, 'content-type': type, 'content-length': String(bytes.byteLength), ...extra });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/**
 * Serves the preview on 127.0.0.1: the viewer and pdf.js (fixed files, read
 * at start), the PDF on screen, /build.json and the events that announce each
 * build. Paths are looked up exactly as they come, never mapped to files, so
 * no path (`/../`, percent-encoded or absolute) reaches anything else; only
 * GET and HEAD, and only with a Host naming this server (a web page that
 * points a name of its own at 127.0.0.1 gets nothing).
 */
export async function startServer(
  session: PreviewSession,
  assets: PreviewAssets,
  options: { port: number; lang: Lang },
): Promise<PreviewServer> {
  const streams = new Set<ServerResponse>();
  let port = 0;

  const events = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { ...COMMON_HEADERS, 'content-type': 'text/event-stream', connection: 'keep-alive' });
    if (req.method === 'HEAD') return void res.end();
    const sendState = (state: PreviewState) => res.write(`event: state\ndata: ${JSON.stringify(publicState(state, options.lang))}\n\n`);
    sendState(session.state());
    const stop = session.subscribe(sendState);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    streams.add(res);
    res.on('close', () => {
      stop();
      clearInterval(keepAlive);
      streams.delete(res);
    });
  };

  const server = createServer((req, res) => {
    const hosts = [`${HOST}:${port}`, `localhost:${port}`];
    if (!hosts.includes(req.headers.host ?? ''))
      return send(res, req, 403, 'text/plain; charset=utf-8', 'this server answers only to its own address\n');
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, req, 405, 'text/plain; charset=utf-8', 'GET or HEAD only\n', { allow: 'GET, HEAD' });
    const pathname = (req.url ?? '').split('?')[0]!;
    if (pathname === '/events') return events(req, res);
    if (pathname === '/build.json')
      return send(
        res,
        req,
        200,
        'application/json; charset=utf-8',
        `${JSON.stringify(publicState(session.state(), options.lang), null, 2)}\n`,
      );
    if (pathname === '/issue.pdf') {
      const pdf = session.pdf();
      return pdf ? send(res, req, 200, 'application/pdf', pdf) : send(res, req, 404, 'text/plain; charset=utf-8', 'no pages yet\n');
    }
    const asset = assets.get(pathname);
    if (asset) return send(res, req, 200, asset.type, asset.body);
    send(res, req, 404, 'text/plain; charset=utf-8', 'not found\n');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/`,
    async close() {
      for (const res of streams) res.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
