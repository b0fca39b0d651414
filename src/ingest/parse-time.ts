// Turns a JSON time value from a log record into epoch seconds: ISO strings through the shared
// parseTimestamp (zone-less means UTC, as O365 CreationTime is documented), numbers as epoch seconds or,
// when too large for seconds, milliseconds.

import { parseTimestamp } from '../core/time.ts';

export function timeFromJson(v: unknown): number | null {
  if (typeof v === 'string') return v.length <= 40 ? parseTimestamp(v, 'UTC') : null;
  if (typeof v === 'number' && Number.isFinite(v)) return v > 1e11 ? v / 1000 : v;
  return null;
}
