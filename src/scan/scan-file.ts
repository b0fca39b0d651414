// Drivers that feed the BlockScanner: a byte range of a regular file read with positional reads (so
// workers can take ranges of one big file), or any chunk stream (gzip, stdin). Files give exact lookbacks
// (time of an earlier record, line numbers) by reading backwards; streams fall back to what was seen.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { GzipError, openBytes, type ByteChunkStats } from '../ingest/byte-source.ts';
import type { EventContext } from '../ingest/make-event.ts';
import type { JsonEvent } from '../ingest/json-event.ts';
import { BlockScanner } from './block-scanner.ts';
import { lineTime } from './line-events.ts';
import type { LineSelector } from './prefilter.ts';
import type { ScanProjection } from './scan-projection.ts';

const NEWLINE = 0x0a;
export const BLOCK_BYTES = 4 * 1024 * 1024;

export interface ScanTarget {
  readonly selector: LineSelector | null;
  readonly ctx: EventContext;
  readonly onMalformed?: (line: number, offset: number, message: string) => void;
  readonly projection?: ScanProjection | null;
}

/** Where a range's first line starts: `start` itself if a newline precedes it, else after the next newline. */
export function firstLineStart(fd: number, start: number, size: number): number {
  if (start <= 0) return 0;
  const one = Buffer.alloc(1);
  readSync(fd, one, 0, 1, start - 1);
  if (one[0] === NEWLINE) return start;
  const buf = Buffer.alloc(64 * 1024);
  let pos = start;
  while (pos < size) {
    const n = readSync(fd, buf, 0, buf.length, pos);
    if (n <= 0) break;
    const nl = buf.subarray(0, n).indexOf(NEWLINE);
    if (nl >= 0) return pos + nl + 1;
    pos += n;
  }
  return size;
}

let readBuffer: Buffer | undefined;

/** Scans the lines that start in [start, end) of a regular file, handing events over block by block. */
export function scanFileRange(path: string, start: number, end: number, size: number, target: ScanTarget, emit: (events: JsonEvent[]) => void): void {
  const fd = openSync(path, 'r');
  try {
    const from = firstLineStart(fd, start, size);
    if (from >= end) return;
    // The file's line index, looked up on the first malformed line only.
    let lineIndex: LineIndex | undefined;
    const scanner = new BlockScanner({
      selector: target.selector,
      ctx: target.ctx,
      startOffset: from,
      limit: end,
      timeBeforeOutside: (offset) => fileTimeBefore(fd, offset, target.ctx),
      lineAt: (offset) => fileLineAt(fd, offset, (lineIndex ??= lineIndexOf(path, fd))),
      onMalformed: target.onMalformed,
      projection: target.projection,
    });
    let pos = from;
    // One block buffer per thread, reused: events copy what they keep out of it (strings, parsed values),
    // and fresh 4 MiB buffers cost more in page faults and GC than the reading itself.
    const block = (readBuffer ??= Buffer.allocUnsafe(BLOCK_BYTES));
    while (pos < size && !scanner.done) {
      const buf = block.subarray(0, Math.min(BLOCK_BYTES, size - pos));
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n <= 0) break;
      pos += n;
      const events = scanner.feed(n === buf.length ? buf : buf.subarray(0, n));
      if (events.length > 0) emit(events);
    }
    const rest = scanner.end();
    if (rest.length > 0) emit(rest);
    if (target.ctx.counts) target.ctx.counts.lines += scanner.linesRead;
  } finally {
    closeSync(fd);
  }
}

/** Scans a whole file as a stream (gzip); read errors are reported as the reader reports them, keeping the events before them. */
export async function scanStream(path: string, target: ScanTarget, emit: (events: JsonEvent[]) => void): Promise<void> {
  const bytes: ByteChunkStats = { bytesRead: 0, gzip: false };
  try {
    await scanChunks(openBytes(path, bytes), target, emit);
  } catch (err) {
    if (err instanceof GzipError) target.onMalformed?.(0, err.compressedOffset, `${err.message} (at compressed byte ${err.compressedOffset}); events before it were kept`);
    else target.onMalformed?.(0, bytes.bytesRead, `cannot read input: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Scans a chunk stream (decompressed gzip, stdin): sequential only. */
export async function scanChunks(chunks: AsyncIterable<Buffer>, target: ScanTarget, emit: (events: JsonEvent[]) => void): Promise<void> {
  // Newlines are counted per block so malformed lines can be reported with their line number.
  let linesBefore = 1;
  let blockStart = 0;
  let block: Buffer | null = null;
  const scanner = new BlockScanner({
    selector: target.selector,
    ctx: target.ctx,
    // A stream cannot be re-read: the best earlier time known is the last one parsed.
    timeBeforeOutside: () => target.ctx.lastTime ?? null,
    lineAt: (offset) => (block && offset >= blockStart ? linesBefore + countNewlines(block, 0, offset - blockStart) : linesBefore),
    onMalformed: target.onMalformed,
    projection: target.projection,
  });
  const feed = (b: Buffer) => {
    block = b;
    const events = scanner.feed(b);
    if (events.length > 0) emit(events);
    linesBefore += countNewlines(b, 0, b.length);
    blockStart += b.length;
  };
  let held: Buffer[] = [];
  let heldBytes = 0;
  try {
    for await (const chunk of chunks) {
      // Small chunks (stdin) are gathered into a block; big ones (gzip output) are scanned as they come,
      // without a copy: the scanner carries a line cut between chunks.
      if (heldBytes === 0 && chunk.length >= BLOCK_BYTES / 4) {
        feed(chunk);
        continue;
      }
      held.push(chunk);
      heldBytes += chunk.length;
      if (heldBytes < BLOCK_BYTES) continue;
      feed(held.length === 1 ? held[0]! : Buffer.concat(held));
      held = [];
      heldBytes = 0;
    }
  } catch (err) {
    // A broken stream (truncated gzip) keeps the complete lines read before the break, as the reader does;
    // the cut line at the end is dropped.
    if (heldBytes > 0) feed(Buffer.concat(held));
    if (target.ctx.counts) target.ctx.counts.lines += scanner.linesRead;
    throw err;
  }
  if (heldBytes > 0) feed(Buffer.concat(held));
  const rest = scanner.end();
  if (rest.length > 0) emit(rest);
  if (target.ctx.counts) target.ctx.counts.lines += scanner.linesRead;
}

function countNewlines(b: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = b.indexOf(NEWLINE, from); i >= 0 && i < to; i = b.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

/** The time of the nearest timed record starting before `offset`, reading the file backwards. */
export function fileTimeBefore(fd: number, offset: number, ctx: EventContext): number | null {
  const STEP = 1024 * 1024;
  let carry = Buffer.alloc(0);
  let pos = offset;
  // Lines end at newline bytes; the line containing `offset - 1` ... ends before offset.
  while (pos > 0) {
    const from = Math.max(0, pos - STEP);
    const buf = Buffer.alloc(pos - from);
    readSync(fd, buf, 0, buf.length, from);
    const data = carry.length ? Buffer.concat([buf, carry]) : buf;
    let e = data.length;
    if (pos === offset && data[e - 1] === NEWLINE) e--;
    for (;;) {
      const nl = e > 0 ? data.lastIndexOf(NEWLINE, e - 1) : -1;
      if (nl < 0 && from > 0) break;
      const t = lineTime(data.toString('utf8', nl + 1, e), ctx);
      if (t !== null) return t;
      if (nl < 0) return null;
      e = nl;
    }
    carry = Buffer.from(data.subarray(0, e));
    pos = from;
  }
  return null;
}

/**
 * Line numbers already counted in a file: (offset, line) checkpoints, ascending. Each malformed line used to
 * count newlines from byte 0, so a file with many bad lines took quadratic time; counting from the nearest
 * earlier checkpoint keeps a whole file linear.
 */
export class LineIndex {
  private readonly offsets: number[] = [0];
  private readonly lines: number[] = [1];

  /** The nearest checkpoint at or before `offset`. */
  floor(offset: number): { offset: number; line: number } {
    const at = this.floorIndex(offset);
    return { offset: this.offsets[at]!, line: this.lines[at]! };
  }

  add(offset: number, line: number): void {
    const at = this.floorIndex(offset);
    if (this.offsets[at] === offset) return;
    this.offsets.splice(at + 1, 0, offset);
    this.lines.splice(at + 1, 0, line);
  }

  private floorIndex(offset: number): number {
    let lo = 0;
    let hi = this.offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** One index per file (by path, size and modification time) in this thread; a few files at most. */
const lineIndexes = new Map<string, LineIndex>();

function lineIndexOf(path: string, fd: number): LineIndex {
  const st = fstatSync(fd);
  const key = `${path}\u0000${st.size}\u0000${st.mtimeMs}`;
  let index = lineIndexes.get(key);
  if (!index) {
    if (lineIndexes.size >= 8) lineIndexes.delete(lineIndexes.keys().next().value!);
    lineIndexes.set(key, (index = new LineIndex()));
  }
  return index;
}

/** 1-based line number of a byte offset (counts newlines before it, from the index's nearest checkpoint). */
export function fileLineAt(fd: number, offset: number, index: LineIndex = new LineIndex()): number {
  const buf = Buffer.alloc(1024 * 1024);
  const from = index.floor(offset);
  let lines = from.line;
  let pos = from.offset;
  while (pos < offset) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, offset - pos), pos);
    if (n <= 0) break;
    for (let i = buf.indexOf(NEWLINE); i >= 0 && i < n; i = buf.indexOf(NEWLINE, i + 1)) lines++;
    pos += n;
  }
  index.add(offset, lines);
  return lines;
}
