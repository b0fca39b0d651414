// `streamstats aggs [BY f...] [window=N] [time_window=S] [current=true|false] [global=true]`: running
// aggregates in row order, per group. With window=N only the last N rows of the group count; with
// time_window=S only the group's rows less than S seconds from the current row (both may be combined:
// then window caps the rows of the time window). Windows are recomputed from their rows; current=false
// leaves the current row out. A multivalue BY field uses its first value's group.
// Streams; memory is one window (or accumulator) per group.
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';
import type { Value } from '../../core/value.ts';
import { fail } from '../../core/diagnostics.ts';
import type { RowAccumulator as Accumulator, BoundAggregation } from '../aggregates.ts';
import { groupKeys } from './group-keys.ts';

interface Entry {
  readonly args: Value[];
  readonly row: Row;
  readonly time: number;
}

export interface StreamWindow {
  /** Rows per window; 0 = unbounded. */
  readonly count: number;
  /** Seconds per window; 0 = no time window. */
  readonly seconds: number;
}

export class StreamstatsOperator extends Operator {
  private readonly running = new Map<string, Accumulator[]>();
  private readonly windows = new Map<string, Entry[]>();
  private readonly order = new TimeOrder();
  constructor(
    next: Sink,
    private readonly aggs: readonly BoundAggregation[],
    private readonly by: readonly string[],
    private readonly window: StreamWindow,
    private readonly current: boolean,
  ) {
    super(next);
  }
  push(row: Row): void {
    const time = this.window.seconds > 0 ? this.order.check(row) : 0;
    const keys = groupKeys(row, this.by);
    if (keys.length === 0) {
      this.next.push(row);
      return;
    }
    const id = (keys[0] as { id: string }).id;
    const entry: Entry = { args: this.aggs.map((a) => a.arg(row)), row, time };
    const windowed = this.window.count > 0 || this.window.seconds > 0;
    const values = windowed ? this.windowed(id, entry) : this.runningValues(id, entry);
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
    const { count, seconds } = this.window;
    // Rows sorted either way (checked by TimeOrder): the oldest-in-window rows are at the front.
    if (seconds > 0) while (win.length > 0 && Math.abs(entry.time - (win[0] as Entry).time) >= seconds) win.shift();
    const add = () => {
      win.push(entry);
      if (count > 0 && win.length > count) win.shift();
    };
    if (this.current) add();
    const accs = this.aggs.map((a) => a.create());
    for (const e of win) accs.forEach((acc, i) => acc.add(e.args[i] as Value, e.row));
    const out = accs.map((a) => a.result());
    if (!this.current) add();
    return out;
  }
}

/**
 * streamstats docs: time_window "requires that the events be sorted in either ascending or descending
 * time order". Rows that break the order (or have no _time) stop the search rather than give windows
 * Splunk would not compute.
 */
class TimeOrder {
  private last: number | null = null;
  private direction = 0;
  check(row: Row): number {
    const t = row.time;
    if (t === null) fail('SPL-STREAMSTATS-NO-TIME', 'streamstats time_window needs _time on every row', { hint: 'keep _time through the commands before streamstats' });
    if (this.last !== null && t !== this.last) {
      const dir = t > this.last ? 1 : -1;
      if (this.direction === 0) this.direction = dir;
      else if (dir !== this.direction) {
        fail('SPL-STREAMSTATS-UNSORTED', 'streamstats time_window needs rows sorted by _time (ascending or descending)', { hint: 'add | sort 0 _time before streamstats' });
      }
    }
    this.last = t;
    return t;
  }
}
