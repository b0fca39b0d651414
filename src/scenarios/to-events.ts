// Generated records become Events through ingest's makeEvent, the same path HEC and file reading use, so
// `sightline test` sees exactly what `detect` would see after `simulate` wrote the files.

import type { Event } from '../core/event.ts';
import { makeEvent } from '../ingest/make-event.ts';
import type { GeneratedRecord } from './generate.ts';

export function toEvents(records: readonly GeneratedRecord[]): Event[] {
  return records.map((r) => makeEvent(r.record, { sourcetype: r.sourcetype, source: `scenario:${r.scenario}`, host: 'sightline-simulate', time: r.time }));
}
