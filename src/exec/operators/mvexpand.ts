// `mvexpand f [limit=N]`: one output row per value of f (the other fields copied). A row without f passes
// through unchanged [unverified: the mvexpand docs do not say; we keep the row rather than lose data].
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';
import { valuesOf } from '../../core/value.ts';

export class MvexpandOperator extends Operator {
  constructor(next: Sink, private readonly field: string, private readonly limit: number | null) {
    super(next);
  }
  push(row: Row): void {
    const values = valuesOf(row.get(this.field));
    if (values.length <= 1) {
      this.next.push(row);
      return;
    }
    const n = this.limit && this.limit > 0 ? Math.min(this.limit, values.length) : values.length;
    for (let i = 0; i < n && !this.next.done; i++) {
      const copy = row.clone();
      copy.set(this.field, values[i] ?? null);
      this.next.push(copy);
    }
  }
}
