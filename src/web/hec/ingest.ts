// Turns parsed HEC envelopes into journal rows (time and sourcetype resolved the way ingest resolves them for
// files) and appends them durably. The caller answers Success only after this returns.

import { inEventTimeRange, MAX_SECONDS_AHEAD } from '../../core/event-time.ts';
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

/**
 * Journal rows for a request's envelopes. An envelope or record time outside the accepted range
 * (core/event-time.ts) counts as absent (the record's own time, else `now`); a time more than
 * MAX_SECONDS_AHEAD after `now` becomes `now`. Each is counted in `timesReplaced`, so one bad clock can
 * neither break the pages nor push the event-time watermark ahead of every other sender.
 */
export function toStoredEvents(envelopes: readonly HecEnvelope[], defaults: IngestDefaults, now: number, counts: { timesReplaced: number } = { timesReplaced: 0 }): StoredEventInput[] {
  const out: StoredEventInput[] = [];
  const replaced = () => void counts.timesReplaced++;
  for (const env of envelopes) {
    const declared = env.sourcetype ?? defaults.sourcetype ?? undefined;
    const source = env.source ?? defaults.source;
    const host = env.host ?? defaults.host;
    const index = env.index ?? defaults.index;
    let time = env.time;
    if (time !== null && !inEventTimeRange(time)) {
      replaced();
      time = null;
    }
    let sourcetype = declared ?? null;
    if (env.record !== undefined) {
      // Ingest knows each sourcetype's time field, its aliases, and how to recognise a record's sourcetype.
      let ownOutOfRange = false;
      const ev = makeEvent(env.record, { ...(declared ? { sourcetype: declared } : {}), source, host, index, ...(time === null ? {} : { time }) }, () => (ownOutOfRange = true));
      sourcetype = ev.sourcetype;
      if (ownOutOfRange) replaced();
      else if (time === null) time = ev._time;
    }
    if (time === null || !(time <= now + MAX_SECONDS_AHEAD)) {
      if (time !== null) replaced();
      time = now;
    }
    out.push({ time, sourcetype: sourcetype ?? 'httpevent', source, host, index, raw: env.raw });
  }
  return out;
}

export function storeEvents(db: Db, events: readonly StoredEventInput[], requestKey: string | null, channel: string | null): AppendResult {
  return appendEvents(db, events, requestKey, channel);
}
