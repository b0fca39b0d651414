// Turns result values into output text the way Splunk exports them: multivalue fields join with a newline
// in table and CSV output (arrays in JSON), and `_time` is shown as an ISO timestamp instead of epoch seconds.

import { MAX_EPOCH } from '../../core/time.ts';
import { scalarToNumber, valueToString, type Value } from '../../core/value.ts';

/** `_time` as Splunk's CSV/JSON export writes it: 2024-07-31T12:46:41.000+00:00 (UTC). */
export function isoTime(epochSeconds: number): string {
  // A _time a Date cannot hold (a query's eval can make one) prints as its number, not a crash.
  if (!(Math.abs(epochSeconds) <= MAX_EPOCH)) return String(epochSeconds);
  return new Date(Math.round(epochSeconds * 1000)).toISOString().replace('Z', '+00:00');
}

/** The text of one cell: null -> "", multivalue -> newline-joined, `_time` -> ISO timestamp. */
export function cellText(field: string, value: Value): string {
  if (value === null) return '';
  if (field === '_time' && !Array.isArray(value)) {
    const n = scalarToNumber(value as string | number);
    if (n !== null) return isoTime(n);
  }
  return valueToString(value) ?? '';
}
