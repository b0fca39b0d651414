// `dedup [N] a b [keepempty=true] [consecutive=true] [sortby ...]`: keeps the first N rows per key in the
// current order. Rows missing any key field are dropped unless keepempty=true (then all are kept).
// Streams, remembering only keys. With sortby, the sort decides which event is kept (dedup docs: "You can
// sort the fields, which determines which event is retained"), so every row is buffered, sorted, then deduped.
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';
import type { PlanSortKey } from '../../plan/nodes.ts';
import { valuesOf, scalarToString } from '../../core/value.ts';
import { compareRows } from './sort.ts';

export class DedupOperator extends Operator {
  private readonly counts = new Map<string, number>();
  private lastKey: string | null = null;
  private lastCount = 0;
  private readonly buffer: Row[] | null;
  constructor(
    next: Sink,
    private readonly fields: readonly string[],
    private readonly count: number,
    private readonly keepempty: boolean,
    private readonly consecutive: boolean,
    private readonly sortBy: readonly PlanSortKey[],
  ) {
    super(next);
    this.buffer = sortBy.length > 0 ? [] : null;
  }
  push(row: Row): void {
    if (this.buffer) this.buffer.push(row);
    else this.keep(row);
  }
  private keep(row: Row): void {
    const parts: string[] = [];
    for (const f of this.fields) {
      const v = row.get(f);
      if (v === null) {
        if (this.keepempty) this.emit(row);
        return;
      }
      parts.push(JSON.stringify(valuesOf(v).map(scalarToString)));
    }
    const key = parts.join('\u0000');
    if (this.consecutive) {
      this.lastCount = key === this.lastKey ? this.lastCount + 1 : 1;
      this.lastKey = key;
      if (this.lastCount <= this.count) this.emit(row);
      return;
    }
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (n <= this.count) this.emit(row);
  }
  private emit(row: Row): void {
    this.next.push(row);
  }
  override end(): void {
    if (this.buffer) {
      this.buffer.sort(compareRows(this.sortBy));
      for (const r of this.buffer) if (!this.next.done) this.keep(r);
      this.buffer.length = 0;
    }
    this.next.end();
  }
}
