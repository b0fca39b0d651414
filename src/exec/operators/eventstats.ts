// `eventstats aggs [BY f...]`: computes the same aggregates as stats, then adds them to every row of the
// group (rows keep all their fields and their order). Rows missing a BY field pass through without them.
// A multivalue BY field joins every value's group, but the row shows the first value's aggregates.
// Buffers all rows until the end.
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';
import type { Value } from '../../core/value.ts';
import type { RowAccumulator as Accumulator, BoundAggregation } from '../aggregates.ts';
import { groupKeys } from './group-keys.ts';

export class EventstatsOperator extends Operator {
  private readonly rows: { row: Row; keys: string[] }[] = [];
  private readonly groups = new Map<string, Accumulator[]>();
  constructor(next: Sink, private readonly aggs: readonly BoundAggregation[], private readonly by: readonly string[]) {
    super(next);
  }
  push(row: Row): void {
    const args = this.aggs.map((a) => a.arg(row));
    const keys = groupKeys(row, this.by).map((k) => k.id);
    for (const id of keys) {
      let accs = this.groups.get(id);
      if (!accs) {
        accs = this.aggs.map((a) => a.create());
        this.groups.set(id, accs);
      }
      accs.forEach((acc, i) => acc.add(args[i] as Value, row));
    }
    this.rows.push({ row, keys });
  }
  override end(): void {
    const results = new Map<string, Value[]>();
    for (const [id, accs] of this.groups) results.set(id, accs.map((a) => a.result()));
    if (this.by.length === 0 && !results.has('[]')) results.set('[]', this.aggs.map((a) => a.create().result()));
    for (const { row, keys } of this.rows) {
      if (this.next.done) break;
      const values = keys[0] !== undefined ? results.get(keys[0]) : undefined;
      if (values) this.aggs.forEach((a, i) => row.set(a.as, values[i] ?? null));
      this.next.push(row);
    }
    this.rows.length = 0;
    this.next.end();
  }
}
