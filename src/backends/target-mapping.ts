// Shared shape of the per-target field mapping data (src/backends/<target>/mapping.yml) and the lookup
// every query-language target performs: exact field entry first, then a JSON-column prefix.

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
