// Packs accepted events into a WireBatch (in a worker) and unpacks them into ProjectedEvents (in the
// coordinator). The projected values travel with the event, so the coordinator answers the plans' fields
// without parsing; the raw bytes travel too and are decoded only if a plan reads _raw or another field.

import type { Value } from '../core/value.ts';
import type { JsonEvent } from '../ingest/json-event.ts';
import { ProjectedEvent } from './projected-event.ts';
import type { WireBatch } from './wire.ts';

export function packBatch(events: readonly JsonEvent[], verdicts: readonly number[], fields: readonly string[]): WireBatch {
  const count = events.length;
  const times = new Float64Array(count);
  const meta = new Uint16Array(count);
  const metaTable: [string, string][] = [];
  const metaIds = new Map<string, number>();
  const values: Value[] = [];
  const raws: Uint8Array[] = [];
  const rawEnds = new Uint32Array(count);
  let rawBytes = 0;
  for (let i = 0; i < count; i++) {
    const e = events[i]!;
    times[i] = e._time;
    const key = `${e.sourcetype}\u0000${e.index}`;
    let id = metaIds.get(key);
    if (id === undefined) {
      id = metaTable.length;
      metaIds.set(key, id);
      metaTable.push([e.sourcetype, e.index]);
    }
    meta[i] = id;
    for (const f of fields) values.push(e.get(f));
    const raw = e.rawBytes();
    raws.push(raw);
    rawBytes += raw.length;
    rawEnds[i] = rawBytes;
  }
  return { count, times, meta, metaTable, values, raw: Buffer.concat(raws, rawBytes), rawEnds, verdicts: Int32Array.from(verdicts) };
}

export function unpackBatch(batch: WireBatch, source: string, host: string, positions: ReadonlyMap<string, number>, push: (e: ProjectedEvent, verdict: number) => void): void {
  const width = positions.size;
  let start = 0;
  for (let i = 0; i < batch.count; i++) {
    const [sourcetype, index] = batch.metaTable[batch.meta[i]!]!;
    const end = batch.rawEnds[i]!;
    const meta = { sourcetype, index, source, host, time: batch.times[i]! };
    push(new ProjectedEvent(batch.raw.subarray(start, end), meta, positions, batch.values, i * width), batch.verdicts[i]!);
    start = end;
  }
}
