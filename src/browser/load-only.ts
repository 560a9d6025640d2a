import type { Page, Protocol } from 'puppeteer-core';

/** The requests a page made that were refused, heard until `stop`. */
export interface Gatekeeper {
  blocked: string[];
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
 */
export async function loadOnly(page: Page, allows: (url: string) => boolean): Promise<Gatekeeper> {
  const session = await page.createCDPSession();
  const blocked: string[] = [];
  // A request answered after the page has gone needs no answer.
  const send = (
    method: 'Fetch.continueRequest' | 'Fetch.failRequest',
    params: Protocol.Fetch.ContinueRequestRequest | Protocol.Fetch.FailRequestRequest,
  ) => void session.send(method, params as never).catch(() => undefined);
  session.on('Fetch.requestPaused', ({ requestId, request }: Protocol.Fetch.RequestPausedEvent) => {
    if (allows(request.url)) return send('Fetch.continueRequest', { requestId });
    blocked.push(request.url);
    send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
  });
  await session.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
  return { blocked, stop: () => session.detach().catch(() => undefined) };
}

/**
 * The URL a console message says the page's Content-Security-Policy refused
 * (page/host.html), e.g. “Connecting to 'ws://…' violates the following
 * Content Security Policy directive …”; undefined for any other message.
 */
export function refusedByPolicy(message: string): string | undefined {
  return /'([^']+)' violates the following Content Security Policy directive/.exec(message)?.[1];
}
