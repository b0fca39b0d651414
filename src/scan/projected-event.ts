// Events rebuilt in the main thread from what a worker sent: the raw text plus the values of the fields
// the plans read, which the worker resolved with the same JsonEvent code. Reading one of those fields
// costs nothing; any other field (or fieldNames) parses the raw text as a JsonEvent would, so the result
// never depends on the field list being complete. The field list is collected from the plans.

import type { Value } from '../core/value.ts';
import { JsonEvent, type EventMeta } from '../ingest/json-event.ts';
import type { QueryPlan } from '../plan/nodes.ts';

const DEFAULT_FIELDS = new Set(['_time', '_raw', 'sourcetype', 'source', 'index', 'host']);

export class ProjectedEvent extends JsonEvent {
  constructor(
    raw: string | Uint8Array,
    meta: EventMeta,
    /** Field name -> position among an event's values (one map shared by all events of a run). */
    private readonly positions: ReadonlyMap<string, number>,
    /** The values of a whole batch; this event's start at `base`. */
    private readonly values: readonly Value[],
    private readonly base = 0,
  ) {
    super(raw, meta);
  }

  override get(field: string): Value {
    const i = this.positions.get(field);
    return i !== undefined ? (this.values[this.base + i] as Value) : super.get(field);
  }
}

/** Field names a set of plans reads by name (field references, `by`, `fields`, command fields). */
export function planFieldNames(plans: readonly QueryPlan[]): string[] {
  const names = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.length > 0 && !v.includes('*') && !DEFAULT_FIELDS.has(v)) names.add(v);
  };
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const x of node) visit(x);
      return;
    }
    const o = node as Record<string, unknown>;
    if (o.kind === 'field') add(o.name);
    for (const [key, value] of Object.entries(o)) {
      if (key === 'span') continue;
      if (key === 'field' || key === 'from') add(value);
      else if ((key === 'by' || key === 'fields') && Array.isArray(value)) value.forEach(add);
      else visit(value);
    }
  };
  for (const p of plans) visit(p.root);
  return [...names].sort();
}
