// Turns candidate NDJSON lines into Events exactly as the ingest reader would: _raw is the line without
// surrounding whitespace, the sourcetype is detected (or forced), a timeless record takes the time of the
// nearest earlier timed record (looked up on demand, since prefiltered lines were never parsed), and any
// line that is not one plain JSON object goes through the ingest RecordSplitter so odd input behaves the same.

import { TIME_OUT_OF_RANGE_MESSAGE } from '../core/event-time.ts';
import { eventFromParsed, eventMeta, type EventContext } from '../ingest/make-event.ts';
import { PartialJsonEvent } from '../ingest/partial-json-event.ts';
import type { JsonEvent } from '../ingest/json-event.ts';
import { DEFAULT_LIMITS } from '../ingest/limits.ts';
import { exceedsDepth, RecordSplitter } from '../ingest/record-splitter.ts';
import { recordEvents } from '../ingest/record-events.ts';
import { detectSourcetypeDef } from '../ingest/sourcetypes/index.ts';
import { BATCH_KEYS, type ScanProjection } from './scan-projection.ts';

const OPEN = 0x7b;
const CLOSE = 0x7d;

export interface LineEventHooks {
  /** Time of the nearest timed record that starts before this byte offset of the input (null: none). */
  timeBefore(offset: number): number | null;
  /** 1-based line number of a byte offset (for malformed-input reports only). */
  lineAt(offset: number): number;
  onMalformed?(line: number, offset: number, message: string): void;
  /** When set, object lines are read through this projection instead of a whole JSON.parse. */
  readonly projection?: ScanProjection | null;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/** The events of one line buf[s, e) (no newline inside) that starts at input byte offset `offset`. */
export function lineEvents(buf: Buffer, s: number, e: number, offset: number, ctx: EventContext, hooks: LineEventHooks, out: JsonEvent[]): void {
  let a = s;
  let b = e;
  if (offset === 0 && buf[a] === 0xef && buf[a + 1] === 0xbb && buf[a + 2] === 0xbf) a += 3;
  while (a < b && isSpace(buf[a]!)) a++;
  while (b > a && isSpace(buf[b - 1]!)) b--;
  if (a === b) return;
  // The projector refuses lines nested past the ingest limit; those, like any line the projection leaves,
  // are checked here, and go to the splitter below, which reports them as the reader does.
  if (buf[a] === OPEN && buf[b - 1] === CLOSE) {
    const badTimes = ctx.timesOutOfRange;
    if (hooks.projection && projectedEvent(buf, a, b, offset, ctx, hooks, hooks.projection, out)) {
      if (ctx.timesOutOfRange !== badTimes) hooks.onMalformed?.(hooks.lineAt(offset), offset, TIME_OUT_OF_RANGE_MESSAGE);
      return;
    }
    if (exceedsDepth(buf, a, b, DEFAULT_LIMITS.maxDepth)) {
      oddLine(buf.subarray(s, e), offset, ctx, hooks, out);
      return;
    }
    const text = buf.toString('utf8', a, b);
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      record = undefined;
    }
    if (record !== null && typeof record === 'object' && !Array.isArray(record) && !isWrapper(record as Record<string, unknown>)) {
      const obj = record as Record<string, unknown>;
      out.push(eventFromParsed(text, obj, ctx, () => hooks.timeBefore(offset)));
      if (ctx.timesOutOfRange !== badTimes) hooks.onMalformed?.(hooks.lineAt(offset), offset, TIME_OUT_OF_RANGE_MESSAGE);
      return;
    }
  }
  oddLine(buf.subarray(s, e), offset, ctx, hooks, out);
}

/** The event of an object line read through the projection; false when the ordinary path must decide. */
function projectedEvent(buf: Buffer, a: number, b: number, offset: number, ctx: EventContext, hooks: LineEventHooks, projection: ScanProjection, out: JsonEvent[]): boolean {
  const partial = projection.projector.project(buf, a, b);
  if (partial === null) return false;
  for (const k of BATCH_KEYS) if (partial[k] !== undefined) return false;
  // The raw bytes are copied (the block is reused) and decoded only if something reads _raw.
  const raw = Buffer.allocUnsafe(b - a);
  buf.copy(raw, 0, a, b);
  out.push(new PartialJsonEvent(raw, eventMeta(partial, ctx, () => hooks.timeBefore(offset)), partial, projection.answerable));
  return true;
}

function isWrapper(r: Record<string, unknown>): boolean {
  return Array.isArray(r.Records) || Array.isArray(r.records);
}

/**
 * A line that is not one plain object: split and expanded the way the ingest reader does. The splitter is
 * primed with a `{}` line so it is in its one-record-per-line layout, as the reader is for an NDJSON file.
 */
function oddLine(bytes: Buffer, offset: number, ctx: EventContext, hooks: LineEventHooks, out: JsonEvent[]): void {
  let firstLine = 0;
  const lineOf = (l: number) => (firstLine ||= hooks.lineAt(offset)) + l - 2;
  const report = (l: number, off: number, msg: string) => hooks.onMalformed?.(lineOf(l), offset + off - PRIMER.length, msg);
  ctx.lastTime = hooks.timeBefore(offset) ?? undefined;
  let primed = false;
  const splitter = new RecordSplitter(
    {
      record: (text, l, off) => {
        if (!primed) primed = true;
        else recordEvents(text, ctx, out, (m) => report(l, off, m));
      },
      malformed: report,
    },
    DEFAULT_LIMITS,
  );
  splitter.push(PRIMER);
  // The line and its newline in one buffer: the splitter emits a whole line only when it sees its end,
  // so an unterminated object reports `invalid JSON` at its line, as the reader does.
  splitter.push(Buffer.concat([bytes, NEWLINE_BYTES]));
  splitter.end();
}

const PRIMER = Buffer.from('{}\n');
const NEWLINE_BYTES = Buffer.from('\n');

/** The last time among a line's records (what ctx.lastTime would be after reading it), or null. */
export function lineTime(text: string, ctx: EventContext): number | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.trim());
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const record = parsed as Record<string, unknown>;
  const wrapped = Array.isArray(record.Records) ? record.Records : Array.isArray(record.records) ? record.records : null;
  const items = wrapped && !ctx.sourcetype && Object.keys(record).length <= 2 ? [...wrapped].reverse() : [record];
  for (const item of items) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
    const def = ctx.sourcetype ?? detectSourcetypeDef(item);
    const t = def.timeOf(item as Record<string, unknown>);
    if (t !== null && t === t) return t; // NaN: a time out of range, which eventMeta passes over too
  }
  return null;
}
