// `stats aggs [BY f...]`: one output row per group, BY fields first then aggregates, groups ordered by
// their BY values ascending. Rows with a missing BY field are dropped; without BY there is exactly one row,
// even on empty input (so `stats count` gives count=0). Buffers one accumulator set per group.
import { Operator, type Sink } from './operator.ts';
import { Row } from '../row.ts';
import type { Value } from '../../core/value.ts';
import type { RowAccumulator as Accumulator, BoundAggregation } from '../aggregates.ts';
import { sortCompare } from '../compare-values.ts';
import { groupKeys } from './group-keys.ts';

interface Group {
  readonly values: readonly Value[];
  readonly accs: Accumulator[];
}

export class StatsOperator extends Operator {
  private readonly groups = new Map<string, Group>();
  constructor(next: Sink, private readonly aggs: readonly BoundAggregation[], private readonly by: readonly string[]) {
    super(next);
  }
  push(row: Row): void {
    const args = this.aggs.map((a) => a.arg(row));
    for (const key of groupKeys(row, this.by)) {
      let g = this.groups.get(key.id);
      if (!g) {
        g = { values: key.values, accs: this.aggs.map((a) => a.create()) };
        this.groups.set(key.id, g);
      }
      g.accs.forEach((acc, i) => acc.add(args[i] as Value, row));
    }
  }
  override end(): void {
    if (this.by.length === 0 && this.groups.size === 0) {
      this.groups.set('[]', { values: [], accs: this.aggs.map((a) => a.create()) });
    }
    const groups = [...this.groups.values()];
    groups.sort((a, b) => {
      for (let i = 0; i < this.by.length; i++) {
        const c = sortCompare(a.values[i] ?? null, b.values[i] ?? null, 'auto', false);
        if (c !== 0) return c;
      }
      return 0;
    });
    for (const g of groups) {
      if (this.next.done) break;
      const fields: [string, Value][] = this.by.map((f, i) => [f, g.values[i] ?? null]);
      this.aggs.forEach((a, i) => fields.push([a.as, (g.accs[i] as Accumulator).result()]));
      this.next.push(Row.fromFields(fields));
    }
    this.groups.clear();
    this.next.end();
  }
}
