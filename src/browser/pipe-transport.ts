import type { Readable, Writable } from 'node:stream';
import type { ConnectionTransport } from 'puppeteer-core';

/**
 * The DevTools protocol over Chromium's --remote-debugging-pipe: JSON
 * messages, each ended by a NUL byte, written to the browser's fd 3 and read
 * from its fd 4. (puppeteer has one for its own launcher, but does not
 * export it.) Like puppeteer's, it hands each message on in a task of its
 * own (setImmediate), never inside the read that brought it.
 */
export function pipeTransport(toBrowser: Writable, fromBrowser: Readable): ConnectionTransport {
  let pending: Buffer[] = [];
  const transport: ConnectionTransport = {
    send(message) {
      // One write a message: two woke the browser twice.
      toBrowser.write(`${message}\0`);
    },
    close() {
      fromBrowser.off('data', read);
      fromBrowser.off('close', closed);
    },
  };
  const read = (chunk: Buffer) => {
    pending.push(chunk);
    if (!chunk.includes(0)) return;
    const joined = Buffer.concat(pending);
    let start = 0;
    for (let end = joined.indexOf(0); end !== -1; end = joined.indexOf(0, start)) {
      const message = joined.toString('utf8', start, end);
      setImmediate(() => transport.onmessage?.(message));
      start = end + 1;
    }
    pending = start < joined.length ? [joined.subarray(start)] : [];
  };
  const closed = () => transport.onclose?.();
  fromBrowser.on('data', read);
  fromBrowser.on('close', closed);
  // A pipe that breaks as Chromium ends is heard as its close; the errors that come with it say nothing more.
  fromBrowser.on('error', () => undefined);
  toBrowser.on('error', () => undefined);
  return transport;
}
