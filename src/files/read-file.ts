/**
 * Reading a file the definition names, with limits: only a regular file (a pipe or /dev/zero would be
 * read forever), no more than a set number of bytes (checked before reading, on the open file, so a
 * file swapped after the check cannot slip past), and text only if it is UTF-8.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import * as message from '../diagnostics/messages.js';

/** Why a file was not read; the caller names the file in the sentence the user sees. */
export type Refusal =
  | { readonly reason: 'not-a-file' }
  | { readonly reason: 'too-large'; readonly bytes: number; readonly limit: number }
  | { readonly reason: 'not-utf8'; readonly line: number; readonly column: number };

/** The sentence for a refused file, named as the user knows it; `raiseWith` is the option that raises a size limit. */
export function describeRefusal(path: string, what: string, refusal: Refusal, raiseWith?: string): string {
  switch (refusal.reason) {
    case 'not-a-file':
      return message.notARegularFile(undefined, what, path);
    case 'too-large':
      return message.fileTooLarge(path, what, refusal.bytes, refusal.limit, raiseWith);
    case 'not-utf8':
      return message.notUtf8(path, what, refusal.line, refusal.column);
  }
}

export class FileRefusedError extends Error {
  constructor(readonly refusal: Refusal) {
    super(`file refused: ${refusal.reason}`);
    this.name = 'FileRefusedError';
  }
}

// Opening a pipe for reading blocks until a writer appears, unless non-blocking (not on Windows).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export async function readBytesBounded(path: string, limit: number): Promise<Uint8Array> {
  const handle = await open(path, OPEN_FLAGS);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new FileRefusedError({ reason: 'not-a-file' });
    if (stat.size > limit) throw new FileRefusedError({ reason: 'too-large', bytes: stat.size, limit });
    // Read what is there now, and never more than the limit, even if the file grows meanwhile.
    const buffer = Buffer.alloc(stat.size);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, filled);
  } finally {
    await handle.close();
  }
}

/** UTF-8 text, with or without a byte-order mark; anything else is refused at its first bad byte. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const valid = new TextDecoder('utf-8').decode(bytes.subarray(0, validUtf8Prefix(bytes)));
    const lines = valid.split('\n');
    throw new FileRefusedError({ reason: 'not-utf8', line: lines.length, column: lines[lines.length - 1]!.length + 1 });
  }
}

/** The length of the longest prefix that is UTF-8 (allowing a character cut off at its end). */
export function validUtf8Prefix(bytes: Uint8Array): number {
  // The longest prefix that decodes (a sequence cut off at its end is allowed in streaming), by halving.
  const decodes = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (decodes(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}
