// `lookup table key [AS field] [OUTPUT|OUTPUTNEW out [AS field]]`: enriches rows from a CSV table.
// Keys match exactly (case-sensitive, Splunk's default case_sensitive_match=true); a multivalue key
// matches any of its values; several matching table rows give multivalue outputs (in table order).
// OUTPUT (and no clause) overwrites existing fields; OUTPUTNEW only fills fields that are missing.
// A row with no match is left unchanged.
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';
import { fail } from '../../core/diagnostics.ts';
import { mv, scalarToString, valuesOf, type Scalar } from '../../core/value.ts';
import type { CsvTable } from '../csv.ts';

interface Pair {
  readonly lookupField: string;
  readonly eventField: string;
}

export class LookupOperator extends Operator {
  private readonly index = new Map<string, number[]>();
  private readonly keyCols: number[];
  private readonly outputs: { readonly col: number; readonly eventField: string }[];
  constructor(
    next: Sink,
    private readonly table: CsvTable,
    private readonly keys: readonly Pair[],
    outputs: readonly Pair[],
    private readonly overwrite: boolean,
  ) {
    super(next);
    const col = (name: string): number => {
      const i = table.columns.indexOf(name);
      if (i < 0) fail('SPL-LOOKUP-NO-COLUMN', `lookup table has no column ${JSON.stringify(name)}`, { hint: `columns: ${table.columns.join(', ')}` });
      return i;
    };
    this.keyCols = keys.map((k) => col(k.lookupField));
    const keyNames = new Set(keys.map((k) => k.lookupField));
    const outs = outputs.length > 0 ? outputs : table.columns.filter((c) => !keyNames.has(c)).map((c) => ({ lookupField: c, eventField: c }));
    this.outputs = outs.map((o) => ({ col: col(o.lookupField), eventField: o.eventField }));
    table.rows.forEach((r, i) => {
      const parts = this.keyCols.map((c) => r[c]);
      if (parts.some((p) => p === null || p === undefined)) return;
      const key = parts.join('\u0000');
      const list = this.index.get(key);
      if (list) list.push(i);
      else this.index.set(key, [i]);
    });
  }
  push(row: Row): void {
    const matches = this.match(row);
    if (matches.length > 0) {
      for (const o of this.outputs) {
        if (!this.overwrite && row.get(o.eventField) !== null) continue;
        const values: Scalar[] = [];
        for (const m of matches) {
          const v = this.table.rows[m]?.[o.col];
          if (v !== null && v !== undefined) values.push(v);
        }
        if (values.length > 0) row.set(o.eventField, mv(values));
        else if (this.overwrite) row.delete(o.eventField);
      }
    }
    this.next.push(row);
  }
  /** Table row numbers matching the row's key values (every combination of multivalue key values). */
  private match(row: Row): number[] {
    let combos: string[][] = [[]];
    for (const k of this.keys) {
      const values = valuesOf(row.get(k.eventField)).map(scalarToString);
      if (values.length === 0) return [];
      combos = combos.flatMap((c) => values.map((v) => [...c, v]));
    }
    const hits = new Set<number>();
    for (const c of combos) for (const i of this.index.get(c.join('\u0000')) ?? []) hits.add(i);
    return [...hits].sort((a, b) => a - b);
  }
}
