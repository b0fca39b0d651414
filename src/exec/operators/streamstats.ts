// `streamstats aggs [BY f...] [window=N] [current=true|false] [global=true]`: running aggregates in row
// order, per group. With window=N only the last N rows of the group count (recomputed from the window);
// current=false leaves the current row out. A multivalue BY field uses its first value's group.
// Streams; memory is one window (or accumulator) per group.
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';
import type { Value } from '../../core/value.ts';
import type { RowAccumulator as Accumulator, BoundAggregation } from '../aggregates.ts';
import { groupKeys } from './group-keys.ts';

interface Entry {
  readonly args: Value[];
  readonly row: Row;
}

export class StreamstatsOperator extends Operator {
  private readonly running = new Map<string, Accumulator[]>();
  private readonly windows = new Map<string, Entry[]>();
  constructor(
    next: Sink,
    private readonly aggs: readonly BoundAggregation[],
    private readonly by: readonly string[],
    private readonly window: number,
    private readonly current: boolean,
  ) {
    super(next);
  }
  push(row: Row): void {
    const keys = groupKeys(row, this.by);
    if (keys.length === 0) {
      this.next.push(row);
      return;
    }
    const id = (keys[0] as { id: string }).id;
    const entry: Entry = { args: this.aggs.map((a) => a.arg(row)), row };
    const values = this.window > 0 ? this.windowed(id, entry) : this.runningValues(id, entry);
    this.aggs.forEach((a, i) => row.set(a.as, values[i] ?? null));
    this.next.push(row);
  }
  private runningValues(id: string, entry: Entry): Value[] {
    let accs = this.running.get(id);
    if (!accs) {
      accs = this.aggs.map((a) => a.create());
      this.running.set(id, accs);
    }
    const add = () => accs.forEach((acc, i) => acc.add(entry.args[i] as Value, entry.row));
    if (this.current) add();
    const out = accs.map((a) => a.result());
    if (!this.current) add();
    return out;
  }
  private windowed(id: string, entry: Entry): Value[] {
    let win = this.windows.get(id);
    if (!win) {
      win = [];
      this.windows.set(id, win);
    }
    if (this.current) {
      win.push(entry);
      if (win.length > this.window) win.shift();
    }
    const accs = this.aggs.map((a) => a.create());
    for (const e of win) accs.forEach((acc, i) => acc.add(e.args[i] as Value, e.row));
    const out = accs.map((a) => a.result());
    if (!this.current) {
      win.push(entry);
      if (win.length > this.window) win.shift();
    }
    return out;
  }
}
