// `streamstats aggs [BY f...] [window=N] [time_window=S] [current=bool] [global=bool] [reset_on_change=bool]
// [reset_before=(expr)] [reset_after=(expr)]`: running aggregates in row order, per group. With window=N
// only the last N rows count: one window over all rows whose rows of the current group are aggregated
// (global=true, the default), or one window per group (global=false). With time_window=S only the group's
// rows less than S seconds from the current row count (both may be combined: then window caps the rows).
// Windows are recomputed from their rows; current=false leaves the current row out. A reset (before or
// after a row, or when the BY values change from one row to the next) clears every group's statistics.
// A multivalue BY field uses its first value's group. Streams; memory is the windows (or accumulators).
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';
import type { Value } from '../../core/value.ts';
import { fail } from '../../core/diagnostics.ts';
import type { RowAccumulator as Accumulator, BoundAggregation } from '../aggregates.ts';
import { groupKeys } from './group-keys.ts';

interface Entry {
  readonly id: string;
  readonly args: Value[];
  readonly row: Row;
  readonly time: number;
}

export interface StreamOptions {
  /** Rows per window; 0 = unbounded. */
  readonly count: number;
  /** Seconds per window; 0 = no time window. */
  readonly seconds: number;
  readonly current: boolean;
  /** One window shared by all groups (Splunk's default) rather than one per group. */
  readonly global: boolean;
  readonly resetOnChange: boolean;
  readonly resetBefore: ((row: Row) => boolean) | null;
  readonly resetAfter: ((row: Row) => boolean) | null;
}

export class StreamstatsOperator extends Operator {
  private readonly running = new Map<string, Accumulator[]>();
  private readonly windows = new Map<string, Entry[]>();
  private readonly order = new TimeOrder();
  private lastGroup: string | null = null;
  constructor(
    next: Sink,
    private readonly aggs: readonly BoundAggregation[],
    private readonly by: readonly string[],
    private readonly opts: StreamOptions,
  ) {
    super(next);
  }
  push(row: Row): void {
    const o = this.opts;
    const time = o.seconds > 0 ? this.order.check(row) : 0;
    if (o.resetBefore?.(row)) this.reset();
    const keys = groupKeys(row, this.by);
    if (keys.length === 0) {
      this.after(row);
      this.next.push(row);
      return;
    }
    const id = (keys[0] as { id: string }).id;
    // reset_on_change: a row whose group differs from the previous grouped row starts afresh.
    if (o.resetOnChange && this.lastGroup !== null && id !== this.lastGroup) this.reset();
    this.lastGroup = id;
    const entry: Entry = { id, args: this.aggs.map((a) => a.arg(row)), row, time };
    const windowed = o.count > 0 || o.seconds > 0;
    const values = windowed ? this.windowed(entry) : this.runningValues(entry);
    this.aggs.forEach((a, i) => row.set(a.as, values[i] ?? null));
    this.after(row);
    this.next.push(row);
  }
  private after(row: Row): void {
    if (this.opts.resetAfter?.(row)) this.reset();
  }
  private reset(): void {
    this.running.clear();
    this.windows.clear();
  }
  private runningValues(entry: Entry): Value[] {
    let accs = this.running.get(entry.id);
    if (!accs) {
      accs = this.aggs.map((a) => a.create());
      this.running.set(entry.id, accs);
    }
    const add = () => accs.forEach((acc, i) => acc.add(entry.args[i] as Value, entry.row));
    if (this.opts.current) add();
    const out = accs.map((a) => a.result());
    if (!this.opts.current) add();
    return out;
  }
  private windowed(entry: Entry): Value[] {
    const { count, seconds, current } = this.opts;
    const shared = this.opts.global && count > 0;
    const key = shared ? '' : entry.id;
    let win = this.windows.get(key);
    if (!win) {
      win = [];
      this.windows.set(key, win);
    }
    // Rows sorted either way (checked by TimeOrder): the oldest-in-window rows are at the front.
    if (seconds > 0) while (win.length > 0 && Math.abs(entry.time - (win[0] as Entry).time) >= seconds) win.shift();
    const add = () => {
      win.push(entry);
      if (count > 0 && win.length > count) win.shift();
    };
    if (current) add();
    const accs = this.aggs.map((a) => a.create());
    for (const e of win) if (e.id === entry.id) accs.forEach((acc, i) => acc.add(e.args[i] as Value, e.row));
    const out = accs.map((a) => a.result());
    if (!current) add();
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
