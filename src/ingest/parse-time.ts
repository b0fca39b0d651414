// Turns a JSON time value from a log record into epoch seconds: ISO strings through the shared
// parseTimestamp (zone-less means UTC, as O365 CreationTime is documented), numbers as epoch seconds or,
// when too large for seconds, milliseconds. A time outside the accepted range (core/event-time.ts) is
// TIME_OUT_OF_RANGE (NaN): present but unusable, which eventMeta reports and replaces.

import { parseTimestamp } from '../core/time.ts';
import { inEventTimeRange, TIME_OUT_OF_RANGE } from '../core/event-time.ts';

let lastText: string | undefined;
let lastTime: number | null = null;

export function timeFromJson(v: unknown): number | null {
  if (typeof v === 'string') {
    if (v.length > 40) return null;
    // Consecutive records of a log mostly share their timestamp text: parse each text once.
    if (v === lastText) return lastTime;
    const t = parseTimestamp(v, 'UTC');
    lastTime = t === null || inEventTimeRange(t) ? t : TIME_OUT_OF_RANGE;
    lastText = v;
    return lastTime;
  }
  if (typeof v === 'number') {
    // JSON.parse turns 1e400 into Infinity: out of range like 1e300, not absent.
    const t = v > 1e11 ? v / 1000 : v;
    return inEventTimeRange(t) ? t : TIME_OUT_OF_RANGE;
  }
  return null;
}
