// The fields a query reads, each projected once per record into its own column (`__sl_str:a.b`,
// `__sl_mv:a{}`, `__sl_time:eventTime`) from the reader's map of top-level keys. Branches then filter and
// compute over these columns instead of re-reading the record for every use of a field.

import { sqlIdent, sqlString, splitTopKey } from './quoting.ts';

/** str: a scalar (objects and arrays are not values); mv: a `{}` path as a list; time: `_time` in epoch seconds. */
export type ValueKind = 'str' | 'mv' | 'time';

/** Columns the reader adds; the final SELECT leaves them out. */
export const INTERNAL_PREFIX = '__sl_';
export const SOURCETYPE_COLUMN = `${INTERNAL_PREFIX}st`;

/** A top-level key's value in the reader's map `m`: its JSON text, NULL when the key is missing or null. */
export function topValue(key: string): string {
  return `m[${sqlString(key)}]`;
}

/** A scalar field (objects and arrays are not values): one small extraction per read. */
export function scalarAt(top: string, rest: string): string {
  return rest === '$' ? `sl_val(${topValue(top)})` : `sl_val(json_extract(${topValue(top)}, ${sqlString(rest)}))`;
}

export class RecordColumns {
  private readonly byPath = new Map<string, { name: string; expr: string }>();
  private readonly names = new Set<string>([SOURCETYPE_COLUMN]);

  /**
   * The column holding `path` (a JSONPath) read as `kind`, named after `label` (the Splunk field when there
   * is one); null when the path does not start with a key.
   */
  column(kind: ValueKind, path: string, label: string): string | null {
    const key = `${kind} ${path}`;
    let col = this.byPath.get(key);
    if (!col) {
      const split = splitTopKey(path);
      if (!split) return null;
      let name = `${INTERNAL_PREFIX}${kind}:${label}`;
      for (let i = 2; this.names.has(name); i++) name = `${INTERNAL_PREFIX}${kind}:${label}#${i}`;
      this.names.add(name);
      const expr = kind === 'str' ? scalarAt(split.top, split.rest) : `sl_${kind}(${topValue(split.top)}, ${sqlString(split.rest)})`;
      col = { name, expr };
      this.byPath.set(key, col);
    }
    return sqlIdent(col.name);
  }

  /** `expr AS "name"` for every column, in the order they were first read. */
  selectItems(): string[] {
    return [...this.byPath.values()].map((c) => `${c.expr} AS ${sqlIdent(c.name)}`);
  }
}
