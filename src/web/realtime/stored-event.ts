// Rebuilds engine events from journal rows: JSON records become JsonEvents (parsed once, fields resolved
// lazily); plain-text lines become TextEvents that carry only Splunk's default fields.

import { JsonEvent, type Event, type Value } from '../../index.ts';
import { textExceedsDepth } from '../../ingest/record-splitter.ts';
import type { StoredEvent } from '../store/events.ts';

/** Splunk's default fields: a text event has these and no others. */
const DEFAULT_FIELDS = ['_time', '_raw', 'sourcetype', 'source', 'index', 'host'] as const;
type DefaultField = (typeof DEFAULT_FIELDS)[number];

class TextEvent implements Event {
  constructor(
    readonly _raw: string,
    readonly _time: number,
    readonly sourcetype: string,
    readonly source: string,
    readonly index: string,
    readonly host: string,
  ) {}
  get(field: string): Value {
    // Each default field is the property of the same name.
    return (DEFAULT_FIELDS as readonly string[]).includes(field) ? this[field as DefaultField] : null;
  }
  fieldNames(): readonly string[] {
    return [...DEFAULT_FIELDS];
  }
}

export function toEngineEvent(e: StoredEvent): Event {
  const meta = { sourcetype: e.sourcetype, source: e.source, host: e.host, index: e.index, time: e.time };
  // A record nested past ingest's limit stays text: its fields would overflow the walkers' stack.
  if (e.raw.trimStart().startsWith('{') && !textExceedsDepth(e.raw)) {
    try {
      const obj = JSON.parse(e.raw) as unknown;
      if (obj !== null && typeof obj === 'object' && !Array.isArray(obj)) return new JsonEvent(e.raw, meta, obj);
    } catch {
      // not JSON after all: a text event
    }
  }
  return new TextEvent(e.raw, e.time, e.sourcetype, e.source, e.index, e.host);
}
