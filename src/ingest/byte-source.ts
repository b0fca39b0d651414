// Opens one input (a file or stdin) as a stream of decompressed UTF-8 byte chunks. Gzip is recognised by its
// magic bytes (1f 8b), not the file name, and streamed through zlib; UTF-16 text is transcoded; other
// archives and binary formats (zip, bzip2, xz, zstd, 7z, Avro, Parquet) are refused with one message. A truncated or corrupt gzip ends the
// stream with a GzipError carrying the compressed byte offset; chunks already delivered stay delivered.

import { createReadStream, statSync } from 'node:fs';
import { createGunzip, type ZlibOptions } from 'node:zlib';
import type { Readable, TransformOptions } from 'node:stream';

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

/** An input in a container or encoding we do not read (zip, bzip2...): reported once, file skipped. */
export class UnsupportedInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedInputError';
  }
}

/** Magic numbers of archives and compressors that are not gzip. */
const UNSUPPORTED_MAGIC: readonly { bytes: readonly number[]; name: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a zip archive' },
  { bytes: [0x42, 0x5a, 0x68], name: 'bzip2 data' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], name: 'xz data' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], name: 'zstd data' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], name: 'a 7-zip archive' },
  // Azure Event Hubs Capture writes Avro; Amazon Security Lake and CloudTrail Lake exports are Parquet.
  { bytes: [0x4f, 0x62, 0x6a, 0x01], name: 'an Avro container (e.g. Event Hubs Capture)' },
  { bytes: [0x50, 0x41, 0x52, 0x31], name: 'a Parquet file (e.g. Security Lake)' },
];

function unsupportedKind(head: Buffer): string | null {
  for (const m of UNSUPPORTED_MAGIC) if (head.length >= m.bytes.length && m.bytes.every((b, i) => head[i] === b)) return m.name;
  return null;
}

export interface ByteChunkStats {
  /** Bytes read from the file or stdin so far (compressed bytes for gzip input). */
  bytesRead: number;
  gzip: boolean;
}

const CHUNK = 1024 * 1024;
/** Smallest read buffer: a small file (a CloudTrail delivery is often a few KB) needs no 1 MiB buffer. */
const MIN_CHUNK = 64 * 1024;

/** A read buffer sized to the file, so a folder of small files does not allocate 1 MiB (and 4 MiB of zlib output) each. */
function chunkFor(path: string): number {
  const size = statSync(path, { throwIfNoEntry: false })?.size ?? CHUNK;
  return Math.min(CHUNK, Math.max(MIN_CHUNK, size));
}

/** Yields the decompressed chunks of a file (or stdin for "-"); `stats` is updated as bytes are read. */
export async function* openBytes(path: string, stats: ByteChunkStats, signal?: AbortSignal): AsyncGenerator<Buffer> {
  const chunk = path === '-' ? CHUNK : chunkFor(path);
  const raw: Readable = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: chunk });
  const iterator = raw[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  try {
    const first = await iterator.next();
    if (first.done) return;
    const head = first.value as Buffer;
    stats.bytesRead += head.length;
    if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
      stats.gzip = true;
      yield* gunzipChunks(head, iterator, stats, chunk, signal);
      return;
    }
    const kind = unsupportedKind(head);
    if (kind) throw new UnsupportedInputError(`${kind}, not JSON text: extract or convert it to JSON first (gzip is read directly)`);
    const utf16 = head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
    // UTF-16 text (Windows PowerShell exports) is transcoded to UTF-8 as it streams.
    const decoder = utf16 ? new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be') : null;
    const convert = (b: Buffer) => (decoder ? Buffer.from(decoder.decode(b, { stream: true }), 'utf8') : b);
    yield convert(head);
    while (!signal?.aborted) {
      const next = await iterator.next();
      if (next.done) break;
      stats.bytesRead += next.value.length;
      yield convert(next.value);
    }
    if (decoder) {
      const rest = decoder.decode();
      if (rest) yield Buffer.from(rest, 'utf8');
    }
  } finally {
    await iterator.return?.();
    if (path !== '-') raw.destroy();
  }
}

/** Decompressed bytes zlib may run ahead of the consumer. */
const GZIP_AHEAD = 16 * 1024 * 1024;
/** zlib's output buffer: one big step per trip through the event loop (it decompresses in the thread pool). */
const GZIP_OUT_CHUNK = 4 * 1024 * 1024;

/**
 * Decompresses while the consumer works: compressed input is fed ahead (up to GZIP_AHEAD of waiting output),
 * so zlib's thread-pool work overlaps the scan of the chunk before instead of alternating with it.
 */
async function* gunzipChunks(head: Buffer, rest: AsyncIterator<Buffer>, stats: ByteChunkStats, chunk: number, signal?: AbortSignal): AsyncGenerator<Buffer> {
  // Room for a few compressed chunks, so a write never waits for zlib to finish the one before.
  // Output steps scale with the input (gzip of JSON is ~8x), up to GZIP_OUT_CHUNK.
  const options: ZlibOptions & TransformOptions = { chunkSize: Math.min(GZIP_OUT_CHUNK, chunk * 8), writableHighWaterMark: 4 * chunk };
  const gunzip = createGunzip(options);
  const out: Buffer[] = [];
  let outBytes = 0;
  let failure: Error | null = null;
  let ended = false;
  let full = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  gunzip.on('data', (b: Buffer) => {
    out.push(b);
    outBytes += b.length;
    notify();
  });
  gunzip.on('drain', () => {
    full = false;
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
  let pending: Buffer | null = head;
  let inputDone = false;
  try {
    while (true) {
      if (signal?.aborted) return;
      // Feed while zlib's input queue has room and the consumer is not too far behind.
      while (!inputDone && !full && outBytes < GZIP_AHEAD && !failure) {
        let chunk = pending;
        pending = null;
        if (!chunk) {
          const next = await rest.next();
          if (next.done) {
            inputDone = true;
            gunzip.end();
            break;
          }
          chunk = next.value as Buffer;
          stats.bytesRead += chunk.length;
        }
        full = !gunzip.write(chunk);
      }
      if (out.length > 0) {
        const b = out.shift()!;
        outBytes -= b.length;
        yield b;
        continue;
      }
      if (failure) throw new GzipError(gzipMessage(failure), stats.bytesRead);
      if (ended) return;
      await new Promise<void>((r) => (wake = r));
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
