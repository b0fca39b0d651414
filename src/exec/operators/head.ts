// `head N` (default 10) passes the first N rows; `head (expr)` passes rows while expr is true and at most N
// (the docs' example: "Returns up to 10 results, which is the default number, or until ..."). `keeplast`
// keeps "the result that caused the eval-expression to evaluate to false or NULL"; null=true reads null as true.
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';
import type { Compiled } from '../compile-expr.ts';

export class HeadOperator extends Operator {
  private seen = 0;
  private stopped = false;
  constructor(
    next: Sink,
    private readonly count: number,
    private readonly predicate: Compiled | null,
    private readonly keeplast: boolean,
    private readonly nullIsTrue: boolean,
    /** Told once, when this head stops taking rows. */
    private readonly onStop: () => void = () => {},
  ) {
    super(next);
  }
  push(row: Row): void {
    if (this.stopped) return;
    if (this.predicate) {
      const v = this.predicate(row);
      const ok = v === true || (v === null && this.nullIsTrue);
      if (!ok) {
        this.stop();
        if (this.keeplast) this.next.push(row);
        return;
      }
    }
    this.seen++;
    this.next.push(row);
    if (this.seen >= this.count) this.stop();
  }
  private stop(): void {
    this.stopped = true;
    this.onStop();
  }
  override get done(): boolean {
    return this.stopped || this.next.done;
  }
}
