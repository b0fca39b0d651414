// Row sets of the two engines made comparable: null, missing and empty lists mean "no field", a
// one-element list is a single value (Splunk's multivalue rule), numbers print the same way, and the rows
// are sorted, so `rowsEqual` says whether sightline and DuckDB returned the same answer.

import { numberToString } from '../core/value.ts';

export type NormRow = Readonly<Record<string, string | readonly string[]>>;

function scalar(v: unknown): string {
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

function value(v: unknown): string | string[] | undefined {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) {
    const items = v.filter((x) => x !== null && x !== undefined).map(scalar);
    if (items.length === 0) return undefined;
    return items.length === 1 ? items[0]! : items;
  }
  return scalar(v);
}

export function normaliseRows(rows: readonly Record<string, unknown>[]): string[] {
  return rows
    .map((r) => {
      const o: Record<string, string | string[]> = {};
      for (const k of Object.keys(r).sort()) {
        const v = value(r[k]);
        if (v !== undefined) o[k] = v;
      }
      return JSON.stringify(o);
    })
    .sort();
}

export function rowsEqual(a: readonly Record<string, unknown>[], b: readonly Record<string, unknown>[]): boolean {
  const x = normaliseRows(a);
  const y = normaliseRows(b);
  return x.length === y.length && x.every((r, i) => r === y[i]);
}
