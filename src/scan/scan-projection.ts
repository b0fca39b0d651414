// The projection a scan uses: every field the plans read by name, what sourcetype detection and time reading
// need (ingest/sourcetypes/*.ts `reads`), and what the add-on aliases among those fields read, closed over
// aliases of aliases. Fields outside this set still work on projected events (they parse the raw text).

import { aliasedSourcetypes, aliasReads } from '../ingest/aliases.ts';
import { FALLBACK_SOURCETYPE, KNOWN_SOURCETYPES, type SourcetypeDef } from '../ingest/sourcetypes/index.ts';
import { JsonProjector } from './json-projector.ts';
import { projectionFor } from './projection-spec.ts';

export interface ScanProjection {
  readonly projector: JsonProjector;
  /** Field names the projection answers exactly. */
  readonly answerable: ReadonlySet<string>;
}

/** Keys that make a line a records batch: such lines leave the projection for the ordinary path. */
export const BATCH_KEYS = ['Records', 'records'] as const;

export function scanProjection(planFields: readonly string[], forced?: SourcetypeDef): ScanProjection {
  const defs = forced ? [forced] : [...KNOWN_SOURCETYPES, FALLBACK_SOURCETYPE];
  const values = new Set<string>(planFields);
  const present = new Set<string>(BATCH_KEYS);
  for (const def of defs) {
    for (const f of def.reads.values) values.add(f);
    for (const k of def.reads.present) present.add(k);
  }
  const sourcetypes = aliasedSourcetypes();
  const pending = [...values];
  while (pending.length > 0) {
    const field = pending.pop()!;
    for (const st of sourcetypes) {
      for (const read of aliasReads(st, field) ?? []) {
        if (!values.has(read)) {
          values.add(read);
          pending.push(read);
        }
      }
    }
  }
  return { projector: new JsonProjector(projectionFor(values, present)), answerable: values };
}
