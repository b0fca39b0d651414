// Turns a JSON time value from a log record into epoch seconds: ISO strings through the shared
// parseTimestamp (zone-less means UTC, as O365 CreationTime is documented), numbers as epoch seconds or,
// when too large for seconds, milliseconds.

import { parseTimestamp } from '../core/time.ts';

let lastText: string | undefined;
let lastTime: number | null = null;

export function timeFromJson(v: unknown): number | null {
  if (typeof v === 'string') {
    if (v.length > 40) return null;
    // Consecutive records of a log mostly share their timestamp text: parse each text once.
    if (v === lastText) return lastTime;
    lastTime = parseTimestamp(v, 'UTC');
    lastText = v;
    return lastTime;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return v > 1e11 ? v / 1000 : v;
  return null;
}
