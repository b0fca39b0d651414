// The event handed from ingest to exec: one log record with Splunk's default fields and lazily resolved
// JSON fields. Exec reads fields only through `get`, so ingest may parse as late (and as little) as it likes.

import type { Value } from './value.ts';

export interface Event {
  /** Epoch seconds (may be fractional), from the sourcetype's own time field. */
  readonly _time: number;
  readonly _raw: string;
  readonly sourcetype: string;
  readonly source: string;
  readonly index: string;
  readonly host: string;
  /**
   * Resolves a field by its Splunk name, as KV_MODE=json auto-extraction plus the sourcetype's add-on
   * aliases produce it: `userIdentity.arn`, `resources{}.ARN` (multivalue), `src`, `_time`, `_raw`...
   * Returns null when the event has no such field.
   */
  get(field: string): Value;
  /** Every field name the event has, in a stable order (JSON order, then aliases, then default fields). */
  fieldNames(): readonly string[];
}
