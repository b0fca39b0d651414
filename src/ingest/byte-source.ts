// Opens one input (a file or stdin) as a stream of decompressed byte chunks. Gzip is recognised by its
// magic bytes (1f 8b), not the file name, and streamed through zlib. A truncated or corrupt gzip ends the
// stream with a GzipError carrying the compressed byte offset; chunks already delivered stay delivered.

import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

export class GzipError extends Error {
  constructor(
    message: string,
    /** Compressed bytes consumed from the file when decompression failed. */
    readonly compressedOffset: number,
  ) {
    super(message);
    this.name = 'GzipError';
  }
}

export interface ByteChunkStats {
  /** Bytes read from the file or stdin so far (compressed bytes for gzip input). */
  bytesRead: number;
  gzip: boolean;
}

const CHUNK = 256 * 1024;

/** Yields the decompressed chunks of a file (or stdin for "-"); `stats` is updated as bytes are read. */
export async function* openBytes(path: string, stats: ByteChunkStats, signal?: AbortSignal): AsyncGenerator<Buffer> {
  const raw: Readable = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: CHUNK });
  const iterator = raw[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  try {
    const first = await iterator.next();
    if (first.done) return;
    const head = first.value as Buffer;
    stats.bytesRead += head.length;
    if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
      stats.gzip = true;
      yield* gunzipChunks(head, iterator, stats, signal);
      return;
    }
    yield head;
    while (!signal?.aborted) {
      const next = await iterator.next();
      if (next.done) return;
      stats.bytesRead += next.value.length;
      yield next.value;
    }
  } finally {
    await iterator.return?.();
    if (path !== '-') raw.destroy();
  }
}

async function* gunzipChunks(head: Buffer, rest: AsyncIterator<Buffer>, stats: ByteChunkStats, signal?: AbortSignal): AsyncGenerator<Buffer> {
  const gunzip = createGunzip({ chunkSize: CHUNK });
  const out: Buffer[] = [];
  let failure: Error | null = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  gunzip.on('data', (b: Buffer) => {
    out.push(b);
    notify();
  });
  gunzip.on('error', (e: Error) => {
    failure = e;
    notify();
  });
  gunzip.on('end', () => {
    ended = true;
    notify();
  });
  // Feed compressed bytes one chunk at a time, draining decompressed output in between (bounded memory).
  const feed = async (chunk: Buffer | null) => {
    if (chunk === null) gunzip.end();
    else if (!gunzip.write(chunk)) {
      // Wait for room, but also wake on failure: a destroyed stream never drains.
      await new Promise<void>((resolve) => {
        const done = () => {
          gunzip.off('drain', done);
          gunzip.off('error', done);
          gunzip.off('close', done);
          resolve();
        };
        gunzip.on('drain', done);
        gunzip.on('error', done);
        gunzip.on('close', done);
      });
    }
  };
  let pending: Buffer | null = head;
  let inputDone = false;
  try {
    while (true) {
      if (signal?.aborted) return;
      if (!inputDone && out.length < 8) {
        if (pending) {
          const p = pending;
          pending = null;
          await feed(p);
        } else {
          const next = await rest.next();
          if (next.done) {
            inputDone = true;
            await feed(null);
          } else {
            stats.bytesRead += next.value.length;
            await feed(next.value);
          }
        }
      }
      while (out.length > 0) yield out.shift()!;
      if (failure) throw new GzipError(gzipMessage(failure), stats.bytesRead);
      if (ended) return;
      if (inputDone) await new Promise<void>((r) => (wake = r));
    }
  } finally {
    gunzip.destroy();
  }
}

function gzipMessage(e: Error): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'Z_BUF_ERROR' || /unexpected end/i.test(e.message)) return 'truncated gzip: the compressed data ends early';
  return `corrupt gzip data (${e.message})`;
}
