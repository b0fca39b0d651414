// Turns parsed HEC envelopes into journal rows (time and sourcetype resolved the way ingest resolves them for
// files) and appends them durably. The caller answers Success only after this returns.

import type { Db } from '../store/db.ts';
import { appendEvents, type AppendResult, type StoredEventInput } from '../store/events.ts';
import { makeEvent } from '../engine.ts';
import type { HecEnvelope } from './parse-event-body.ts';

export interface IngestDefaults {
  readonly sourcetype: string | null;
  readonly source: string;
  readonly host: string;
  readonly index: string;
}

export function toStoredEvents(envelopes: readonly HecEnvelope[], defaults: IngestDefaults, now: number): StoredEventInput[] {
  const out: StoredEventInput[] = [];
  for (const env of envelopes) {
    const declared = env.sourcetype ?? defaults.sourcetype ?? undefined;
    const source = env.source ?? defaults.source;
    const host = env.host ?? defaults.host;
    const index = env.index ?? defaults.index;
    let time = env.time;
    let sourcetype = declared ?? null;
    if (env.record !== undefined) {
      // Ingest knows each sourcetype's time field, its aliases, and how to recognise a record's sourcetype.
      const ev = makeEvent(env.record, { ...(declared ? { sourcetype: declared } : {}), source, host, index, ...(time === null ? {} : { time }) });
      sourcetype = ev.sourcetype;
      if (time === null && Number.isFinite(ev._time)) time = ev._time;
    }
    out.push({ time: time ?? now, sourcetype: sourcetype ?? 'httpevent', source, host, index, raw: env.raw });
  }
  return out;
}

export function storeEvents(db: Db, events: readonly StoredEventInput[], requestKey: string | null, channel: string | null): AppendResult {
  return appendEvents(db, events, requestKey, channel);
}
