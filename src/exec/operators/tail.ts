// `tail N` (default 10): keeps the last N rows in a ring and emits them in reverse order, as the tail docs
// say: "Returns the last N number of specified results. The events are returned in reverse order".
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';

export class TailOperator extends Operator {
  private readonly ring: Row[] = [];
  private next_ = 0;
  constructor(next: Sink, private readonly count: number) {
    super(next);
  }
  push(row: Row): void {
    if (this.count <= 0) return;
    if (this.ring.length < this.count) this.ring.push(row);
    else this.ring[this.next_] = row;
    this.next_ = (this.next_ + 1) % this.count;
  }
  override end(): void {
    const n = this.ring.length;
    const start = n < this.count ? 0 : this.next_;
    for (let i = n - 1; i >= 0 && !this.next.done; i--) this.next.push(this.ring[(start + i) % n] as Row);
    this.next.end();
  }
}
