// Turns candidate NDJSON lines into Events exactly as the ingest reader would: _raw is the line without
// surrounding whitespace, the sourcetype is detected (or forced), a timeless record takes the time of the
// nearest earlier timed record (looked up on demand, since prefiltered lines were never parsed), and any
// line that is not one plain JSON object goes through the ingest RecordSplitter so odd input behaves the same.

import { eventFromParsed, type EventContext } from '../ingest/make-event.ts';
import type { JsonEvent } from '../ingest/json-event.ts';
import { DEFAULT_LIMITS } from '../ingest/limits.ts';
import { RecordSplitter } from '../ingest/record-splitter.ts';
import { recordEvents } from '../ingest/record-events.ts';
import { detectSourcetypeDef } from '../ingest/sourcetypes/index.ts';

const OPEN = 0x7b;
const CLOSE = 0x7d;

export interface LineEventHooks {
  /** Time of the nearest timed record that starts before this byte offset of the input (null: none). */
  timeBefore(offset: number): number | null;
  /** 1-based line number of a byte offset (for malformed-input reports only). */
  lineAt(offset: number): number;
  onMalformed?(line: number, offset: number, message: string): void;
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
  if (buf[a] === OPEN && buf[b - 1] === CLOSE) {
    const text = buf.toString('utf8', a, b);
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      record = undefined;
    }
    if (record !== null && typeof record === 'object' && !Array.isArray(record) && !isWrapper(record as Record<string, unknown>)) {
      const obj = record as Record<string, unknown>;
      const def = ctx.sourcetype ?? detectSourcetypeDef(obj);
      if (def.timeOf(obj) === null) ctx.lastTime = hooks.timeBefore(offset) ?? undefined;
      out.push(eventFromParsed(text, obj, ctx));
      return;
    }
  }
  oddLine(buf.subarray(s, e), offset, ctx, hooks, out);
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
    if (t !== null) return t;
  }
  return null;
}
