// Shared shape of the per-target field mapping data (src/backends/<target>/mapping.yml) and the lookup
// every query-language target performs: exact field entry first, then a JSON-column prefix.

import type { Branch, BranchedPlan } from './branches.ts';
import type { ColType } from './scope.ts';

export type FieldEntry = string | { readonly expr?: string; readonly column?: string; readonly type?: ColType; readonly values?: Readonly<Record<string, string | number | boolean>> };

export interface SourcetypeMapping {
  readonly fields: Readonly<Record<string, FieldEntry>>;
  readonly json_prefixes?: Readonly<Record<string, string>>;
}

export type FieldLookup =
  | { readonly kind: 'entry'; readonly text: string; readonly type: ColType; readonly values?: Readonly<Record<string, string | number | boolean>> }
  | { readonly kind: 'json'; readonly column: string; readonly path: readonly string[] }
  | { readonly kind: 'none' };

export function lookupField(m: SourcetypeMapping, name: string): FieldLookup {
  const e = m.fields[name];
  if (e !== undefined) {
    if (typeof e === 'string') return { kind: 'entry', text: e, type: 'string' };
    const text = e.expr ?? e.column ?? name;
    return { kind: 'entry', text, type: e.type ?? 'string', ...(e.values ? { values: e.values } : {}) };
  }
  for (const [prefix, column] of Object.entries(m.json_prefixes ?? {})) {
    if (name.startsWith(`${prefix}.`) && !name.includes('{')) return { kind: 'json', column, path: name.slice(prefix.length + 1).split('.') };
  }
  return { kind: 'none' };
}

/**
 * Fields that a union's table in this branch names but that belong to other branches: columns some branch
 * creates, and table fields another branch's log has. Here they are absent (null), not unmapped log fields.
 */
export function otherBranchFields(split: BranchedPlan, br: Branch, sourcetypes: Readonly<Record<string, SourcetypeMapping | undefined>>): Set<string> {
  const others = split.branches.filter((o) => o !== br).map((o) => sourcetypes[o.sourcetype]).filter((o) => o !== undefined);
  const elsewhere = new Set(split.branchColumns);
  for (const op of br.ops) if (op.kind === 'table') for (const f of op.fields) if (others.some((o) => lookupField(o, f).kind !== 'none')) elsewhere.add(f);
  return elsewhere;
}
