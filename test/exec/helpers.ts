// Test helpers for exec: events from plain objects (via the real JsonEvent) and a runner returning plain rows.
import { JsonEvent } from '../../src/ingest/json-event.ts';
import type { Event } from '../../src/core/event.ts';
import type { PlanExpr, PlanNode } from '../../src/plan/nodes.ts';
import { runQuery, type ExecOptions } from '../../src/exec/run.ts';

/** An event whose JSON is `record`; `_time` and `sourcetype` go to the event metadata, not the JSON. */
export function ev(record: Record<string, unknown>, meta: { _time?: number; sourcetype?: string } = {}): Event {
  return new JsonEvent(JSON.stringify(record), {
    sourcetype: meta.sourcetype ?? 'test:json',
    source: 'test',
    index: 'main',
    host: 'h',
    time: meta._time ?? 0,
  });
}

export const scan = (predicate: PlanExpr | null = null): PlanNode => ({ kind: 'scan', predicate, earliest: null, latest: null });

/** Runs a plan and returns rows as plain objects restricted to `cols` (absent fields omitted). */
export async function rows(root: PlanNode, events: Event[], cols: string[], opts: ExecOptions = {}): Promise<Record<string, unknown>[]> {
  const out = await runQuery({ root }, events, { now: 1_700_000_000, ...opts });
  return out.map((r) => {
    const o: Record<string, unknown> = {};
    for (const c of cols) {
      const v = r.get(c);
      if (v !== null) o[c] = Array.isArray(v) ? [...v] : v;
    }
    return o;
  });
}
