// `where` and a later `| search`: passes rows whose predicate is exactly true (false and null drop).
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';

export class FilterOperator extends Operator {
  constructor(next: Sink, private readonly predicate: (row: Row) => boolean) {
    super(next);
  }
  push(row: Row): void {
    if (this.predicate(row)) this.next.push(row);
  }
}
