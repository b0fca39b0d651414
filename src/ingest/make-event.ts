// Builds Events from parsed records: picks the sourcetype (given, or detected from the record's shape),
// reads _time from that source's own time field, and sets index/source/host. Used by the file reader,
// HEC ingest and scenario generation, so every path makes events the same way.

import { hostname } from 'node:os';
import type { Event } from '../core/event.ts';
import { inEventTimeRange } from '../core/event-time.ts';
import { JsonEvent, type EventMeta } from './json-event.ts';
import type { ReadCounts } from './read-counts.ts';
import { detectSourcetypeDef, sourcetypeByName, type SourcetypeDef } from './sourcetypes/index.ts';

let cachedHost: string | undefined;

/** The default `host` field: like a Splunk file monitor input, the name of the machine reading the file. */
export function defaultHost(): string {
  return (cachedHost ??= hostname());
}

/** The sourcetype name a record's shape indicates: one of our four, or `_json`. */
export function detectSourcetype(record: unknown): string {
  return detectSourcetypeDef(record).name;
}

export interface EventContext {
  /** Forced sourcetype definition (from --sourcetype); detection per record otherwise. */
  readonly sourcetype?: SourcetypeDef;
  readonly index?: string;
  readonly source: string;
  readonly host: string;
  /** _time for records with no time before any timed record of this input (file mtime, or start time). */
  readonly fallbackTime: number;
  /** The last time found in this input; Splunk gives a timeless event its predecessor's time. */
  lastTime?: number;
  /** Where untimed events (and, for the drivers that count them, lines) are counted. */
  readonly counts?: ReadCounts;
  /**
   * Records whose time was outside the accepted range (core/event-time.ts) so far: a reader compares it
   * before and after a record to report that record at its line, at no cost for the others.
   */
  timesOutOfRange?: number;
}

/** An event over a record whose JSON text is `raw` and whose parse is `record` (`timeBefore`: see eventMeta). */
export function eventFromParsed(raw: string, record: Record<string, unknown>, ctx: EventContext, timeBefore?: () => number | null): JsonEvent {
  return new JsonEvent(raw, eventMeta(record, ctx, timeBefore), record);
}

/**
 * The metadata of a record read in order from an input: its sourcetype (forced or detected), and its time,
 * or for a timeless record the time of the last timed record before it (Splunk's rule), which it updates.
 * `record` may be a projection that keeps what the sourcetype definitions read (SourcetypeDef.reads).
 * `timeBefore` finds that earlier time when records were skipped unread (the scan path's prefilter).
 */
export function eventMeta(record: Readonly<Record<string, unknown>>, ctx: EventContext, timeBefore?: () => number | null): EventMeta {
  const def = ctx.sourcetype ?? detectSourcetypeDef(record);
  let time = def.timeOf(record);
  // NaN (TIME_OUT_OF_RANGE) is the only value not equal to itself: an unusable time, treated as none.
  if (time === null || time !== time) {
    if (time !== null) ctx.timesOutOfRange = (ctx.timesOutOfRange ?? 0) + 1;
    if (ctx.counts) ctx.counts.untimed.set(def.name, (ctx.counts.untimed.get(def.name) ?? 0) + 1);
    if (timeBefore) ctx.lastTime = timeBefore() ?? undefined;
    time = ctx.lastTime ?? ctx.fallbackTime;
  } else ctx.lastTime = time;
  return {
    sourcetype: def.name,
    index: ctx.index ?? def.index,
    source: ctx.source,
    host: ctx.host,
    time,
  };
}

/**
 * An Event for one record object (HEC, scenarios, tests). The sourcetype is detected when `meta` gives none;
 * `_time` falls back to now when neither `meta.time` nor a usable record time is present (a record time
 * outside the accepted range calls `onTimeOutOfRange`).
 */
export function makeEvent(record: unknown, meta: Partial<EventMeta> = {}, onTimeOutOfRange?: () => void): Event {
  const obj = (record !== null && typeof record === 'object' && !Array.isArray(record) ? record : { value: record }) as Record<string, unknown>;
  const def = meta.sourcetype ? sourcetypeByName(meta.sourcetype) : detectSourcetypeDef(obj);
  let own = meta.time === undefined ? def.timeOf(obj) : null;
  if (own !== null && !inEventTimeRange(own)) {
    onTimeOutOfRange?.();
    own = null;
  }
  const full: EventMeta = {
    sourcetype: def.name,
    index: meta.index ?? def.index,
    source: meta.source ?? 'sightline',
    host: meta.host ?? defaultHost(),
    time: meta.time ?? own ?? Date.now() / 1000,
  };
  return new JsonEvent(JSON.stringify(obj), full, obj);
}
