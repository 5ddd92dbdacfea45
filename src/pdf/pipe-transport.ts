/** The DevTools protocol over Chromium's --remote-debugging-pipe: JSON messages, each ended by a NUL byte. */
import type { Readable, Writable } from 'node:stream';
import type { ConnectionTransport } from 'puppeteer-core';

export function pipeTransport(input: Writable, output: Readable): ConnectionTransport {
  let pending: Buffer[] = [];
  let closed = false;
  const transport: ConnectionTransport = {
    send(message) {
      // A browser that ended before the client was listening: tell it now, or its calls wait out their timeout.
      if (closed) return void setImmediate(() => transport.onclose?.());
      input.write(message);
      input.write('\0');
    },
    close() {
      closed = true;
      output.removeAllListeners('data');
    },
  };
  output.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      const message = Buffer.concat([...pending, chunk.subarray(start, end)]).toString('utf8');
      pending = [];
      start = end + 1;
      // Delivered one at a time, after the current one is handled, as the protocol client expects.
      setImmediate(() => transport.onmessage?.(message));
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  });
  const ended = () => {
    if (!closed) transport.onclose?.();
    closed = true;
  };
  output.once('close', ended);
  output.on('error', ended);
  input.on('error', ended);
  return transport;
}
