// Splits a byte stream into JSON record texts without holding more than one record in memory: NDJSON
// (one record per line), a top-level JSON array of records, CloudTrail `{"Records":[...]}` files and Azure
// diagnostic / Event Hub `{"records":[...]}` batches (alone or one per NDJSON line), and pretty-printed objects. It tracks strings, escapes and depth itself, so a 1 GB
// array is cut into its elements as the bytes arrive. It never parses; the reader JSON.parses each record.

import { DEFAULT_LIMITS, type IngestLimits } from './limits.ts';

export interface RecordSink {
  /** A complete record text that starts on `line` (1-based) at byte `offset` of the (decompressed) stream. */
  record(text: string, line: number, offset: number): void;
  /** Input that is not a record; the splitter has already skipped past it. */
  malformed(line: number, offset: number, message: string): void;
}

/** Top-level layout, decided by the first top-level object: one per line, or spread over several lines. */
type Layout = 'unknown' | 'lines' | 'multiline';
/** Where records live: at the top level, in a top-level array, or in the Records array of a wrapper. */
type Container = 'none' | 'array' | 'records' | 'wrapper-tail';

interface OpenRecord {
  readonly line: number;
  readonly offset: number;
  /** Depth outside the record; it ends when depth comes back to this. */
  readonly baseDepth: number;
  readonly isObject: boolean;
  parts: Buffer[];
  size: number;
  /** Index in the current chunk where the not-yet-saved part of the record starts. */
  segStart: number;
  tooBig: boolean;
  tooDeep: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const RECORDS_PREFIX = /^\{\s*"[Rr]ecords"\s*:\s*\[$/;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === NEWLINE;
}

export class RecordSplitter {
  private layout: Layout = 'unknown';
  private container: Container = 'none';
  /** Depth between records: 0 at top level, 1 inside an array, 2 inside a Records array. */
  private recordDepth = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private skipLine = false;
  private rec: OpenRecord | null = null;
  private containerLine = 0;
  private line = 1;
  /** Byte offset of the current chunk's first byte. */
  private base = 0;
  private started = false;
  private head: Buffer | null = null;
  /** Cache of the next newline position in the current chunk (see nextNewline). */
  private nlBuf: Buffer | null = null;
  private nlFrom = 0;
  private nlPos = -1;

  constructor(
    private readonly sink: RecordSink,
    private readonly limits: IngestLimits,
  ) {}

  push(chunk: Uint8Array): void {
    let buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!this.started) {
      // A UTF-8 byte order mark may arrive split over the first chunks: hold bytes until it is decided.
      if (this.head) buf = Buffer.concat([this.head, buf]);
      this.head = null;
      if (buf.length < 3 && BOM.subarray(0, buf.length).equals(buf)) {
        this.head = buf;
        return;
      }
      this.started = true;
      if (buf.length >= 3 && buf.subarray(0, 3).equals(BOM)) {
        this.base += 3;
        buf = buf.subarray(3);
      }
    }
    this.scan(buf);
    const rec = this.rec;
    if (rec) {
      if (!rec.tooBig && !rec.tooDeep && rec.isObject) {
        rec.parts.push(buf.subarray(rec.segStart));
        rec.size += buf.length - rec.segStart;
        this.checkSize(rec);
      }
      rec.segStart = 0;
    }
    this.base += buf.length;
  }

  end(): void {
    if (this.head) {
      const head = this.head;
      this.head = null;
      this.started = true;
      this.scan(head);
    }
    const at = this.base;
    if (this.rec) {
      this.sink.malformed(this.rec.line, this.rec.offset, `unexpected end of input inside the record that starts here`);
      this.rec = null;
    } else if (this.depth > 0 && this.container !== 'none') {
      this.sink.malformed(this.containerLine, at, `unexpected end of input: the JSON array opened on line ${this.containerLine} is not closed`);
    }
    this.depth = 0;
  }

  private scan(buf: Buffer): void {
    const n = buf.length;
    let i = 0;
    while (i < n) {
      if (this.skipLine) {
        const nl = buf.indexOf(NEWLINE, i);
        if (nl < 0) return;
        this.skipLine = false;
        this.line++;
        i = nl + 1;
        continue;
      }
      if (this.inString) {
        i = this.scanString(buf, i);
        continue;
      }
      const c = buf[i]!;
      const rec = this.rec;
      if (rec === null && this.depth === 0) {
        i = this.topLevel(buf, i, c);
        continue;
      }
      if (rec === null && this.depth === this.recordDepth && this.container !== 'wrapper-tail') {
        i = this.betweenElements(buf, i, c);
        continue;
      }
      // Inside a record, or skipping the tail of a Records wrapper: structure only.
      switch (c) {
        case QUOTE:
          this.inString = true;
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          this.depth++;
          if (rec) this.onOpen(buf, i, c, rec);
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          if (rec && !rec.isObject && this.depth === rec.baseDepth) {
            // A scalar element ended by the array's own closing bracket.
            this.finish(buf, i, rec);
            this.depth--;
            this.closeContainer();
            break;
          }
          this.depth--;
          if (rec && this.depth === rec.baseDepth) this.finish(buf, i + 1, rec);
          else if (!rec && this.depth === 0) this.closeContainer();
          break;
        case COMMA:
          if (rec && !rec.isObject && this.depth === rec.baseDepth) this.finish(buf, i, rec);
          break;
        case NEWLINE:
          this.line++;
          if (rec && rec.baseDepth === 0) this.newlineInsideTopLevelRecord(rec);
          break;
      }
      i++;
    }
  }

  /** At the top level between records. Returns the next index. */
  private topLevel(buf: Buffer, i: number, c: number): number {
    if (isSpace(c)) {
      if (c === NEWLINE) this.line++;
      return i + 1;
    }
    if (c === OPEN_BRACE) {
      if (this.layout === 'lines') {
        const nl = buf.indexOf(NEWLINE, i);
        if (nl >= 0 && !this.startsRecordsWrapper(buf, i, nl)) {
          this.emitLine(buf, i, nl);
          this.line++;
          return nl + 1;
        }
      }
      this.open(i, 0, true);
      this.depth = 1;
      return i + 1;
    }
    if (c === OPEN_BRACKET) {
      this.container = 'array';
      this.containerLine = this.line;
      this.recordDepth = 1;
      this.depth = 1;
      return i + 1;
    }
    this.sink.malformed(this.line, this.base + i, describeNonJson(buf, i));
    this.skipLine = true;
    return i;
  }

  /** Inside a records array, between elements. */
  private betweenElements(buf: Buffer, i: number, c: number): number {
    if (isSpace(c)) {
      if (c === NEWLINE) this.line++;
      return i + 1;
    }
    if (c === COMMA) return i + 1;
    if (c === CLOSE_BRACKET) {
      this.depth--;
      this.closeContainer();
      return i + 1;
    }
    if (c === OPEN_BRACE) {
      this.open(i, this.depth, true);
      this.depth++;
      return i + 1;
    }
    // A scalar or nested array element: scanned to its end, then reported as not a record.
    this.open(i, this.depth, false);
    if (c === OPEN_BRACKET) this.depth++;
    else if (c === QUOTE) this.inString = true;
    return i + 1;
  }

  private closeContainer(): void {
    if (this.container === 'records' && this.depth === 1) {
      this.container = 'wrapper-tail';
      return;
    }
    if (this.depth === 0) {
      this.container = 'none';
      this.recordDepth = 0;
    }
  }

  private open(i: number, baseDepth: number, isObject: boolean): void {
    this.rec = { line: this.line, offset: this.base + i, baseDepth, isObject, parts: [], size: 0, segStart: i, tooBig: false, tooDeep: false };
  }

  private onOpen(buf: Buffer, i: number, c: number, rec: OpenRecord): void {
    if (this.depth - rec.baseDepth > this.limits.maxDepth && !rec.tooDeep) {
      rec.tooDeep = true;
      rec.parts = [];
      if (rec.baseDepth === 0 && this.layout === 'lines') this.abandonLine(rec, `nesting deeper than ${this.limits.maxDepth} levels; record skipped`);
      return;
    }
    // `{"Records":[` (CloudTrail) or `{"records":[` (Azure) as the first key: stream the array's elements.
    if (c === OPEN_BRACKET && rec.baseDepth === 0 && this.depth === 2 && rec.size + (i - rec.segStart) < 64) {
      const head = Buffer.concat([...rec.parts, buf.subarray(rec.segStart, i + 1)]).toString('latin1');
      if (RECORDS_PREFIX.test(head)) {
        this.rec = null;
        this.container = 'records';
        this.containerLine = rec.line;
        this.recordDepth = 2;
      }
    }
  }

  /** A newline inside a top-level record: fine in pretty-printed input; in NDJSON the line was incomplete. */
  private newlineInsideTopLevelRecord(rec: OpenRecord): void {
    if (this.layout === 'unknown') this.layout = 'multiline';
    if (this.layout === 'multiline') return;
    this.sink.malformed(rec.line, rec.offset, 'line is not a complete JSON record');
    this.rec = null;
    this.depth = 0;
  }

  /** Gives up on the rest of a top-level NDJSON line (too long or too deep) without buffering it. */
  private abandonLine(rec: OpenRecord, message: string): void {
    this.sink.malformed(rec.line, rec.offset, message);
    this.rec = null;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.skipLine = true;
  }

  private checkSize(rec: OpenRecord): void {
    if (rec.size <= this.limits.maxRecordBytes || rec.tooBig) return;
    rec.tooBig = true;
    rec.parts = [];
    if (rec.baseDepth === 0 && this.layout !== 'multiline') this.abandonLine(rec, `line longer than ${this.limits.maxRecordBytes} bytes; skipped`);
  }

  private finish(buf: Buffer, end: number, rec: OpenRecord): void {
    this.rec = null;
    if (rec.baseDepth === 0 && this.layout === 'unknown') this.layout = 'lines';
    if (!rec.isObject) {
      this.sink.malformed(rec.line, rec.offset, 'array element is not a JSON object; skipped');
      return;
    }
    if (rec.tooDeep) {
      this.sink.malformed(rec.line, rec.offset, `nesting deeper than ${this.limits.maxDepth} levels; record skipped`);
      return;
    }
    const size = rec.size + (end - rec.segStart);
    if (rec.tooBig || size > this.limits.maxRecordBytes) {
      this.sink.malformed(rec.line, rec.offset, `record longer than ${this.limits.maxRecordBytes} bytes; skipped`);
      return;
    }
    const tail = buf.subarray(rec.segStart, end);
    const text = rec.parts.length === 0 ? tail.toString('utf8') : Buffer.concat([...rec.parts, tail]).toString('utf8');
    this.sink.record(text, rec.line, rec.offset);
  }

  /** Skips string content quickly: jumps to the next quote and counts the backslashes before it. */
  private scanString(buf: Buffer, i: number): number {
    if (this.escaped) {
      this.escaped = false;
      i++;
    }
    let q = buf.indexOf(QUOTE, i);
    while (q >= 0) {
      let slashes = 0;
      for (let k = q - 1; k >= i && buf[k] === BACKSLASH; k--) slashes++;
      if (slashes % 2 === 0) break;
      q = buf.indexOf(QUOTE, q + 1);
    }
    const stop = q < 0 ? buf.length : q;
    const nl = this.nextNewline(buf, i);
    if (nl >= 0 && nl < stop) return this.newlineInString(buf, nl);
    if (q < 0) {
      // The chunk ended inside the string; remember a trailing escape for the next chunk.
      let slashes = 0;
      for (let k = buf.length - 1; k >= i && buf[k] === BACKSLASH; k--) slashes++;
      this.escaped = slashes % 2 === 1;
      return buf.length;
    }
    this.inString = false;
    const rec = this.rec;
    // A string element of a records array ends with its closing quote.
    if (rec && !rec.isObject && this.depth === rec.baseDepth) this.finish(buf, q + 1, rec);
    return q + 1;
  }

  /** JSON strings cannot hold a raw newline: the record is broken; resume on the next line. */
  private newlineInString(buf: Buffer, nl: number): number {
    const rec = this.rec;
    this.inString = false;
    this.escaped = false;
    this.sink.malformed(rec?.line ?? this.line, rec?.offset ?? this.base + nl, 'unterminated string (a raw line break inside a JSON string)');
    this.rec = null;
    this.depth = rec ? rec.baseDepth : this.depth;
    this.line++;
    return nl + 1;
  }

  /** indexOf('\n') from i, remembered so many strings on one long line do not rescan it each time. */
  private nextNewline(buf: Buffer, i: number): number {
    if (this.nlBuf === buf && i >= this.nlFrom && (this.nlPos === -1 || this.nlPos >= i)) return this.nlPos;
    this.nlBuf = buf;
    this.nlFrom = i;
    this.nlPos = buf.indexOf(NEWLINE, i);
    return this.nlPos;
  }

  private startsRecordsWrapper(buf: Buffer, start: number, end: number): boolean {
    const head = buf.toString('latin1', start, Math.min(end, start + 64));
    return /^\{\s*"[Rr]ecords"\s*:\s*\[/.test(head);
  }

  /** NDJSON fast path: a whole line is one record; JSON.parse will judge it. */
  private emitLine(buf: Buffer, start: number, nl: number): void {
    let end = nl;
    while (end > start && isSpace(buf[end - 1]!)) end--;
    const offset = this.base + start;
    if (end - start > this.limits.maxRecordBytes) {
      this.sink.malformed(this.line, offset, `line longer than ${this.limits.maxRecordBytes} bytes; skipped`);
      return;
    }
    if (exceedsDepth(buf, start, end, this.limits.maxDepth)) {
      this.sink.malformed(this.line, offset, `nesting deeper than ${this.limits.maxDepth} levels; record skipped`);
      return;
    }
    this.sink.record(buf.toString('utf8', start, end), this.line, offset);
  }
}

/** True when the JSON text in buf[start, end) nests deeper than maxDepth (cheap unless it has many brackets). */
export function exceedsDepth(buf: Buffer, start: number, end: number, maxDepth: number): boolean {
  let openers = 0;
  for (const opener of [OPEN_BRACE, OPEN_BRACKET]) {
    for (let p = buf.indexOf(opener, start); p >= 0 && p < end; p = buf.indexOf(opener, p + 1)) {
      if (++openers > maxDepth) break;
    }
  }
  if (openers <= maxDepth) return false;
  let depth = 0;
  let inString = false;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return false;
}

/**
 * exceedsDepth for JSON held in a string (a field value that spath or json_extract parses, a journal row):
 * JSON.parse copes with any depth, but every walker after it recurses once per level.
 */
export function textExceedsDepth(text: string, maxDepth: number = DEFAULT_LIMITS.maxDepth): boolean {
  let openers = 0;
  for (const opener of ['{', '[']) {
    for (let p = text.indexOf(opener); p >= 0; p = text.indexOf(opener, p + 1)) {
      if (++openers > maxDepth) break;
    }
  }
  if (openers <= maxDepth) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return false;
}

/** A short description of a line that cannot start a JSON record. */
function describeNonJson(buf: Buffer, i: number): string {
  const end = Math.min(buf.length, i + 64);
  let binary = false;
  for (let k = i; k < end; k++) {
    const c = buf[k]!;
    if (c === NEWLINE) break;
    if (c === 0 || (c < 0x20 && c !== 0x09 && c !== 0x0d) || c === 0x7f) binary = true;
  }
  if (binary) return 'binary data, not JSON text';
  const ch = String.fromCharCode(buf[i]!);
  return `not a JSON record: expected '{' or '[' but found '${ch >= ' ' && ch <= '~' ? ch : `\\x${buf[i]!.toString(16).padStart(2, '0')}`}'`;
}
