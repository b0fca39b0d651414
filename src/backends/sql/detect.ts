// A record's sourcetype from its shape (sql/mapping.yml, mirroring src/ingest/sourcetypes/*.ts), written over
// the reader's map of top-level keys `m` (see reader.ts). Decided once per record as one CASE in
// detect_order, so "matches and no earlier sourcetype matches" is the first WHEN that holds.

import { loadMappingData } from '../mapping-data.ts';
import { jsonPath, splitTopKey, sqlString } from './quoting.ts';
import { scalarAt, topValue } from './record-columns.ts';

export type Detect =
  | { readonly all: readonly Detect[] }
  | { readonly any: readonly Detect[] }
  | { readonly not: Detect }
  | { readonly string: string }
  | { readonly object: string }
  | { readonly present: string }
  | { readonly equals: string; readonly values: readonly string[]; readonly case_sensitive?: boolean }
  | { readonly contains: string; readonly text: string }
  | { readonly starts_with: string; readonly text: string };

export type SqlAlias = { readonly first: readonly string[] } | { readonly constant: string } | { readonly json_paths: readonly string[] };

export interface SqlSourcetype {
  readonly detect: Detect;
  readonly time: readonly string[];
  readonly aliases?: Readonly<Record<string, SqlAlias>>;
  readonly untranslated_aliases?: readonly string[];
}
interface SqlMapping {
  readonly detect_order: readonly string[];
  readonly sourcetypes: Readonly<Record<string, SqlSourcetype>>;
}

export function sqlMapping(): SqlMapping {
  return loadMappingData<SqlMapping>('sql/mapping.yml');
}

/** The top-level key's JSON value and the path inside it, for a Splunk field name of mapping.yml. */
function valueAt(field: string): { top: string; rest: string } {
  return splitTopKey(jsonPath(field)!.path)!;
}

/** The JSON type of a field (VARCHAR, OBJECT...); a top-level value is typed by its first character. */
const typeIs = (field: string, type: 'VARCHAR' | 'OBJECT') => {
  const { top, rest } = valueAt(field);
  if (rest === '$') return `coalesce(left(${topValue(top)}, 1) = '${type === 'VARCHAR' ? '"' : '{'}', false)`;
  return `coalesce(json_type(${topValue(top)}, ${sqlString(rest)}) = '${type}', false)`;
};

const str = (field: string) => {
  const { top, rest } = valueAt(field);
  return scalarAt(top, rest);
};

/** A key that is there, even with a null value: the map keeps the key of a JSON null (its value is NULL). */
function present(field: string): string {
  const { top, rest } = valueAt(field);
  if (rest === '$') return `coalesce(map_contains(m, ${sqlString(top)}), false)`;
  return `coalesce(json_type(${topValue(top)}, ${sqlString(rest)}) IS NOT NULL, false)`;
}

/** A detection condition as a two-valued SQL boolean (never NULL, so NOT works as in the ingest code). */
export function detects(d: Detect): string {
  if ('all' in d) return `(${d.all.map(detects).join(' AND ')})`;
  if ('any' in d) return `(${d.any.map(detects).join(' OR ')})`;
  if ('not' in d) return `(NOT ${detects(d.not)})`;
  if ('string' in d) return typeIs(d.string, 'VARCHAR');
  if ('object' in d) return typeIs(d.object, 'OBJECT');
  if ('present' in d) return present(d.present);
  if ('equals' in d) {
    const v = d.case_sensitive ? str(d.equals) : `lower(${str(d.equals)})`;
    // list_contains, not IN: DuckDB turns a long IN list into a join that runs on every record.
    return `coalesce(list_contains([${d.values.map((x) => sqlString(d.case_sensitive ? x : x.toLowerCase())).join(', ')}], ${v}), false)`;
  }
  if ('contains' in d) return `coalesce(contains(lower(${str(d.contains)}), ${sqlString(d.text.toLowerCase())}), false)`;
  return `coalesce(starts_with(lower(${str(d.starts_with)}), ${sqlString(d.text.toLowerCase())}), false)`;
}

/**
 * The sourcetype of the record in `m`, or NULL: a CASE over detect_order that stops after the last of
 * `wanted` (later sourcetypes cannot change which of the wanted ones a record is).
 */
export function sourcetypeCase(wanted: readonly string[]): string {
  const m = sqlMapping();
  const last = Math.max(...wanted.map((s) => m.detect_order.indexOf(s)));
  const arms = m.detect_order.slice(0, last + 1).map((s) => `WHEN ${detects(m.sourcetypes[s]!.detect)} THEN ${sqlString(s)}`);
  return arms.length ? `CASE\n      ${arms.join('\n      ')}\n    END` : 'NULL';
}
