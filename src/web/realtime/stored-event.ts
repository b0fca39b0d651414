// Rebuilds engine events from journal rows: JSON records become JsonEvents (parsed once, fields resolved
// lazily); plain-text lines become TextEvents that carry only Splunk's default fields.

import { JsonEvent, type Event, type Value } from '../../index.ts';
import type { StoredEvent } from '../store/events.ts';

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
    switch (field) {
      case '_time': return this._time;
      case '_raw': return this._raw;
      case 'sourcetype': return this.sourcetype;
      case 'source': return this.source;
      case 'index': return this.index;
      case 'host': return this.host;
      default: return null;
    }
  }
  fieldNames(): readonly string[] {
    return ['_time', '_raw', 'sourcetype', 'source', 'index', 'host'];
  }
}

export function toEngineEvent(e: StoredEvent): Event {
  const meta = { sourcetype: e.sourcetype, source: e.source, host: e.host, index: e.index, time: e.time };
  if (e.raw.trimStart().startsWith('{')) {
    try {
      const obj = JSON.parse(e.raw) as unknown;
      if (obj !== null && typeof obj === 'object' && !Array.isArray(obj)) return new JsonEvent(e.raw, meta, obj);
    } catch {
      // not JSON after all: a text event
    }
  }
  return new TextEvent(e.raw, e.time, e.sourcetype, e.source, e.index, e.host);
}
