import type { Page, Protocol } from 'puppeteer-core';

/** The requests a page made that were refused, heard until `stop`. */
export interface Gatekeeper {
  blocked: string[];
  /** Answers the page's next request for `url` with `body`, once; a later request for it is refused. */
  serve(url: string, body: Buffer, contentType: string): void;
  stop(): Promise<void>;
}

/**
 * Lets the page load only the URLs `allows` lets through; every other
 * request fails, and its URL is kept. data: URLs are not requests: they
 * always load.
 *
 * Through the DevTools protocol's Fetch domain, on a session of its own, and
 * not puppeteer's request interception: that needs puppeteer's Network
 * events, in which Chromium sends every data: URL whole (an issue's inlined
 * fonts came to 2.8 MB of JSON per issue, written by the browser and parsed
 * by the CLI). The browser is connected without them (networkEnabled: false).
 *
 * The gate also answers, once, each request it was given a body for
 * (`serve`): the CLI hands the page its issue this way. A body sent in a
 * Fetch.fulfillRequest is decoded by the browser and reaches the page as a
 * response does; the same HTML as an argument of a function the page runs
 * is parsed by the page's DevTools agent, which took twice as long.
 */
export async function loadOnly(page: Page, allows: (url: string) => boolean): Promise<Gatekeeper> {
  const session = await page.createCDPSession();
  const blocked: string[] = [];
  const served = new Map<string, Omit<Protocol.Fetch.FulfillRequestRequest, 'requestId'>>();
  // A request answered after the page has gone needs no answer.
  const send = (
    method: 'Fetch.continueRequest' | 'Fetch.failRequest' | 'Fetch.fulfillRequest',
    params: Protocol.Fetch.ContinueRequestRequest | Protocol.Fetch.FailRequestRequest | Protocol.Fetch.FulfillRequestRequest,
  ) => void session.send(method, params as never).catch(() => undefined);
  session.on('Fetch.requestPaused', ({ requestId, request }: Protocol.Fetch.RequestPausedEvent) => {
    const response = served.get(request.url);
    served.delete(request.url);
    if (response) return send('Fetch.fulfillRequest', { requestId, ...response });
    if (allows(request.url)) return send('Fetch.continueRequest', { requestId });
    blocked.push(request.url);
    send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
  });
  await session.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
  const serve = (url: string, body: Buffer, contentType: string) =>
    served.set(url, {
      responseCode: 200,
      responseHeaders: [
        { name: 'Content-Type', value: contentType },
        // The page's own document is a file:, whose origin no other matches.
        { name: 'Access-Control-Allow-Origin', value: '*' },
      ],
      body: body.toString('base64'),
    });
  return { blocked, serve, stop: () => session.detach().catch(() => undefined) };
}

/**
 * The URL a console message says the page's Content-Security-Policy refused
 * (page/host.html), e.g. “Connecting to 'ws://…' violates the following
 * Content Security Policy directive …”; undefined for any other message.
 */
export function refusedByPolicy(message: string): string | undefined {
  return /'([^']+)' violates the following Content Security Policy directive/.exec(message)?.[1];
}
