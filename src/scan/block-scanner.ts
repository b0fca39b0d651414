// Cuts a byte stream into whole NDJSON lines without readline or per-line strings: each block is searched
// for newline bytes, an incomplete last line is carried into the next block, and only lines the selector
// picks (all lines without a selector) are decoded into events. A line longer than the record limit is
// reported and skipped without being buffered whole. `limit` stops at the end of a byte range.

import type { EventContext } from '../ingest/make-event.ts';
import type { JsonEvent } from '../ingest/json-event.ts';
import { DEFAULT_LIMITS } from '../ingest/limits.ts';
import { lineEvents, lineTime, type LineEventHooks } from './line-events.ts';
import type { LineSelector } from './prefilter.ts';
import type { ScanProjection } from './scan-projection.ts';

const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** Blank, or `{` ... `}` around optional whitespace (and a leading byte-order mark). */
function looksLikeObjectLine(buf: Buffer, ls: number, le: number): boolean {
  let a = ls;
  if (buf[a] === 0xef && buf[a + 1] === 0xbb && buf[a + 2] === 0xbf) a += 3;
  while (a < le && isSpace(buf[a]!)) a++;
  if (a === le) return true;
  let b = le - 1;
  while (b > a && isSpace(buf[b]!)) b--;
  return buf[a] === OPEN_BRACE && buf[b] === CLOSE_BRACE;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

export interface BlockScannerOptions {
  readonly selector: LineSelector | null;
  readonly ctx: EventContext;
  /** Input offset of the first byte fed. */
  readonly startOffset?: number;
  /** Lines starting at or after this input offset are not scanned (end of a byte range). */
  readonly limit?: number;
  readonly maxLineBytes?: number;
  /** Lookups that need more of the input than the current block (random access for files). */
  readonly timeBeforeOutside: (offset: number) => number | null;
  readonly lineAt: (offset: number) => number;
  readonly onMalformed?: (line: number, offset: number, message: string) => void;
  /** Reads object lines through this projection (see line-events.ts). */
  readonly projection?: ScanProjection | null;
}

export class BlockScanner {
  private offset: number;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private pendingOffset = 0;
  private skipping = false;
  /** A lookback found no timed record before the lines scanned so far (selector-less scans only). */
  private nothingBefore = false;
  private finished = false;
  /** The block being scanned and its input offset, for in-block time lookback. */
  private block: Buffer | null = null;
  private blockOffset = 0;
  private readonly hooks: LineEventHooks;
  private readonly limit: number;
  private readonly maxLine: number;
  /** Lines scanned or skipped by the selector (every line starting in the range), for the read counts. */
  private lines = 0;

  constructor(private readonly opts: BlockScannerOptions) {
    this.offset = opts.startOffset ?? 0;
    this.limit = opts.limit ?? Infinity;
    this.maxLine = opts.maxLineBytes ?? DEFAULT_LIMITS.maxRecordBytes;
    this.hooks = {
      timeBefore: (off) => this.lookback(off),
      lineAt: opts.lineAt,
      onMalformed: opts.onMalformed,
      projection: opts.projection,
    };
  }

  /** Lines gone through so far, parsed or skipped (a line held over a block boundary counts when it ends). */
  get linesRead(): number {
    return this.lines;
  }

  /** True once the range limit is passed: no more input is needed. */
  get done(): boolean {
    return this.finished;
  }

  /** Scans the whole lines completed by `chunk`; returns their events in input order. */
  feed(chunk: Buffer): JsonEvent[] {
    const out: JsonEvent[] = [];
    if (this.finished) return out;
    const chunkOffset = this.offset;
    this.offset += chunk.length;
    const firstNl = chunk.indexOf(NEWLINE);
    if (firstNl < 0) {
      this.hold(chunk, chunkOffset);
      return out;
    }
    // The line carried over from earlier blocks ends at firstNl.
    let from = 0;
    if (this.pendingBytes > 0 || this.skipping) {
      if (!this.skipping) {
        const line = Buffer.concat([...this.pending, chunk.subarray(0, firstNl + 1)]);
        this.scanRegion(line, 0, line.length, this.pendingOffset, out);
      }
      this.pending = [];
      this.pendingBytes = 0;
      this.skipping = false;
      from = firstNl + 1;
    }
    const lastNl = chunk.lastIndexOf(NEWLINE);
    if (lastNl + 1 > from) this.scanRegion(chunk, from, lastNl + 1, chunkOffset, out);
    if (lastNl + 1 < chunk.length) this.hold(chunk.subarray(lastNl + 1), chunkOffset + lastNl + 1);
    return out;
  }

  /** The final line (input without a trailing newline). */
  end(): JsonEvent[] {
    const out: JsonEvent[] = [];
    if (!this.finished && !this.skipping && this.pendingBytes > 0) {
      const line = Buffer.concat(this.pending);
      this.scanRegion(line, 0, line.length, this.pendingOffset, out);
    }
    this.pending = [];
    this.pendingBytes = 0;
    this.finished = true;
    return out;
  }

  private hold(bytes: Buffer, at: number): void {
    if (this.skipping) return;
    if (this.pendingBytes === 0) this.pendingOffset = at;
    if (this.pendingOffset >= this.limit) {
      this.finished = true;
      return;
    }
    this.pending.push(Buffer.from(bytes));
    this.pendingBytes += bytes.length;
    if (this.pendingBytes > this.maxLine) {
      this.opts.onMalformed?.(this.opts.lineAt(this.pendingOffset), this.pendingOffset, `record longer than ${this.maxLine} bytes; skipped`);
      this.pending = [];
      this.pendingBytes = 0;
      this.skipping = true;
      this.lines++;
    }
  }

  /** buf[start, end) holds whole lines; `base` is the input offset of buf[0]. */
  private scanRegion(buf: Buffer, start: number, end: number, base: number, out: JsonEvent[]): void {
    this.block = buf;
    this.blockOffset = base;
    const stop = this.limit - base;
    const { selector, ctx } = this.opts;
    if (selector) {
      let next = start;
      for (const ls of selector(buf, start, end)) {
        if (ls >= stop) {
          this.finished = true;
          break;
        }
        this.checkSkipped(buf, next, ls, end, base, ctx, out);
        this.lines++;
        next = this.scanLine(buf, ls, end, base, ctx, out);
      }
      this.checkSkipped(buf, next, Math.min(end, stop), end, base, ctx, out);
    } else {
      let ls = start;
      while (ls < end) {
        if (ls >= stop) {
          this.finished = true;
          break;
        }
        this.lines++;
        ls = this.scanLine(buf, ls, end, base, ctx, out);
      }
    }
    if (end >= stop) this.finished = true;
    this.block = null;
  }

  /**
   * Lines the prefilter skipped (starting in [from, to), ending by `end`) are not parsed, but one that is not shaped like a JSON object
   * (`{` ... `}`: a cut line, plain text) is scanned anyway, so malformed input is reported at the same
   * file:line as the reader reports it (and a bare array's objects still become events).
   */
  private checkSkipped(buf: Buffer, from: number, to: number, end: number, base: number, ctx: EventContext, out: JsonEvent[]): void {
    let ls = from;
    while (ls < to) {
      let le = buf.indexOf(NEWLINE, ls);
      if (le < 0 || le >= end) le = end;
      this.lines++;
      if (le - ls > this.maxLine || !looksLikeObjectLine(buf, ls, le)) this.scanLine(buf, ls, end, base, ctx, out);
      ls = le + 1;
    }
  }

  /** Scans the line at ls; returns where the next line starts. */
  private scanLine(buf: Buffer, ls: number, end: number, base: number, ctx: EventContext, out: JsonEvent[]): number {
    let le = buf.indexOf(NEWLINE, ls);
    if (le < 0 || le >= end) le = end;
    if (le - ls > this.maxLine) {
      this.opts.onMalformed?.(this.opts.lineAt(base + ls), base + ls, `record longer than ${this.maxLine} bytes; skipped`);
    } else {
      lineEvents(buf, ls, le, base + ls, ctx, this.hooks, out);
    }
    return le + 1;
  }

  /**
   * Without a selector every line is parsed in order, so once a timed record was seen (or a lookback found
   * none) the context's last time is exact; with a selector skipped lines may hold the time.
   */
  private lookback(offset: number): number | null {
    const ctx = this.opts.ctx;
    if (!this.opts.selector && (ctx.lastTime !== undefined || this.nothingBefore)) return ctx.lastTime ?? null;
    const t = this.timeBefore(offset);
    if (t === null && !this.opts.selector) this.nothingBefore = true;
    return t;
  }

  /** Searches back through the current block, then asks the driver for earlier input. */
  private timeBefore(offset: number): number | null {
    const buf = this.block;
    if (buf) {
      let e = offset - this.blockOffset - 1; // the newline ending the previous line
      while (e > 0) {
        const nl = buf.lastIndexOf(NEWLINE, e - 1);
        const s = nl + 1;
        if (nl < 0) break;
        const t = lineTime(buf.toString('utf8', s, e), this.opts.ctx);
        if (t !== null) return t;
        e = nl;
      }
      if (e > 0) {
        // The block's first line (buf[0, e)) is whole only if a newline precedes the block.
        return this.opts.timeBeforeOutside(this.blockOffset + e + 1);
      }
      return this.opts.timeBeforeOutside(this.blockOffset);
    }
    return this.opts.timeBeforeOutside(offset);
  }
}
