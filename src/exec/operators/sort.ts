// `sort [N] [-]a, b`: buffers rows, sorts stably by the keys, emits the first `limit` (0 = all). With a
// limit the buffer is cut back to the best `limit` rows whenever it doubles, so memory stays O(limit);
// stability makes the cut exact (ties keep arrival order). Key order rules live in compare-values.ts.
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';
import type { PlanSortKey } from '../../plan/nodes.ts';
import { sortCompare } from '../compare-values.ts';

export function compareRows(keys: readonly PlanSortKey[]): (a: Row, b: Row) => number {
  return (a, b) => {
    for (const k of keys) {
      const c = sortCompare(a.get(k.field), b.get(k.field), k.type, k.descending);
      if (c !== 0) return c;
    }
    return 0;
  };
}

export class SortOperator extends Operator {
  private rows: Row[] = [];
  private readonly compare: (a: Row, b: Row) => number;
  constructor(next: Sink, private readonly keys: readonly PlanSortKey[], private readonly limit: number) {
    super(next);
    this.compare = compareRows(keys);
  }
  push(row: Row): void {
    this.rows.push(row);
    if (this.limit > 0 && this.rows.length >= 2 * this.limit + 1024) {
      this.rows = this.rows.sort(this.compare).slice(0, this.limit);
    }
  }
  override end(): void {
    const sorted = this.rows.sort(this.compare); // Array.prototype.sort is stable
    const n = this.limit > 0 ? Math.min(this.limit, sorted.length) : sorted.length;
    for (let i = 0; i < n && !this.next.done; i++) this.next.push(sorted[i] as Row);
    this.rows.length = 0;
    this.next.end();
  }
}
