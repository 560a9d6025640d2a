/**
 * build-issue talks to Chromium over its debugging pipe with a transport of
 * its own (browser/pipe-transport.ts): NUL-ended JSON messages, which the
 * pipe delivers in reads that need not fall on message ends.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { setImmediate as nextTask } from 'node:timers/promises';
import { pipeTransport } from '../../src/browser/pipe-transport.js';

function connected() {
  const toBrowser = new PassThrough();
  const fromBrowser = new PassThrough();
  const transport = pipeTransport(toBrowser, fromBrowser);
  const heard: string[] = [];
  transport.onmessage = (message) => heard.push(message);
  return { toBrowser, fromBrowser, transport, heard };
}

describe('the pipe transport', () => {
  test('sends each message ended by a NUL byte', () => {
    const { toBrowser, transport } = connected();
    transport.send('{"id":1}');
    transport.send('{"id":2,"text":"一二"}');
    assert.equal(toBrowser.read().toString(), '{"id":1}\0{"id":2,"text":"一二"}\0');
  });

  test('writes a message and its NUL byte at once (each write wakes the browser)', () => {
    const { toBrowser, transport } = connected();
    const writes: string[] = [];
    toBrowser.on('data', (chunk: Buffer) => writes.push(chunk.toString()));
    transport.send('{"id":1}');
    transport.send('{"id":2}');
    assert.deepEqual(writes, ['{"id":1}\0', '{"id":2}\0']);
  });

  test('hands on whole messages, however the reads cut them, each after the read that completes it', async () => {
    const { fromBrowser, heard } = connected();
    const bytes = Buffer.from('{"a":"一"}\0{"b":2}\0{"c":3}\0');
    const reads: number[] = [];
    fromBrowser.on('data', (chunk: Buffer) => reads.push(chunk.length));
    // Cut inside a character (一 is three bytes), inside a message after a NUL, and right after a NUL.
    const cuts = [0, 7, 13, 20, bytes.length];
    const heardAfter: string[][] = [];
    for (let i = 1; i < cuts.length; i++) {
      fromBrowser.write(bytes.subarray(cuts[i - 1], cuts[i]));
      await nextTask();
      await nextTask();
      heardAfter.push([...heard]);
    }
    assert.deepEqual(reads, [7, 6, 7, 8], 'the pipe did not deliver the reads as cut');
    assert.deepEqual(heardAfter, [[], ['{"a":"一"}'], ['{"a":"一"}', '{"b":2}'], ['{"a":"一"}', '{"b":2}', '{"c":3}']]);
  });

  test('says when the browser closes its end', { timeout: 5000 }, async () => {
    const { fromBrowser, transport } = connected();
    const closed = new Promise<void>((resolve) => (transport.onclose = resolve));
    fromBrowser.destroy();
    await closed;
  });
});
