// Parses the body of /services/collector/event: one or more JSON envelopes `{"event":..., "time":...,
// "sourcetype":..., "source":..., "host":..., "index":...}` concatenated, optionally separated by whitespace.
// The whole request is accepted or rejected: a bad envelope stores nothing (no partial acknowledgement).

import { DEFAULT_LIMITS } from '../../ingest/limits.ts';
import { exceedsDepth } from '../../ingest/record-splitter.ts';
import { HEC, type HecReply } from './replies.ts';

export interface HecEnvelope {
  /** The event as text: an object or array is serialised to JSON, a string is kept as sent. */
  readonly raw: string;
  /** The event parsed (objects), or undefined when the event is plain text. */
  readonly record: unknown;
  readonly time: number | null;
  readonly sourcetype: string | null;
  readonly source: string | null;
  readonly host: string | null;
  readonly index: string | null;
}

export type ParseResult = { readonly ok: true; readonly envelopes: HecEnvelope[] } | { readonly ok: false; readonly reply: HecReply };

/** Splits concatenated top-level JSON values by scanning braces outside strings (no regex backtracking). */
function splitConcatenated(text: string): string[] | number {
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && /\s/.test(text[i]!)) i++;
    if (i >= n) break;
    if (text[i] !== '{') return out.length;
    let depth = 0;
    let inString = false;
    const start = i;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (c === 92) i++; // backslash: skip the escaped character
        else if (c === 34) inString = false;
      } else if (c === 34) inString = true;
      else if (c === 123 || c === 91) {
        // Deeper than ingest's limit: JSON.stringify and the field walkers would overflow the stack.
        if (++depth > DEFAULT_LIMITS.maxDepth) return out.length;
      }
      else if (c === 125 || c === 93) {
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      }
    }
    if (depth !== 0) return out.length;
    out.push(text.slice(start, i));
  }
  return out;
}

function optString(v: unknown): string | null {
  if (typeof v === 'string' && v.length > 0) return v;
  if (typeof v === 'number') return String(v);
  return null;
}

/** HEC `time`: epoch seconds as a number or numeric string (fractions allowed). */
export function parseHecTime(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
  if (typeof v === 'string' && /^\d{1,12}(\.\d{1,9})?$/.test(v)) return Number(v);
  return null;
}

export function parseEventBody(body: string): ParseResult {
  if (body.trim().length === 0) return { ok: false, reply: HEC.noData() };
  const parts = splitConcatenated(body);
  if (typeof parts === 'number') return { ok: false, reply: HEC.invalidDataFormat(parts) };
  const envelopes: HecEnvelope[] = [];
  for (let k = 0; k < parts.length; k++) {
    let obj: unknown;
    try {
      obj = JSON.parse(parts[k]!);
    } catch {
      return { ok: false, reply: HEC.invalidDataFormat(k) };
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return { ok: false, reply: HEC.invalidDataFormat(k) };
    const env = obj as Record<string, unknown>;
    if (!('event' in env) || env.event === undefined || env.event === null) return { ok: false, reply: HEC.eventRequired(k) };
    const ev = env.event;
    if (ev === '' || (typeof ev === 'object' && !Array.isArray(ev) && Object.keys(ev as object).length === 0)) return { ok: false, reply: HEC.eventBlank(k) };
    if ('time' in env && env.time !== undefined && parseHecTime(env.time) === null) return { ok: false, reply: HEC.invalidDataFormat(k) };
    let raw: string;
    let record: unknown;
    if (typeof ev === 'string') {
      raw = ev;
      record = tryParseObject(ev);
    } else if (typeof ev === 'object') {
      raw = JSON.stringify(ev);
      record = ev;
    } else {
      raw = String(ev);
      record = undefined;
    }
    envelopes.push({
      raw,
      record,
      time: parseHecTime(env.time),
      sourcetype: optString(env.sourcetype),
      source: optString(env.source),
      host: optString(env.host),
      index: optString(env.index),
    });
  }
  return { ok: true, envelopes };
}

/** A JSON object inside a string event (forwarders often send the log line as text). */
export function tryParseObject(text: string): unknown {
  const t = text.trimStart();
  if (!t.startsWith('{')) return undefined;
  // Nested past ingest's limit: kept as a text event, since re-serialising it would overflow the stack.
  const bytes = Buffer.from(t);
  if (exceedsDepth(bytes, 0, bytes.length, DEFAULT_LIMITS.maxDepth)) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** /services/collector/raw: one event per non-empty line. */
export function parseRawBody(body: string): ParseResult {
  const lines = body.split(/\r?\n/).filter((l) => l.trim().length > 0);
  if (lines.length === 0) return { ok: false, reply: HEC.noData() };
  return {
    ok: true,
    envelopes: lines.map((raw) => ({ raw, record: tryParseObject(raw), time: null, sourcetype: null, source: null, host: null, index: null })),
  };
}
